import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  decodeText,
  parseCsv,
  readRosterFile,
  writeRosterCsv,
  writeRosterXlsx,
} from '../../../electron/rosters/roster-io';
import { ROSTER_COLUMNS, validateImportRows, type RosterRow } from '../../../shared/rosters/import-rows';

const ROWS: RosterRow[] = [
  {
    指挥部: '朔州市较大生态环境事件应急指挥部',
    单位: '市生态环境局',
    姓名: '张三',
    职务: '副局长',
    办公电话: '0349-2021234',
    手机: '13912345678',
    红机: '8123',
    传真: '0349-2021235',
    备注: '值班，含逗号,和"引号"',
  },
  { 单位: '市工信局', 姓名: '李四', 职务: '科长', 备注: '第一行\r\n第二行' },
  { 单位: '市水利局', 姓名: '王五', 备注: '-先打手机' },
];

/** What a reader returns: every column, line breaks inside cells as \n. */
const full = (r: RosterRow) => Object.fromEntries(ROSTER_COLUMNS.map((c) => [c, (r[c] ?? '').replace(/\r\n/g, '\n')]));

describe('CSV', () => {
  it('writes UTF-8 with BOM and CRLF line ends', () => {
    const buf = writeRosterCsv(ROWS);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.subarray(3).toString('utf8');
    expect(text.startsWith(`${ROSTER_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"值班，含逗号,和""引号"""');
  });

  it('round-trips quotes, commas, newlines and leading minus signs', async () => {
    const back = await readRosterFile(writeRosterCsv(ROWS), 'csv');
    expect(back).toEqual(ROWS.map(full));
  });

  it('parses quoted fields with embedded newlines, LF files and a missing final newline', () => {
    expect(parseCsv('a,b\n"x\ny","1,2"\nz,""')).toEqual([
      ['a', 'b'],
      ['x\ny', '1,2'],
      ['z', ''],
    ]);
    expect(parseCsv('\uFEFF单位,姓名\r\n市工信局,李四')).toEqual([
      ['单位', '姓名'],
      ['市工信局', '李四'],
    ]);
    expect(() => parseCsv('a\n"unclosed')).toThrow(/引号/);
  });

  it('reads a GB18030 file as saved by Excel on Chinese Windows', () => {
    // 单位,姓名 / 市工信局,李四 in GB18030.
    const gbk = Uint8Array.from([
      0xb5, 0xa5, 0xce, 0xbb, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0d, 0x0a, 0xca, 0xd0, 0xb9, 0xa4, 0xd0, 0xc5, 0xbe, 0xd6,
      0x2c, 0xc0, 0xee, 0xcb, 0xc4,
    ]);
    expect(decodeText(gbk)).toBe('单位,姓名\r\n市工信局,李四');
  });

  it('keeps blank lines in place so row numbers match the file, drops trailing ones', async () => {
    const csv = Buffer.from('单位,姓名\r\n市工信局,李四\r\n,\r\n市水利局,\r\n\r\n', 'utf8');
    const rows = await readRosterFile(csv, 'csv');
    expect(rows).toHaveLength(3);
    const { errors } = validateImportRows(rows, ['市工信局', '市水利局']);
    expect(errors).toEqual([{ row: 4, field: '姓名', message: '第4行：姓名不能为空' }]);
  });
});

describe('XLSX', () => {
  it('round-trips rows, with phone columns stored as text', async () => {
    const buf = await writeRosterXlsx(ROWS);
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    const back = await readRosterFile(buf, 'xlsx');
    expect(back).toEqual(ROWS.map(full));
    const wb = new ExcelJS.Workbook();
    // a Node Buffer is what ExcelJS reads; its typings declare their own Buffer type
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('通讯录');
    expect(ws?.getRow(1).values).toEqual([undefined, ...ROSTER_COLUMNS]);
    expect(ws?.getCell('F2').value).toBe('13912345678');
  });

  it('reads numbers typed into a spreadsheet as digits, not 1.39e10', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['单位', '姓名', '手机']);
    ws.addRow(['市工信局', { richText: [{ text: '李' }, { text: '四' }] }, 13912345678]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await readRosterFile(buf, 'xlsx')).toEqual([{ 单位: '市工信局', 姓名: '李四', 手机: '13912345678' }]);
  });

  it('reports a file that is not a workbook', async () => {
    await expect(readRosterFile(Buffer.from('not a zip'), 'xlsx')).rejects.toThrow(/XLSX/);
    // a deliberately invalid input for the refusal test
    await expect(readRosterFile(Buffer.from(''), 'pdf' as never)).rejects.toThrow(/格式/);
  });
});
