/** Roster tables (migration 0004): seed anchors, officers' contacts and their history. */
import type {
  ContactChange,
  ContactHistoryEntry,
  ContactRole,
  EntryKind,
  RosterContact,
} from '../../shared/domain/roster';
import type { SeedEntry } from '../../shared/rosters/seed-entries';
import type { Queryable } from './connection';
import { accountIdFor } from './account-context';

interface EntryRow {
  roster_id: string;
  entry_kind: string;
  entry_id: string;
  name: string;
  document: string;
  clause: string;
  seed_fields: string;
  seeded_at: string;
  removed_at: string | null;
}

export interface StoredEntry {
  seed: SeedEntry;
  removedAt: string | null;
}

function toEntry(r: EntryRow): StoredEntry {
  return {
    seed: {
      key: `${r.roster_id}/${r.entry_kind}/${r.entry_id}`,
      rosterId: r.roster_id,
      // columns written by this repository from the same types
      kind: r.entry_kind as SeedEntry['kind'],
      id: r.entry_id,
      // JSON written by this repository from the same type
      fields: JSON.parse(r.seed_fields) as SeedEntry['fields'],
    },
    removedAt: r.removed_at,
  };
}

export async function listEntries(q: Queryable, rosterId?: string): Promise<StoredEntry[]> {
  const rows = rosterId
    ? await q.all<EntryRow>('SELECT * FROM roster_entries WHERE roster_id = ? ORDER BY rowid', [rosterId])
    : await q.all<EntryRow>('SELECT * FROM roster_entries ORDER BY rowid');
  return rows.map(toEntry);
}

export async function findEntry(
  q: Queryable,
  rosterId: string,
  kind: string,
  id: string,
): Promise<StoredEntry | undefined> {
  const row = await q.get<EntryRow>(
    'SELECT * FROM roster_entries WHERE roster_id = ? AND entry_kind = ? AND entry_id = ?',
    [rosterId, kind, id],
  );
  return row ? toEntry(row) : undefined;
}

/** Inserts the entry when missing; refreshes only gazette columns otherwise (never contacts). */
export async function upsertEntry(q: Queryable, e: SeedEntry, at: string): Promise<void> {
  await q.run(
    `INSERT INTO roster_entries (roster_id, entry_kind, entry_id, name, document, clause, seed_fields, seeded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (roster_id, entry_kind, entry_id) DO UPDATE SET
       name = excluded.name, document = excluded.document, clause = excluded.clause,
       seed_fields = excluded.seed_fields, seeded_at = excluded.seeded_at, removed_at = NULL`,
    [e.rosterId, e.kind, e.id, e.fields.name, e.fields.document, e.fields.clause, JSON.stringify(e.fields), at],
  );
}

export async function markEntryRemoved(q: Queryable, e: SeedEntry, at: string): Promise<void> {
  await q.run(
    'UPDATE roster_entries SET removed_at = ? WHERE roster_id = ? AND entry_kind = ? AND entry_id = ? AND removed_at IS NULL',
    [at, e.rosterId, e.kind, e.id],
  );
}

interface ContactRow {
  id: number;
  roster_id: string;
  entry_kind: string;
  entry_id: string;
  role: string;
  name: string;
  title: string;
  office_phone: string;
  mobile: string;
  red_phone: string;
  fax: string;
  note: string;
  valid_from: string;
  ended_at: string | null;
  ended_reason: string | null;
  updated_at: string;
  updated_by: string;
  version: number;
}

function toContact(r: ContactRow): RosterContact {
  return {
    id: r.id,
    rosterId: r.roster_id,
    // columns written by this repository from the same union types
    entryKind: r.entry_kind as EntryKind,
    entryId: r.entry_id,
    // written by this repository from ContactRole values only
    role: r.role as ContactRole,
    name: r.name,
    title: r.title,
    officePhone: r.office_phone,
    mobile: r.mobile,
    redPhone: r.red_phone,
    fax: r.fax,
    note: r.note,
    validFrom: r.valid_from,
    endedAt: r.ended_at,
    endedReason: r.ended_reason,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    version: r.version,
  };
}

export async function listContacts(
  q: Queryable,
  opts: { rosterId?: string; includeEnded?: boolean } = {},
): Promise<RosterContact[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (opts.rosterId) {
    where.push('roster_id = ?');
    params.push(opts.rosterId);
  }
  if (!opts.includeEnded) where.push('ended_at IS NULL');
  const sql = `SELECT * FROM roster_contacts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
  return (await q.all<ContactRow>(sql, params)).map(toContact);
}

export async function findContact(q: Queryable, id: number): Promise<RosterContact | undefined> {
  const row = await q.get<ContactRow>('SELECT * FROM roster_contacts WHERE id = ?', [id]);
  return row ? toContact(row) : undefined;
}

/** Fields an officer edits, in the order the history lists them. */
export const CONTACT_FIELDS = [
  'role',
  'name',
  'title',
  'officePhone',
  'mobile',
  'redPhone',
  'fax',
  'note',
  'validFrom',
] as const;
export type ContactFields = Pick<RosterContact, (typeof CONTACT_FIELDS)[number]>;

const COLUMN: Record<(typeof CONTACT_FIELDS)[number], string> = {
  role: 'role',
  name: 'name',
  title: 'title',
  officePhone: 'office_phone',
  mobile: 'mobile',
  redPhone: 'red_phone',
  fax: 'fax',
  note: 'note',
  validFrom: 'valid_from',
};

export async function insertContact(
  q: Queryable,
  c: ContactFields & { rosterId: string; entryKind: EntryKind; entryId: string },
  at: string,
  officer: string,
): Promise<number> {
  const res = await q.run(
    `INSERT INTO roster_contacts (roster_id, entry_kind, entry_id, role, name, title, office_phone, mobile, red_phone, fax, note,
       valid_from, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      c.rosterId,
      c.entryKind,
      c.entryId,
      c.role,
      c.name,
      c.title,
      c.officePhone,
      c.mobile,
      c.redPhone,
      c.fax,
      c.note,
      c.validFrom,
      at,
      officer,
      at,
      officer,
    ],
  );
  return res.lastID;
}

export async function updateContact(
  q: Queryable,
  id: number,
  patch: Partial<ContactFields>,
  at: string,
  officer: string,
): Promise<void> {
  const keys = CONTACT_FIELDS.filter((k) => patch[k] !== undefined);
  if (keys.length === 0) return;
  await q.run(
    `UPDATE roster_contacts SET ${keys.map((k) => `${COLUMN[k]} = ?`).join(', ')}, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`,
    // every CONTACT_FIELDS value is a string (undefined ones were filtered out)
    [...keys.map((k) => patch[k] as string), at, officer, id],
  );
}

export async function endContact(
  q: Queryable,
  id: number,
  endedAt: string,
  reason: string,
  at: string,
  officer: string,
): Promise<void> {
  await q.run(
    'UPDATE roster_contacts SET ended_at = ?, ended_reason = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?',
    [endedAt, reason, at, officer, id],
  );
}

export async function insertHistory(
  q: Queryable,
  h: {
    contactId: number;
    at: string;
    officer: string;
    action: ContactHistoryEntry['action'];
    changes: ContactChange[];
    reason?: string;
  },
): Promise<void> {
  await q.run(
    'INSERT INTO roster_contact_history (contact_id, at, officer, action, changes, reason, officer_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    // The officer's account from the call's session (issue 18, migration 0018).
    [h.contactId, h.at, h.officer, h.action, JSON.stringify(h.changes), h.reason ?? '', accountIdFor(h.officer)],
  );
}

interface HistoryRow {
  id: number;
  contact_id: number;
  contact_name: string;
  at: string;
  officer: string;
  action: string;
  changes: string;
  reason: string;
}

export async function listHistory(
  q: Queryable,
  opts: { rosterId?: string; contactId?: number },
): Promise<ContactHistoryEntry[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (opts.rosterId) {
    where.push('c.roster_id = ?');
    params.push(opts.rosterId);
  }
  if (opts.contactId) {
    where.push('h.contact_id = ?');
    params.push(opts.contactId);
  }
  const rows = await q.all<HistoryRow>(
    `SELECT h.*, c.name AS contact_name FROM roster_contact_history h JOIN roster_contacts c ON c.id = h.contact_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY h.at DESC, h.id DESC`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    contactId: r.contact_id,
    contactName: r.contact_name,
    at: r.at,
    officer: r.officer,
    // columns written by this repository from the same types
    action: r.action as ContactHistoryEntry['action'],
    // JSON written by this repository from the same type
    changes: JSON.parse(r.changes) as ContactChange[],
    reason: r.reason,
  }));
}
