import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../electron/exports/csv';
import { SAMPLE } from './fixtures';

describe('toCsv', () => {
  it('starts with the UTF-8 BOM and ends every line with CRLF', () => {
    const buf = toCsv(SAMPLE);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    // Every LF outside quoted fields is preceded by CR.
    const outside = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outside.match(/\n/g)?.length).toBe(4);
    expect(outside.match(/\r\n/g)?.length).toBe(4);
    expect(text).toBe(
      '序号,事件,地点,备注\r\n' +
        '1,应县某化工厂泄漏,应县,已电话报告，书面报告迟报\r\n' +
        '2,"平鲁区通信光缆中断, 影响""两镇""",平鲁区,"第一行\n第二行"\r\n' +
        "3,'=SUM(A1),,\r\n",
    );
  });

  it('puts several tables one after another, each under its title', () => {
    const text = toCsv([SAMPLE, { title: '第二表', columns: [{ key: 'x', header: 'X' }], rows: [{ x: -3 }] }]).toString(
      'utf8',
    );
    expect(text).toContain('\uFEFF突发事件登记表（2025年10月1日至2025年10月7日）\r\n序号,事件');
    expect(text.endsWith('\r\n\r\n第二表\r\nX\r\n-3\r\n')).toBe(true);
  });

  it('quotes and guards fields', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(-5)).toBe('-5');
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(' 前导空格')).toBe('" 前导空格"');
  });
});
