import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { toDocx } from '../../../electron/exports/docx';
import { SAMPLE } from './fixtures';

async function documentXml(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('word/document.xml missing');
  return file.async('string');
}

describe('toDocx', () => {
  it('writes an A4 document with the official fonts, the title and every row', async () => {
    const progress: number[] = [];
    const buf = await toDocx([SAMPLE, { title: '空表', columns: [{ key: 'a', header: '甲' }], rows: [] }], {
      title: '值班日志',
      subtitle: '2025年10月1日',
      onProgress: (d) => progress.push(d),
    });
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = await documentXml(buf);
    expect(xml).toContain('值班日志');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('应县某化工厂泄漏');
    // XML escaping of the quote-bearing title.
    expect(xml).toContain('平鲁区通信光缆中断, 影响&quot;两镇&quot;');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:tblHeader/>');
    // The empty table gets a 无 row.
    expect(xml).toContain('>无<');
    expect(progress[progress.length - 1]).toBe(3);
  });

  it('swaps the page for landscape', async () => {
    const xml = await documentXml(await toDocx([SAMPLE], { title: '事件清单', orientation: 'landscape' }));
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
  });

  it('requires a title', async () => {
    await expect(toDocx([SAMPLE], { title: ' ' })).rejects.toThrow(/title/);
  });
});
