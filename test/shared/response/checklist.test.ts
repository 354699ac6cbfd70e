import { describe, expect, it } from 'vitest';
import {
  actionChecklist,
  mergeChecklist,
  validateNotApplicable,
  validateTick,
  type ChecklistEntry,
  type ItemState,
} from '../../../shared/response';

/** Applies a merge the way the database layer will: add open items, set states. */
function apply(entries: ChecklistEntry[], m: ReturnType<typeof mergeChecklist>): ChecklistEntry[] {
  const out = entries.map((e) => ({ ...e }));
  for (const e of out) {
    if (m.markNotRequired.includes(e.id)) e.state = 'notRequired';
    if (m.reopen.includes(e.id)) e.state = 'open';
  }
  return [...out, ...m.add.map((i): ChecklistEntry => ({ id: i.id, state: 'open' }))];
}

const start = (plan: Parameters<typeof actionChecklist>[0], level: Parameters<typeof actionChecklist>[1]) =>
  actionChecklist(plan, level).map((i): ChecklistEntry => ({ id: i.id, state: 'open' }));

describe('mergeChecklist on a level change', () => {
  it('raising C 三级 → 二级 keeps ticked items, adds 5.3.3 items, sets aside untouched 三级 items', () => {
    const entries = start('environment', '三级');
    entries.find((e) => e.id === 'env.5.3.2.1')!.state = 'done';
    entries.find((e) => e.id === 'env.5.3.2.10')!.state = 'notApplicable';
    const m = mergeChecklist(entries, 'environment', '二级');
    expect(m.add.map((i) => i.id).sort()).toEqual(['env.5.3.3.0', 'env.5.3.3.1', 'env.5.3.3.2', 'env.5.3.3.3']);
    expect(m.markNotRequired).not.toContain('env.5.3.2.1');
    expect(m.markNotRequired).not.toContain('env.5.3.2.10');
    expect(m.markNotRequired).toContain('env.5.3.2.2');
    // Measures of 5.4 and first response of 5.2 apply at every level: never set aside.
    expect(m.markNotRequired.some((id) => id.startsWith('env.5.4') || id.startsWith('env.5.2'))).toBe(false);
    const after = apply(entries, m);
    expect(after.find((e) => e.id === 'env.5.3.2.1')!.state).toBe('done');
    expect(after.find((e) => e.id === 'env.5.3.2.10')!.state).toBe('notApplicable');
    expect(new Set(after.map((e) => e.id)).size).toBe(after.length);
  });

  it('raising C 二级 → 一级 keeps the shared 5.3.3(2)/(3) items and adds only what 一级 adds', () => {
    const entries = start('environment', '二级');
    entries.find((e) => e.id === 'env.5.3.3.2')!.state = 'done';
    const m = mergeChecklist(entries, 'environment', '一级');
    expect(m.add.map((i) => i.id).sort()).toEqual(['env.5.3.4.0', 'env.5.3.4.1']);
    expect(m.markNotRequired.sort()).toEqual(['env.5.3.3.0', 'env.5.3.3.1']);
  });

  it('comms 二级 → 一级 keeps the carriers item that both levels share', () => {
    const entries = start('comms', '二级');
    entries.find((e) => e.id === 'comms.4.3.3.3')!.state = 'done';
    const m = mergeChecklist(entries, 'comms', '一级');
    expect(m.add.map((i) => i.id)).not.toContain('comms.4.3.3.3');
    expect(m.markNotRequired.sort()).toEqual(['comms.4.3.3.1', 'comms.4.3.3.2']);
  });

  it('lowering then raising again reopens items set aside, and never duplicates', () => {
    let entries = start('radiation', '三级');
    entries.find((e) => e.id === 'rad.4.3.2.5')!.state = 'done';
    entries = apply(entries, mergeChecklist(entries, 'radiation', '四级'));
    expect(entries.find((e) => e.id === 'rad.4.3.2.1')!.state).toBe('notRequired');
    expect(entries.find((e) => e.id === 'rad.4.3.2.5')!.state).toBe('done');
    const back = mergeChecklist(entries, 'radiation', '三级');
    expect(back.add).toEqual([]);
    expect(back.reopen).toContain('rad.4.3.2.1');
    expect(back.reopen).not.toContain('rad.4.3.2.5');
    expect(back.markNotRequired.sort()).toEqual(['rad.4.3.1.1', 'rad.4.3.1.2', 'rad.4.3.1.3']);
  });

  it('same level: nothing to do', () => {
    const entries = start('environment', '三级');
    expect(mergeChecklist(entries, 'environment', '三级')).toEqual({ add: [], markNotRequired: [], reopen: [] });
  });

  it('leaves unknown ids alone and rejects malformed entries', () => {
    const m = mergeChecklist([{ id: 'env.old-item', state: 'open' }], 'environment', '三级');
    expect(m.markNotRequired).toEqual([]);
    expect(() => mergeChecklist([{ id: '', state: 'open' }], 'environment', '三级')).toThrow(/existing\[0\]\.id/);
    // a deliberately invalid input for the refusal test
    expect(() => mergeChecklist([{ id: 'x', state: 'ticked' as ItemState }], 'environment', '三级')).toThrow(/state/);
    expect(() => mergeChecklist([], 'comms', '三级')).toThrow(/newLevel/);
  });
});

describe('ticking and not applicable', () => {
  it('a tick needs time and officer; the note is optional', () => {
    expect(validateTick({ at: '2021-09-10T08:00:00+08:00', by: ' 张三 ', note: '' })).toEqual({
      at: '2021-09-10T08:00:00+08:00',
      by: '张三',
    });
    expect(() => validateTick({ at: 'yesterday', by: '张三' })).toThrow(/at/);
    expect(() => validateTick({ at: '2021-09-10T08:00:00Z', by: '  ' })).toThrow(/by/);
  });

  it('not applicable needs a reason', () => {
    expect(() => validateNotApplicable({ at: '2021-09-10T08:00:00Z', by: '李四', reason: '' })).toThrow(/reason/);
    expect(validateNotApplicable({ at: '2021-09-10T08:00:00Z', by: '李四', reason: '未跨市' }).reason).toBe('未跨市');
  });
});
