import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../../../electron/services/app-services';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller, clock, type Call } from './call';

const INCIDENT = { ...ENV_INPUT, levelOverride: null, responseOverride: null, discoveredAt: null };

/** A duty day with an incident received before midnight and an instruction after it. */
async function dayWithRecords(dir: string): Promise<{ s: AppServices; call: Call }> {
  const t = clock('2026-11-29T22:00:00+08:00');
  const s = await makeServices(dir, { now: t.now });
  const call = caller(s.handlers);
  await call('duty:set', { leader: '李堃', officer: '赵珺' });
  const inc = await call('incidents:create', {
    ...INCIDENT,
    occurredAt: '2026-11-29T21:30:00+08:00',
    receivedAt: '2026-11-29T21:50:00+08:00',
  });
  t.set('2026-11-30T01:30:00+08:00');
  await call('incidents:add-note', { id: inc.id, kind: '领导批示', text: '立即核实', givenBy: '王市长' });
  await call('duty-log:add-remark', { day: '2026-11-29', text: '夜间设备运行正常' });
  return { s, call };
}

describe('duty log exports, opened again', () => {
  const tempDir = useTempDirs();

  it('writes XLSX with A4 setup and repeated header rows, CSV with BOM and CRLF, DOCX in official fonts, JSON', async () => {
    const dir = tempDir();
    const { s, call } = await dayWithRecords(dir);

    const xlsx = (await call('duty-log:export', { day: '2026-11-29', format: 'xlsx' }))!;
    // Readable, in Beijing time: the export happened at 01:30 on 30 November.
    expect(xlsx.path).toBe(`${dir}/exports/值班日志-2026年11月29日-0130.xlsx`);
    expect(xlsx.count).toBe((await call('duty-log:get', { day: '2026-11-29' })).log.counts.total);
    expect(xlsx.count).toBeGreaterThanOrEqual(3);
    const wb = new ExcelJS.Workbook();
    // a Node Buffer is what ExcelJS reads; its typings ask for ArrayBuffer
    await wb.xlsx.load(readFileSync(xlsx.path) as unknown as ArrayBuffer);
    // One compact sheet for the day: the overview under the title, every record with its section.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['值班日志']);
    const sheet = wb.getWorksheet('值班日志')!;
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.printTitlesRow).toBe('3:3');
    // Title, then the overview lines ending with the as-of time, then the header.
    expect(sheet.getCell('A1').text).toBe('值班日志（2026年11月29日）');
    expect(sheet.getCell('A2').text).toMatch(/带班领导：李堃/);
    expect(sheet.getCell('A2').text).toMatch(/截至2026年11月30日 1时30分$/);
    // ExcelJS types row values as a union; a written row is an array
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['栏目', '时间', '类别', '事件', '内容', '记录人']);
    const rowOf = (section: string): ExcelJS.Row => {
      for (let r = 4; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).text === section) return sheet.getRow(r);
      throw new Error(`no row for ${section}`);
    };
    // Times are spreadsheet times with a format, not text.
    const received = rowOf('接报情况');
    expect(received.getCell(2).value).toEqual(new Date(Date.UTC(1899, 11, 30, 21, 50)));
    expect(received.getCell(2).numFmt).toBe('hh:mm');
    expect(received.getCell(4).text).toContain(ENV_INPUT.title);
    const instructions = rowOf('领导批示');
    expect(instructions.getCell(2).value).toEqual(new Date(Date.UTC(1899, 11, 31, 1, 30)));
    expect(instructions.getCell(2).numFmt).toBe('"次日 "hh:mm');
    expect(instructions.getCell(5).value).toBe('王市长批示：立即核实');
    expect(rowOf('交接班及其他').getCell(5).value).toBe('夜间设备运行正常');

    const csv = (await call('duty-log:export', { day: '2026-11-29', format: 'csv' }))!;
    const bytes = readFileSync(csv.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain('\r\n');
    // Every line ends in CRLF (no cell here holds a line break).
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('王市长批示：立即核实');
    // Times are text, all written alike, so no spreadsheet turns some of them into time values.
    expect(text).toContain('21时50分,接报');
    expect(text).toContain('次日 01时30分,批示');
    expect(text).not.toMatch(/(^|,)(次日 )?\d{2}:\d{2},/m);
    expect(Buffer.from(csv.contentBase64, 'base64').equals(bytes)).toBe(true);

    const docx = (await call('duty-log:export', { day: '2026-11-29', format: 'docx' }))!;
    const zip = await JSZip.loadAsync(readFileSync(docx.path));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('王市长批示：立即核实');
    expect(xml).toContain('值班日志');

    const json = (await call('duty-log:export', { day: '2026-11-29', format: 'json' }))!;
    // the JSON export's known shape; the test asserts on it
    const parsed = JSON.parse(readFileSync(json.path, 'utf8')) as {
      title: string;
      tables: { title: string; rows: Record<string, unknown>[] }[];
    };
    expect(parsed.title).toBe('值班日志');
    expect(parsed.tables[0]!.rows.find((r) => r.section === '领导批示')).toMatchObject({
      time: '次日 01:30',
      officer: '赵珺',
    });

    // A range exports as a summary and a detail sheet; PDF is one day only.
    const range = (await call('duty-log:export', { day: '2026-11-28', toDay: '2026-11-30', format: 'xlsx' }))!;
    const wr = new ExcelJS.Workbook();
    // a Node Buffer is what ExcelJS reads; its typings ask for ArrayBuffer
    await wr.xlsx.load(readFileSync(range.path) as unknown as ArrayBuffer);
    expect(wr.worksheets.map((w) => w.name)).toEqual(['逐日汇总', '明细']);
    expect(wr.worksheets[0]!.rowCount).toBe(3 + 3);
    await expect(call('duty-log:export', { day: '2026-11-28', toDay: '2026-11-30', format: 'pdf' })).rejects.toThrow(
      /PDF 只能导出单日/,
    );
    await expect(call('duty-log:export', { day: '2026-11-30', toDay: '2026-11-28', format: 'csv' })).rejects.toThrow(
      /结束日期不能早于开始日期/,
    );
    await s.close();
  });

  it('writes the PDF of the printed 值班日志 (text extracted with pdftotext)', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const { s, call } = await dayWithRecords(dir);
    const pdf = (await call('duty-log:export', { day: '2026-11-29', format: 'pdf' }))!;
    expect(pdf.path.startsWith(`${dir}/exports/`)).toBe(true);
    // Named like the other formats: the log's day once, then the time of export.
    expect(pdf.fileName).toMatch(/^值班日志-2026年11月29日-\d{4}\.pdf$/);
    expect(readFileSync(pdf.path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, '');
    for (const expected of [
      '值班日志',
      '朔州市人民政府总值班室',
      '李堃',
      '赵珺',
      '21:50',
      '接报',
      '立即核实',
      '夜间设备运行正常',
      '其他需要记载的事项',
    ]) {
      expect(text).toContain(expected);
    }
    await s.close();
  });
});
