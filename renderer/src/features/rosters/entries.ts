/** The roster's entries in tree order (HQ → office / leaders / units / groups), with their sources. */
import type { EntryKind, RosterContact, RosterSeedView } from '../../../../shared/domain/roster';

export interface EntryRow {
  kind: EntryKind;
  id: string;
  /** Branch of the tree the entry sits in. */
  branch: string;
  label: string;
  detail?: string;
  source: string;
}

export function rosterEntries(v: RosterSeedView): EntryRow[] {
  const src = (d: string, c: string) => `${d} ${c}`;
  const out: EntryRow[] = [
    { kind: 'roster', id: v.id, branch: '总值班', label: v.name, source: src(v.document, v.clause) },
  ];
  for (const p of [...v.leaders, ...(v.members ?? [])]) {
    out.push({
      kind: 'person',
      id: p.id,
      branch: '领导成员',
      label: `${p.role}：${p.name ? `${p.name}，` : ''}${p.title}`,
      source: src(p.document, p.clause),
    });
  }
  if (v.office) {
    const o = v.office;
    out.push({
      kind: 'office',
      id: 'office',
      branch: '办公室',
      label: `${o.name}（设在${o.hostUnit}）`,
      detail: o.head ? `主任：${o.head}` : undefined,
      source: src(o.document, o.clause),
    });
  }
  for (const u of v.units)
    out.push({
      kind: 'unit',
      id: u.id,
      branch: '成员单位',
      label: u.name,
      detail: u.duties,
      source: src(u.document, u.clause),
    });
  for (const g of v.groups) {
    out.push({
      kind: 'group',
      id: g.id,
      branch: '工作组',
      label: g.name,
      detail: g.leaderTitle ? `组长：${g.leaderTitle}` : g.duties,
      source: src(g.document, g.clause),
    });
  }
  return out;
}

export const contactsOf = (contacts: readonly RosterContact[], e: { kind: EntryKind; id: string }) =>
  contacts.filter((c) => c.entryKind === e.kind && c.entryId === e.id);
