import { describe, expect, it } from 'vitest';
import { toJson } from '../../../electron/exports/json';

describe('toJson', () => {
  it('writes UTF-8 JSON that parses back to the same value', () => {
    const value = { title: '值班日志', rows: [{ 时间: '08:30', n: 1, x: null }] };
    const buf = toJson(value);
    expect(buf[0]).toBe(0x7b);
    expect(JSON.parse(buf.toString('utf8'))).toEqual(value);
    expect(buf.toString('utf8').endsWith('}\n')).toBe(true);
  });

  it('rejects undefined and cycles', () => {
    expect(() => toJson(undefined)).toThrow(/value/);
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => toJson(a)).toThrow(/JSON/);
  });
});
