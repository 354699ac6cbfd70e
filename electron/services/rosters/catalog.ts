/**
 * Every roster the service serves: the gazette seed rosters, plus the county-level governments
 * (事发地政府), which the plans call (43号 2.3、5.3; 42号 4.3; 44号 三(一)2) but no HQ lists as a
 * member unit — officers need a place to keep their numbers too.
 */
import { PLACES } from '../../../shared/domain/incident';
import { COUNTY_ROSTER_ID, type EntryKind, type RosterSeedView } from '../../../shared/domain/roster';
import { COUNTY_GOVERNMENT } from '../../../shared/rosters/call-list';
import { flattenRoster, type SearchEntry } from '../../../shared/rosters/search';
import { SEED_ROSTERS } from '../../../shared/rosters/seed/index';
import { findUnitById, findUnitByName, normalizeUnitName } from '../../../shared/rosters/seed/units';
import { seedEntries, type SeedEntry } from '../../../shared/rosters/seed-entries';

const COUNTY_DOC = '朔政办发〔2021〕43号';

export const COUNTY_ROSTER: RosterSeedView = {
  id: COUNTY_ROSTER_ID,
  name: '县（市、区）人民政府及朔州经济开发区管委会',
  kind: '属地政府',
  document: COUNTY_DOC,
  clause: '2.3、5.3（事发地人民政府）',
  documentTitle: '《朔州市突发环境事件应急预案》',
  leaders: [],
  units: PLACES.map((place) => {
    const id = COUNTY_GOVERNMENT[place];
    return { id, name: findUnitById(id)?.name ?? place, document: COUNTY_DOC, clause: '2.3、5.3' };
  }),
  groups: [],
};

export const ALL_ROSTERS: readonly RosterSeedView[] = [...SEED_ROSTERS, COUNTY_ROSTER];

export function findView(rosterId: string): RosterSeedView | undefined {
  return ALL_ROSTERS.find((r) => r.id === rosterId);
}

/** Seed entries of every roster, keyed rosterId/kind/id (shared/rosters/seed-entries.ts). */
export function allSeedEntries(): SeedEntry[] {
  const county: SeedEntry[] = [
    {
      key: `${COUNTY_ROSTER.id}/roster/${COUNTY_ROSTER.id}`,
      rosterId: COUNTY_ROSTER.id,
      kind: 'roster',
      id: COUNTY_ROSTER.id,
      fields: { name: COUNTY_ROSTER.name, document: COUNTY_ROSTER.document, clause: COUNTY_ROSTER.clause },
    },
    ...COUNTY_ROSTER.units.map((u): SeedEntry => ({
      key: `${COUNTY_ROSTER.id}/unit/${u.id}`,
      rosterId: COUNTY_ROSTER.id,
      kind: 'unit',
      id: u.id,
      fields: { name: u.name, document: u.document, clause: u.clause },
    })),
  ];
  return [...SEED_ROSTERS.flatMap(seedEntries), ...county];
}

/** Searchable records of a roster (seedEntries' flattening; the county roster has units only). */
export function searchEntriesOf(view: RosterSeedView): SearchEntry[] {
  if (view.kind === '属地政府')
    return view.units.map((u) => ({ rosterId: view.id, kind: 'unit', id: u.id, name: u.name }));
  return flattenRoster({ ...view, kind: view.kind });
}

/**
 * The 单位 an entry's contacts are filed under in a roster file: a unit's own name, the office's
 * host unit, a post's unit, a group's leading unit; the roster's name for the body as a whole.
 */
export function entryUnitLabel(view: RosterSeedView, kind: EntryKind, id: string): string {
  switch (kind) {
    case 'unit':
      return view.units.find((u) => u.id === id)?.name ?? findUnitById(id)?.name ?? id;
    case 'office':
      return view.office?.hostUnit ?? view.name;
    case 'person': {
      const p = [...view.leaders, ...(view.members ?? [])].find((x) => x.id === id);
      return (p?.unitId && findUnitById(p.unitId)?.name) || view.name;
    }
    case 'group': {
      const g = view.groups.find((x) => x.id === id);
      const lead = g?.leadUnits[0];
      return (lead && findUnitById(lead)?.name) || view.name;
    }
    case 'roster':
      return view.name;
  }
}

/** A short label of the entry itself, for lists and history. */
export function entryLabel(view: RosterSeedView, kind: EntryKind, id: string): string {
  switch (kind) {
    case 'unit':
      return entryUnitLabel(view, kind, id);
    case 'office':
      return view.office ? `${view.office.name}（设在${view.office.hostUnit}）` : view.name;
    case 'person': {
      const p = [...view.leaders, ...(view.members ?? [])].find((x) => x.id === id);
      return p ? `${p.role}（${p.name ? `${p.name}，` : ''}${p.title}）` : id;
    }
    case 'group':
      return view.groups.find((x) => x.id === id)?.name ?? id;
    case 'roster':
      return view.name;
  }
}

/** Compares unit names across spellings (市工信局 = 市工业和信息化局). */
export function unitKey(name: string): string {
  return findUnitByName(name)?.id ?? normalizeUnitName(name);
}

/** Every unit label a file row may name for this roster. */
export function unitLabels(view: RosterSeedView): string[] {
  const labels = new Set<string>([view.name]);
  if (view.office) labels.add(view.office.hostUnit);
  for (const u of view.units) labels.add(u.name);
  for (const p of [...view.leaders, ...(view.members ?? [])]) labels.add(entryUnitLabel(view, 'person', p.id));
  for (const g of view.groups) labels.add(entryUnitLabel(view, 'group', g.id));
  return [...labels];
}

/**
 * The entry a new file row is filed under: the roster's unit of that name, else the office when
 * it sits in that unit, else the body itself when the row names the roster. Posts and groups take
 * contacts through the roster page, where the post is chosen explicitly.
 */
export function entryForUnit(view: RosterSeedView, unit: string): { kind: EntryKind; id: string } | undefined {
  const key = unitKey(unit);
  const u = view.units.find((x) => x.id === key || unitKey(x.name) === key);
  if (u) return { kind: 'unit', id: u.id };
  if (view.office && (view.office.hostUnitId === key || unitKey(view.office.hostUnit) === key))
    return { kind: 'office', id: 'office' };
  if (unitKey(view.name) === key) return { kind: 'roster', id: view.id };
  return undefined;
}
