/**
 * SQL of the tamper-evident chain (migration 0012; services/integrity/ computes the MACs). A row's
 * canonical content is built by SQLite itself (json_array of the table's name and its recorded
 * columns), so appending and verifying serialise a row byte for byte the same way.
 *
 * Every query here is an index seek or a range: appending reads the rows after the chain's last
 * covered rowid per table (MAX over the chain's (tbl, row_id) index), never a scan.
 */
import type { Param, Queryable } from './connection';

export interface CoveredTable {
  /** The row's canonical content: the table's name, then its recorded columns in a fixed order. */
  content: string;
  /** Where to find the row for a person (incident, report, clock), kept in the chain entry. */
  ref: string;
  /** The row's own time column, for messages. */
  time: string;
}

/**
 * The recorded tables and the columns covered. Changing a list changes every later MAC, so a
 * column added to a table is covered only by a new list with its own genesis (not done yet).
 */
export const COVERED: Readonly<Record<string, CoveredTable>> = {
  timeline_entries: {
    content: "json_array('timeline_entries', id, incident_id, at, kind, text, data, officer, seat_name)",
    ref: "json_object('incidentId', incident_id)",
    time: 'at',
  },
  clock_records: {
    content:
      "json_array('clock_records', incident_id, clock_id, completed_at, channel, recipient_unit, recipient_name, not_applicable_reason, officer, recorded_at)",
    ref: "json_object('incidentId', incident_id, 'clockId', clock_id)",
    time: 'recorded_at',
  },
  report_versions: {
    content: "json_array('report_versions', report_id, version, content, saved_at, saved_by)",
    ref: "json_object('incidentId', (SELECT r.incident_id FROM reports r WHERE r.id = report_id), 'reportId', report_id, 'version', version)",
    time: 'saved_at',
  },
  print_records: {
    content:
      "json_array('print_records', id, incident_id, report_id, report_version, form_kind, title, target, path, printed_at, officer, chain_code, seat_name)",
    ref: "json_object('incidentId', incident_id, 'title', title)",
    time: 'printed_at',
  },
  alarm_acks: {
    content: "json_array('alarm_acks', id, clock_key, acked_at, officer, seat_name)",
    ref: "json_object('clockKey', clock_key)",
    time: 'acked_at',
  },
  level_changes: {
    content:
      "json_array('level_changes', id, incident_id, from_level, to_level, effective_at, recorded_at, by_whom, reason, officer)",
    ref: "json_object('incidentId', incident_id)",
    time: 'recorded_at',
  },
};

export const COVERED_TABLES = Object.keys(COVERED);

const covered = (table: string): CoveredTable => {
  const t = COVERED[table];
  if (!t) throw new Error(`not a covered table: ${table}`);
  return t;
};

/** A row as the chain sees it. */
export interface CoveredRow {
  tbl: string;
  rowId: number;
  content: string;
  ref: string;
  at: string | null;
}

export interface ChainEntry {
  seq: number;
  kind: 'genesis' | 'row' | 'outside';
  tbl: string;
  rowId: number;
  ref: string;
  at: string;
  schemaVersion: number;
  detail: string;
  mac: string;
}

interface ChainRow {
  seq: number;
  kind: ChainEntry['kind'];
  tbl: string;
  row_id: number;
  ref: string;
  at: string;
  schema_version: number;
  detail: string;
  mac: string;
}

const toEntry = (r: ChainRow): ChainEntry => ({
  seq: r.seq,
  kind: r.kind,
  tbl: r.tbl,
  rowId: r.row_id,
  ref: r.ref,
  at: r.at,
  schemaVersion: r.schema_version,
  detail: r.detail,
  mac: r.mac,
});

/** Has migration 0012 run on this file (a restore may bring an older one)? */
export async function hasChainTable(q: Queryable): Promise<boolean> {
  return (await q.get("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'chain'")) !== undefined;
}

/** The last entry: the head whose MAC the next entry covers. */
export async function chainHead(q: Queryable): Promise<ChainEntry | undefined> {
  const row = await q.get<ChainRow>('SELECT * FROM chain ORDER BY seq DESC LIMIT 1');
  return row ? toEntry(row) : undefined;
}

export async function chainGenesis(q: Queryable): Promise<ChainEntry | undefined> {
  const row = await q.get<ChainRow>("SELECT * FROM chain WHERE seq = 1 AND kind = 'genesis'");
  return row ? toEntry(row) : undefined;
}

export async function chainLength(q: Queryable): Promise<number> {
  return (await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM chain'))?.n ?? 0;
}

export async function insertChainEntry(q: Queryable, e: ChainEntry): Promise<void> {
  await q.run(
    'INSERT INTO chain (seq, kind, tbl, row_id, ref, at, schema_version, detail, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [e.seq, e.kind, e.tbl, e.rowId, e.ref, e.at, e.schemaVersion, e.detail, e.mac],
  );
}

/** Entries after `afterSeq`, in order, `limit` at a time. */
export async function chainEntries(q: Queryable, afterSeq: number, limit: number): Promise<ChainEntry[]> {
  const rows = await q.all<ChainRow>('SELECT * FROM chain WHERE seq > ? ORDER BY seq LIMIT ?', [afterSeq, limit]);
  return rows.map(toEntry);
}

/** The genesis' mark of a table: the last rowid its digest covers. */
const genesisMark = (table: string) =>
  `(SELECT CAST(json_extract(detail, '$.marks.${table}') AS INTEGER) FROM chain WHERE seq = 1)`;

/** The last rowid of `table` the chain covers (a row entry, an outside entry, or the genesis mark). */
const chainMark = (table: string) =>
  `COALESCE((SELECT MAX(row_id) FROM chain WHERE tbl = '${table}'), ${genesisMark(table)}, 0)`;

/** The rows after the chain's marks (exported for the test that checks its plan has no scan). */
export const SWEEP_SQL = COVERED_TABLES.map((t) => {
  const c = covered(t);
  return `SELECT '${t}' AS tbl, rowid AS row_id, ${c.content} AS content, ${c.ref} AS ref, ${c.time} AS at
    FROM ${t} WHERE rowid > ${chainMark(t)}`;
}).join('\nUNION ALL\n');

/**
 * Rows after the chain's marks, table by table in rowid order: in a write, the rows this
 * transaction added. Index seeks only (the chain's (tbl, row_id) index and each table's rowid).
 */
export async function rowsAfterChain(q: Queryable): Promise<CoveredRow[]> {
  const rows = await q.all<{ tbl: string; row_id: number; content: string; ref: string; at: string | null }>(SWEEP_SQL);
  return rows.map((r) => ({ tbl: r.tbl, rowId: r.row_id, content: r.content, ref: r.ref, at: r.at }));
}

/** The largest rowid of each covered table (0 when empty). */
export async function maxRowids(q: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of COVERED_TABLES) {
    out[t] = (await q.get<{ m: number | null }>(`SELECT MAX(rowid) AS m FROM ${t}`))?.m ?? 0;
  }
  return out;
}

/** Rows of `table` with rowid in (after, upto], `limit` at a time, in rowid order. */
export async function rowRange(
  q: Queryable,
  table: string,
  after: number,
  upto: number,
  limit: number,
): Promise<CoveredRow[]> {
  const c = covered(table);
  const rows = await q.all<{ row_id: number; content: string; ref: string; at: string | null }>(
    `SELECT rowid AS row_id, ${c.content} AS content, ${c.ref} AS ref, ${c.time} AS at FROM ${table}
     WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?`,
    [after, upto, limit],
  );
  return rows.map((r) => ({ tbl: table, rowId: r.row_id, content: r.content, ref: r.ref, at: r.at }));
}

/** The rows of `table` with these rowids (those still there). */
export async function rowsByRowid(q: Queryable, table: string, rowIds: readonly number[]): Promise<CoveredRow[]> {
  if (rowIds.length === 0) return [];
  const c = covered(table);
  const rows = await q.all<{ row_id: number; content: string; ref: string; at: string | null }>(
    `SELECT rowid AS row_id, ${c.content} AS content, ${c.ref} AS ref, ${c.time} AS at FROM ${table}
     WHERE rowid IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(rowIds)],
  );
  return rows.map((r) => ({ tbl: table, rowId: r.row_id, content: r.content, ref: r.ref, at: r.at }));
}

/**
 * Rows of `table` after the genesis mark that no chain entry covers: inserted outside the console.
 * A range over the rows since the chain began (verification only, in the background).
 */
export async function rowsOutsideChain(
  q: Queryable,
  table: string,
  after: number,
  limit: number,
): Promise<CoveredRow[]> {
  const c = covered(table);
  const rows = await q.all<{ row_id: number; content: string; ref: string; at: string | null }>(
    `SELECT rowid AS row_id, ${c.content} AS content, ${c.ref} AS ref, ${c.time} AS at FROM ${table} t
     WHERE rowid > ? AND NOT EXISTS (SELECT 1 FROM chain c WHERE c.tbl = ? AND c.row_id = t.rowid)
     ORDER BY rowid LIMIT ?`,
    [after, table, limit],
  );
  return rows.map((r) => ({ tbl: table, rowId: r.row_id, content: r.content, ref: r.ref, at: r.at }));
}

/** The incident's serial (2026-0003), for messages. */
export async function incidentSerial(q: Queryable, id: number): Promise<string | undefined> {
  return (await q.get<{ serial: string }>('SELECT serial FROM incidents WHERE id = ?', [id]))?.serial;
}

/** The position of a timeline entry in its incident's timeline as the incident shows it (by time, then id). */
export async function timelinePosition(q: Queryable, incidentId: number, at: string, id: number): Promise<number> {
  const params: Param[] = [incidentId, at, at, id];
  return (
    (
      await q.get<{ n: number }>(
        'SELECT COUNT(*) AS n FROM timeline_entries WHERE incident_id = ? AND (at < ? OR (at = ? AND id <= ?))',
        params,
      )
    )?.n ?? 0
  );
}
