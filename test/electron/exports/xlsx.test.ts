import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sheetNameFor, toXlsx } from '../../../electron/exports/xlsx';
import type { ExportTable } from '../../../electron/exports/types';
import { SAMPLE } from './fixtures';

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('toXlsx', () => {
  it('writes a sheet that parses back with title, header, rows and A4 print setup', async () => {
    const buf = await toXlsx([SAMPLE]);
    const wb = await load(buf);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.name).toBe('突发事件登记表');
    expect(ws.getCell('A1').value).toBe('突发事件登记表');
    expect(ws.getCell('A1').font?.name).toBe('方正小标宋简体');
    expect(ws.getCell('A2').value).toBe('2025年10月1日至2025年10月7日');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '事件', '地点', '备注']);
    expect(ws.getCell('A4').value).toBe(1);
    expect(ws.getCell('B5').value).toBe('平鲁区通信光缆中断, 影响"两镇"');
    expect(ws.getCell('D5').value).toBe('第一行\n第二行');
    expect(ws.getCell('D4').font?.name).toBe('仿宋_GB2312');
    // A formula-looking text stays text.
    expect(ws.getCell('B6').value).toBe('=SUM(A1)');
    expect(ws.getCell('C6').value).toBeNull();
    expect(ws.rowCount).toBe(6);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('portrait');
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getColumn(2).width).toBe(30);
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
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.pageSetup.printTitlesRow).toBe('2:2');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.getCell('A4502').value).toBe(4499);
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
