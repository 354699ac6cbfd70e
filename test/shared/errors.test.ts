import { describe, expect, it } from 'vitest';
import { messageOf } from '../../shared/errors';

describe('messageOf', () => {
  it("gives an Error's message, a thrown string as it is, and readable text for anything else", () => {
    expect(messageOf(new RangeError('班次时长须为 8、12 或 24 小时'))).toBe('班次时长须为 8、12 或 24 小时');
    expect(messageOf('文件无法读取')).toBe('文件无法读取');
    expect(messageOf({ code: 'EACCES' })).toBe('{"code":"EACCES"}');
    expect(messageOf(undefined)).toBe('undefined');
    expect(messageOf(42)).toBe('42');
  });
});
