/**
 * The seed as flat keyed records, for the database import: it upserts gazette fields by `key` and
 * never touches the officer-entered columns (phones, liaison officers, deputies) stored beside
 * them. `diffSeed` lists what a new seed release changes, for the preview before it is applied.
 */

import type { Roster } from './types';

export type SeedEntryKind = 'roster' | 'office' | 'person' | 'unit' | 'group';

export interface SeedEntry {
  /** `${rosterId}/${kind}/${id}` — stable across releases. */
  key: string;
  rosterId: string;
  kind: SeedEntryKind;
  id: string;
  /** Gazette fields only; officers' data is never part of the seed. */
  fields: { name: string; title?: string; duties?: string; document: string; clause: string };
}

/** Every entry of a roster with its stable key. */
export function seedEntries(roster: Roster): SeedEntry[] {
  const out: SeedEntry[] = [];
  const push = (kind: SeedEntryKind, id: string, fields: SeedEntry['fields']) =>
    out.push({ key: `${roster.id}/${kind}/${id}`, rosterId: roster.id, kind, id, fields: dropEmpty(fields) });
  push('roster', roster.id, { name: roster.name, document: roster.document, clause: roster.clause });
  const o = roster.office;
  if (o)
    push('office', 'office', { name: o.name, title: o.head, duties: o.duties, document: o.document, clause: o.clause });
  for (const p of [...roster.leaders, ...(roster.members ?? [])]) {
    push('person', p.id, {
      name: p.name ?? '',
      title: `${p.role}：${p.title}`,
      document: p.document,
      clause: p.clause,
    });
  }
  for (const u of roster.units)
    push('unit', u.id, { name: u.name, duties: u.duties, document: u.document, clause: u.clause });
  for (const g of roster.groups) {
    push('group', g.id, {
      name: g.name,
      title: g.leaderTitle,
      duties: g.duties,
      document: g.document,
      clause: g.clause,
    });
  }
  return out;
}

function dropEmpty(fields: SeedEntry['fields']): SeedEntry['fields'] {
  const out = { ...fields };
  if (out.title === undefined) delete out.title;
  if (out.duties === undefined) delete out.duties;
  return out;
}

export interface SeedDiff {
  added: SeedEntry[];
  changed: { before: SeedEntry; after: SeedEntry }[];
  /** Entries no longer in the seed: flag them for an officer, never delete officers' data. */
  removed: SeedEntry[];
}

/** What applying `next` over `previous` would change, by stable key. */
export function diffSeed(previous: readonly SeedEntry[], next: readonly SeedEntry[]): SeedDiff {
  const before = new Map(previous.map((e) => [e.key, e]));
  const after = new Map(next.map((e) => [e.key, e]));
  const diff: SeedDiff = { added: [], changed: [], removed: [] };
  for (const e of next) {
    const old = before.get(e.key);
    if (!old) diff.added.push(e);
    else if (JSON.stringify(old.fields) !== JSON.stringify(e.fields)) diff.changed.push({ before: old, after: e });
  }
  for (const e of previous) if (!after.has(e.key)) diff.removed.push(e);
  return diff;
}
