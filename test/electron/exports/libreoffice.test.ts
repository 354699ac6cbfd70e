// Exports as LibreOffice opens them: converted to PDF headless, then read back with pdftotext.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { dutyLogRangeTables, toDocx, toXlsx } from '../../../electron/exports/index';
import { compileDutyLog, type DutyEvent } from '../../../shared/stats/duty-log';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'exports-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Converts a file with LibreOffice (its own profile in the temp folder) and returns the PDF path. */
async function toPdf(file: string): Promise<string> {
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { timeout: 180_000 },
  );
  return file.replace(/\.\w+$/, '.pdf');
}

async function pageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const n = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
  const out: string[] = [];
  for (let p = 1; p <= n; p++)
    out.push((await run('pdftotext', ['-layout', '-f', String(p), '-l', String(p), pdf, '-'])).stdout);
  return out;
}

// A day with 20 events, each with a phone number in its text.
const events: DutyEvent[] = Array.from({ length: 20 }, (_, i) => ({
  at: `2025-10-01T${String(9 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '05'}:00+08:00`,
  kind: i % 4 === 0 ? '接报' : i % 4 === 1 ? '报告' : i % 4 === 2 ? '来电' : '批示',
  incidentId: 1 + (i % 3),
  incidentTitle: ['应县某化工厂泄漏', '平鲁区通信光缆中断', '朔城区森林火情'][i % 3] ?? '',
  text: `第${i + 1}条：电话0349-20${String(12340 + i)}报告处置进展，已通知相关单位`,
  officer: i % 2 ? '张伟' : '赵珺',
}));

describe('exports opened by LibreOffice', () => {
  it(
    'a day with 20 events: XLSX prints every value whole, on at most 2 A4 pages, no page holding only a heading',
    { timeout: 300_000 },
    async () => {
      const log = compileDutyLog({ day: '2025-10-01', events, duty: [{ leader: '王建国', officer: '张伟' }] });
      const file = join(dir, 'day.xlsx');
      writeFileSync(file, await toXlsx(dutyLogRangeTables([log]), { asOf: new Date('2025-10-02T01:00:00Z') }));
      const pages = await pageTexts(await toPdf(file));
      expect(pages.length).toBeLessThanOrEqual(2);
      const all = pages.join('\n');
      for (const e of events) {
        const phone = /0349-\d+/.exec(e.text)?.[0] ?? '';
        expect(all, phone).toContain(phone);
        const hm = e.at.slice(11, 16);
        expect(all, hm).toContain(hm);
      }
      // Dates print whole: 2025年10月1日 on one line.
      expect(all).toContain('2025年10月1日');
      expect(all).not.toMatch(/2025年10月1\s*\n\s*日/);
      expect(all).toContain('截至2025年10月2日 9时00分');
      for (const p of pages) expect(p.replace(/\s+/g, '').length, 'page with content').toBeGreaterThan(40);
    },
  );

  it('DOCX keeps every row of its last table and ends with a paragraph after it', { timeout: 300_000 }, async () => {
    const log = compileDutyLog({ day: '2025-10-01', events, duty: [{ leader: '王建国', officer: '张伟' }] });
    const file = join(dir, 'day.docx');
    writeFileSync(file, await toDocx(dutyLogRangeTables([log]), { title: '值班日志汇总' }));
    const pages = await pageTexts(await toPdf(file));
    const all = pages.join('\n');
    for (const e of events) expect(all, e.text.slice(0, 6)).toContain(/0349-\d+/.exec(e.text)?.[0] ?? '');
    // The last row of the last table, then the closing paragraph on the last page.
    expect(all.replace(/\s+/g, '')).toContain('第20条');
    expect((pages[pages.length - 1] ?? '').replace(/\s+/g, '')).toContain('（以下无正文）');
    // Page numbers on the outside edge: even pages at the left margin.
    if (pages.length >= 2) expect(/^\s{0,3}—\s*2\s*—\s*$/m.test(pages[1] ?? '')).toBe(true);
  });
});
