import { describe, expect, it } from 'vitest';
import { ACT_NAMES, actName, withActNames } from '../../../shared/ipc/act-names';

describe('act names in the audit record', () => {
  it('every act has a distinct Chinese name', () => {
    const names = Object.values(ACT_NAMES);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[\u4e00-\u9fa5A-Z（）]+$/);
  });

  it('names a channel, marks an unknown one, and rewrites the identifiers older records carry', () => {
    expect(actName('reports:sign')).toBe('签发报告');
    expect(actName('no:such')).toBe('未知操作');
    expect(withActNames('带班领导确认 reports:sign')).toBe('带班领导确认 签发报告');
    expect(withActNames('settings:set：需要带班领导或管理员权限')).toBe('修改设置：需要带班领导或管理员权限');
    expect(withActNames('以 2026:10 记')).toBe('以 2026:10 记');
  });
});
