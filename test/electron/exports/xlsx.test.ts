import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sheetNameFor, toXlsx } from '../../../electron/exports/xlsx';
import type { ExportTable } from '../../../electron/exports/types';
import { SAMPLE } from './fixtures';

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // a Node Buffer is what ExcelJS reads; its typings ask for ArrayBuffer
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('toXlsx', () => {
  it('writes a sheet that parses back with title, header, rows and A4 print setup', async () => {
    const buf = await toXlsx([SAMPLE], { asOf: new Date('2026-11-30T01:59:00Z') });
    const wb = await load(buf);
    // the workbook written just above has this sheet
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.name).toBe('突发事件登记表');
    expect(ws.getCell('A1').value).toBe('突发事件登记表');
    expect(ws.getCell('A1').font.name).toBe('方正小标宋简体');
    expect(ws.getCell('A2').value).toBe('2025年10月1日至2025年10月7日　截至2026年11月30日 9时59分');
    // ExcelJS types row values as a union; a written row is an array
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '事件', '地点', '备注']);
    expect(ws.getCell('A4').value).toBe(1);
    expect(ws.getCell('B5').value).toBe('平鲁区通信光缆中断, 影响"两镇"');
    expect(ws.getCell('D5').value).toBe('第一行\n第二行');
    expect(ws.getCell('D4').font.name).toBe('仿宋_GB2312');
    // A formula-looking text stays text.
    expect(ws.getCell('B6').value).toBe('=SUM(A1)');
    expect(ws.getCell('C6').value).toBeNull();
    expect(ws.rowCount).toBe(6);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('portrait');
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getCell('A1').isMerged).toBe(true);
    // Widths fit the content with CJK counted twice (平鲁区通信光缆中断, 影响"两镇" is 29 wide), at most the column's own.
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getColumn(3).width).toBe(8);
    expect(ws.getColumn(4).width).toBe(26);
    // Rows are tall enough for their wrapped lines: two lines in D5, one in D4.
    expect(ws.getRow(5).height).toBeGreaterThan(ws.getRow(4).height * 1.7);
  });

  it('stores dates and times as spreadsheet values with Chinese formats', async () => {
    const table: ExportTable = {
      title: '值班日志',
      columns: [
        { key: 'day', header: '值班日期', width: 14, type: 'date' },
        { key: 'time', header: '时间', width: 12, type: 'time' },
        { key: 'text', header: '内容', width: 20 },
      ],
      rows: [
        { day: '2026-11-29', time: '21:50', text: '接报' },
        { day: '2026-11-29', time: '次日 01:30', text: '批示' },
        { day: '2026-11-29', time: '', text: '无' },
      ],
    };
    // the workbook written just above has this sheet
    const ws = (await load(await toXlsx([table]))).worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getCell('A4').value).toEqual(new Date(Date.UTC(2026, 10, 29)));
    expect(ws.getCell('A4').numFmt).toBe('yyyy"年"m"月"d"日"');
    // Time values read back as dates on Excel's day 0 (30 December 1899); 次日 is one day more.
    expect(ws.getCell('B4').value).toEqual(new Date(Date.UTC(1899, 11, 30, 21, 50)));
    expect(ws.getCell('B4').numFmt).toBe('hh:mm');
    expect(ws.getCell('B5').value).toEqual(new Date(Date.UTC(1899, 11, 31, 1, 30)));
    expect(ws.getCell('B5').numFmt).toBe('"次日 "hh:mm');
    expect(ws.getCell('B6').value).toBeNull();
  });

  it('writes several tables as sheets with unique, legal names and reports progress', async () => {
    const big: ExportTable = {
      title: '日志[明细]/2025',
      columns: [{ key: 'a', header: 'A' }],
      rows: Array.from({ length: 4500 }, (_, i) => ({ a: i })),
      orientation: 'landscape',
    };
    const calls: [number, number][] = [];
    const buf = await toXlsx([big, { ...big, rows: [] }], { onProgress: (d, t) => calls.push([d, t]) });
    const wb = await load(buf);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['日志_明细__2025', '日志_明细__2025(2)']);
    // the workbook written just above has this sheet
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.getCell('A4503').value).toBe(4499);
    expect(calls).toEqual([
      [2000, 4500],
      [4000, 4500],
      [4500, 4500],
    ]);
  });

  it('shortens long sheet names to 31 characters', () => {
    const used = new Set<string>();
    const long = '一'.repeat(40);
    expect(sheetNameFor(long, used)).toHaveLength(31);
    expect(sheetNameFor(long, used)).toBe(`${'一'.repeat(28)}(2)`);
  });

  it('rejects tables without columns, naming the field', async () => {
    await expect(toXlsx([{ title: '空', columns: [], rows: [] }])).rejects.toThrow(/columns/);
    await expect(toXlsx([])).rejects.toThrow(/tables/);
  });
});
