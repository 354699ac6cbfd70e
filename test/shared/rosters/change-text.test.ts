import { describe, expect, it } from 'vitest';
import { changeText } from '../../../shared/rosters/change-text';

describe('a contact change as the officer reads it', () => {
  it('shows a stored instant in Beijing time, not as ISO text', () => {
    const text = changeText({ field: '任职起始', before: '', after: '2026-11-30T12:57:42.133Z' });
    expect(text).toBe('任职起始：（空） → 2026年11月30日 20:57');
    expect(text).not.toContain('T12');
  });

  it('leaves numbers and names as they are', () => {
    expect(changeText({ field: '手机', before: '13800000000', after: '13912345678' })).toBe(
      '手机：13800000000 → 13912345678',
    );
    expect(changeText({ field: '备注', before: '2026-11-30', after: '' })).toBe('备注：2026-11-30 → （空）');
  });
});
