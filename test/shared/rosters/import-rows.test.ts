import { describe, expect, it } from 'vitest';
import { missingColumns, validateImportRows } from '../../../shared/rosters/import-rows';
import { COMMS_HQ } from '../../../shared/rosters/seed/index';

const KNOWN = COMMS_HQ.units.map((u) => u.name);

describe('validateImportRows', () => {
  it('accepts good rows, normalises phones and resolves roster and unit ids', () => {
    const { valid, errors } = validateImportRows(
      [
        {
          指挥部: '朔州市通信保障应急指挥部',
          单位: '市工信局',
          姓名: '张三',
          职务: '科长',
          办公电话: '2021234',
          手机: '139 1234 5678；13812345678',
          红机: '8123',
          传真: '(0349)2021235',
          备注: '',
        },
      ],
      KNOWN,
    );
    expect(errors).toEqual([]);
    expect(valid).toEqual([
      {
        row: 2,
        rosterId: 'comms-hq',
        unit: '市工信局',
        unitId: 'industry-it',
        name: '张三',
        title: '科长',
        officePhones: ['0349-2021234'],
        mobiles: ['13912345678', '13812345678'],
        redPhones: ['8123'],
        faxes: ['0349-2021235'],
      },
    ]);
  });

  it('accepts another spelling of a known unit (市工业和信息化局 = 市工信局)', () => {
    const { valid, errors } = validateImportRows([{ 单位: '市工业和信息化局', 姓名: '李四' }], KNOWN);
    expect(errors).toEqual([]);
    expect(valid[0]?.unitId).toBe('industry-it');
  });

  it('reports each bad row: missing name, malformed phone, unknown unit, unknown HQ', () => {
    const { valid, errors } = validateImportRows(
      [
        { 单位: '市工信局', 姓名: '', 手机: '13912345678' },
        { 单位: '市公安局', 姓名: '王五', 手机: '1391234', 传真: '13912345678' },
        { 单位: '市外星局', 姓名: '赵六' },
        { 指挥部: '不存在的指挥部', 单位: '市公安局', 姓名: '孙七' },
        { 单位: '市公安局', 姓名: '周八' },
      ],
      KNOWN,
    );
    expect(valid.map((r) => r.name)).toEqual(['周八']);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, '姓名'],
      [3, '手机'],
      [3, '传真'],
      [4, '单位'],
      [5, '指挥部'],
    ]);
    expect(errors[0]?.message).toBe('第2行：姓名不能为空');
    expect(errors[1]?.message).toContain('手机号码格式不正确');
    expect(errors[3]?.message).toContain('未知单位“市外星局”');
    for (const e of errors) expect(e.message).toMatch(/^第\d+行：/);
  });

  it('flags a duplicate of an earlier row', () => {
    const { valid, errors } = validateImportRows(
      [
        { 单位: '市公安局', 姓名: '王五' },
        { 单位: '市公安局', 姓名: '王五' },
      ],
      KNOWN,
    );
    expect(valid).toHaveLength(1);
    expect(errors).toEqual([{ row: 3, field: '姓名', message: '第3行：与第2行重复（同一指挥部、单位、姓名）' }]);
  });

  it('reports missing required columns once, on the header row', () => {
    const { valid, errors } = validateImportRows([{ 名字: '王五', 单位: '市公安局' }], KNOWN);
    expect(valid).toEqual([]);
    expect(errors).toEqual([{ row: 1, field: '姓名', message: '第1行（表头）缺少“姓名”列' }]);
    expect(missingColumns(['\uFEFF指挥部', '单位', '姓名'])).toEqual([
      '职务',
      '办公电话',
      '手机',
      '红机',
      '传真',
      '备注',
    ]);
  });

  it('skips blank rows without shifting row numbers, and tolerates BOM and spaces in headers', () => {
    const { valid, errors } = validateImportRows(
      [
        { '\uFEFF单位 ': '', ' 姓名': '' },
        { '\uFEFF单位 ': '市公安局', ' 姓名': '' },
      ],
      KNOWN,
    );
    expect(valid).toEqual([]);
    expect(errors.map((e) => e.row)).toEqual([3]);
  });

  it('throws on input that is not an array', () => {
    // a deliberately invalid input for the refusal test
    expect(() => validateImportRows(null as never, KNOWN)).toThrow(/rows/);
    expect(() => validateImportRows([], 'x' as never)).toThrow(/knownUnits/);
  });
});
