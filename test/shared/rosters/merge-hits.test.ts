import { describe, expect, it } from 'vitest';
import type { RosterContact, RosterSearchHit } from '../../../shared/domain/roster';
import { mergeHitsByUnit } from '../../../shared/rosters/merge-hits';
import { flattenRoster, searchRoster } from '../../../shared/rosters/search';
import { SEED_ROSTERS } from '../../../shared/rosters/seed/index';

const ENTRIES = SEED_ROSTERS.flatMap(flattenRoster);
const rosterName = (id: string) => SEED_ROSTERS.find((r) => r.id === id)?.name ?? id;

function contact(id: number, entryId: string, rosterId: string): RosterContact {
  return {
    id,
    rosterId,
    entryKind: 'unit',
    entryId,
    role: '联络员',
    name: `联络员${id}`,
    title: '',
    officePhone: `0349-20${String(id).padStart(5, '0')}`,
    mobile: '',
    redPhone: '',
    fax: '',
    note: '',
    validFrom: '2026-01-01T00:00:00.000Z',
    endedAt: null,
    endedReason: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: '系统管理员',
    version: 1,
  };
}

function hitsFor(query: string): RosterSearchHit[] {
  return searchRoster(ENTRIES, query).map((h) => ({
    ...h,
    rosterName: rosterName(h.entry.rosterId),
    // The same unit's contact is shared across rosters in the real service; one per roster here.
    contacts: h.entry.kind === 'unit' ? [contact(1, h.entry.id, h.entry.rosterId)] : [],
  }));
}

describe('search results merged per unit', () => {
  it('市生态环境局: one result with every roster it sits in and its numbers once', () => {
    const hits = hitsFor('市生态环境局');
    const merged = mergeHitsByUnit(hits);
    expect(merged.length).toBeLessThan(hits.length);
    const eco = merged.filter((m) => m.name === '市生态环境局');
    expect(eco).toHaveLength(1);
    const rosters = new Set(eco[0]!.places.map((p) => p.rosterId));
    const unitRosters = new Set(hits.filter((h) => h.entry.kind === 'unit').map((h) => h.entry.rosterId));
    expect(rosters.size).toBeGreaterThanOrEqual(unitRosters.size);
    expect(unitRosters.size).toBeGreaterThan(1);
    expect(eco[0]!.places.some((p) => p.as === '成员单位')).toBe(true);
    // Its head, its office and the groups it leads sit under it, not as results of their own.
    expect(merged).toHaveLength(1);
    expect(eco[0]!.places.length).toBe(hits.length);
    expect(eco[0]!.places.some((p) => p.as.startsWith('副指挥长'))).toBe(true);
    expect(eco[0]!.places.some((p) => p.as.startsWith('组长单位（污染处置组'))).toBe(true);
    expect(eco[0]!.contacts.map((c) => c.id)).toEqual([1]);
    expect(eco[0]!.hit).toBeUndefined();
  });

  it('keeps hits on people and groups of their own, and never merges two different units', () => {
    const hits = hitsFor('市');
    const merged = mergeHitsByUnit(hits);
    const unitNames = merged.filter((m) => m.key.startsWith('unit:')).map((m) => m.name);
    expect(new Set(unitNames).size).toBe(unitNames.length);
    const single = mergeHitsByUnit(hits.slice(0, 1));
    expect(single).toHaveLength(1);
    expect(single[0]!.hit).toBe(hits[0]);
  });
});
