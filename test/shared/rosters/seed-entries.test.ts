import { describe, expect, it } from 'vitest';
import { diffSeed, seedEntries } from '../../../shared/rosters/seed-entries';
import { COMMS_HQ, SEED_ROSTERS } from '../../../shared/rosters/seed/index';

describe('seedEntries', () => {
  it('gives every entry of every roster a unique stable key', () => {
    const all = SEED_ROSTERS.flatMap(seedEntries);
    expect(new Set(all.map((e) => e.key)).size).toBe(all.length);
    const comms = seedEntries(COMMS_HQ);
    expect(comms.map((e) => e.key)).toContain('comms-hq/unit/industry-it');
    expect(comms.map((e) => e.key)).toContain('comms-hq/group/field-repair');
    expect(comms).toHaveLength(1 + 1 + COMMS_HQ.leaders.length + COMMS_HQ.units.length + COMMS_HQ.groups.length);
  });
});

describe('diffSeed', () => {
  it('is empty when the seed is re-imported unchanged', () => {
    const entries = SEED_ROSTERS.flatMap(seedEntries);
    expect(diffSeed(entries, SEED_ROSTERS.flatMap(seedEntries))).toEqual({ added: [], changed: [], removed: [] });
  });

  it('reports added, changed and removed entries by key', () => {
    const old = seedEntries(COMMS_HQ);
    const renamed = {
      ...COMMS_HQ,
      units: COMMS_HQ.units.slice(1).map((u) => (u.id === 'finance' ? { ...u, duties: '新职责' } : u)),
    };
    const next = [...seedEntries(renamed), { ...old[0]!, key: 'comms-hq/unit/new', id: 'new' }];
    const diff = diffSeed(old, next);
    expect(diff.added.map((e) => e.key)).toEqual(['comms-hq/unit/new']);
    expect(diff.changed.map((c) => c.after.key)).toEqual(['comms-hq/unit/finance']);
    expect(diff.removed.map((e) => e.key)).toEqual(['comms-hq/unit/propaganda']);
  });
});
