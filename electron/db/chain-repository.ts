/**
 * SQL of the tamper-evident chain (migration 0012; services/integrity/ computes the MACs), on both
 * engines. A row's canonical content is built by the database itself (SQLite's json_array,
 * PostgreSQL's json_build_array), so appending and verifying serialise a row byte for byte the same
 * way on one engine; the chain of a database is only ever verified on its own engine.
 *
 * Every query here is an index seek or a range: appending reads the rows after the chain's last
 * covered row per table (the marks, kept by the chain's keeper or read from the chain's (tbl,
 * row_id) index), never a scan.
 */
import type { Param, Queryable } from './connection';

export type Engine = 'sqlite' | 'postgres';

interface TableDef {
  /** The row's key in insertion order: SQLite's rowid; on PostgreSQL the identity id or `rowid` column. */
  pgKey: 'id' | 'rowid';
  /** The recorded columns, in a fixed order, after the table's name. */
  columns: string;
  /**
   * The account id beside the officer's name (migration 0018): appended to the content when set,
   * so rows sealed before it (their id NULL) still serialise as they were sealed.
   */
  account: string;
  ref: readonly [string, string][];
  /** The row's own time column, for messages. */
  time: string;
}

/**
 * The recorded tables and the columns covered. Changing a list changes every later MAC, so a
 * column added to a table is covered only by a new list with its own genesis, or, like the account
 * ids, only where it is set.
 */
const TABLES: Readonly<Record<string, TableDef>> = {
  timeline_entries: {
    pgKey: 'id',
    columns: 'id, incident_id, at, kind, text, data, officer, seat_name',
    account: 'officer_id',
    ref: [['incidentId', 'incident_id']],
    time: 'at',
  },
  clock_records: {
    pgKey: 'rowid',
    columns:
      'incident_id, clock_id, completed_at, channel, recipient_unit, recipient_name, not_applicable_reason, officer, recorded_at',
    account: 'officer_id',
    ref: [
      ['incidentId', 'incident_id'],
      ['clockId', 'clock_id'],
    ],
    time: 'recorded_at',
  },
  report_versions: {
    pgKey: 'rowid',
    columns: 'report_id, version, content, saved_at, saved_by',
    account: 'saved_by_id',
    ref: [
      ['incidentId', '(SELECT r.incident_id FROM reports r WHERE r.id = report_id)'],
      ['reportId', 'report_id'],
      ['version', 'version'],
    ],
    time: 'saved_at',
  },
  print_records: {
    pgKey: 'id',
    columns:
      'id, incident_id, report_id, report_version, form_kind, title, target, path, printed_at, officer, chain_code, seat_name',
    account: 'officer_id',
    ref: [
      ['incidentId', 'incident_id'],
      ['title', 'title'],
    ],
    time: 'printed_at',
  },
  alarm_acks: {
    pgKey: 'id',
    columns: 'id, clock_key, acked_at, officer, seat_name',
    account: 'officer_id',
    ref: [['clockKey', 'clock_key']],
    time: 'acked_at',
  },
  level_changes: {
    pgKey: 'id',
    columns: 'id, incident_id, from_level, to_level, effective_at, recorded_at, by_whom, reason, officer',
    account: 'officer_id',
    ref: [['incidentId', 'incident_id']],
    time: 'recorded_at',
  },
};

export interface CoveredTable {
  /** The row's key column (insertion order). */
  key: string;
  /** The row's canonical content: the table's name, its recorded columns, and its account id when set. */
  content: string;
  /** Where to find the row for a person (incident, report, clock), kept in the chain entry. */
  ref: string;
  time: string;
}

function coveredOn(engine: Engine, table: string, t: TableDef): CoveredTable {
  const arr = engine === 'sqlite' ? 'json_array' : 'json_build_array';
  const obj = engine === 'sqlite' ? 'json_object' : 'json_build_object';
  const cast = engine === 'sqlite' ? '' : '::text';
  const plain = `${arr}('${table}', ${t.columns})${cast}`;
  const withAccount = `${arr}('${table}', ${t.columns}, ${t.account})${cast}`;
  return {
    key: engine === 'sqlite' ? 'rowid' : t.pgKey,
    content: `CASE WHEN ${t.account} IS NULL THEN ${plain} ELSE ${withAccount} END`,
    ref: `${obj}(${t.ref.map(([k, v]) => `'${k}', ${v}`).join(', ')})${cast}`,
    time: t.time,
  };
}

const ON: Readonly<Record<Engine, Readonly<Record<string, CoveredTable>>>> = {
  sqlite: Object.fromEntries(Object.entries(TABLES).map(([n, t]) => [n, coveredOn('sqlite', n, t)])),
  postgres: Object.fromEntries(Object.entries(TABLES).map(([n, t]) => [n, coveredOn('postgres', n, t)])),
};

/** The covered tables as SQLite reads them (the engine every chain began on). */
export const COVERED: Readonly<Record<string, CoveredTable>> = ON.sqlite;

export const COVERED_TABLES = Object.keys(TABLES);

const covered = (engine: Engine, table: string): CoveredTable => {
  const t = ON[engine][table];
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

/** Has migration 0012 run on this database (a restore may bring an older one)? */
export async function hasChainTable(q: Queryable, engine: Engine): Promise<boolean> {
  const sql =
    engine === 'sqlite'
      ? "SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'chain'"
      : "SELECT 1 AS x FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'chain'";
  return (await q.get(sql)) !== undefined;
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

/** The entry at `seq`, if the chain still has it. */
export async function chainEntry(q: Queryable, seq: number): Promise<ChainEntry | undefined> {
  const row = await q.get<ChainRow>('SELECT * FROM chain WHERE seq = ?', [seq]);
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

/** Several entries, in order, one multi-row INSERT per chunk of 100 (one round trip, not one each). */
export async function insertChainEntries(q: Queryable, entries: readonly ChainEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    await q.run(
      `INSERT INTO chain (seq, kind, tbl, row_id, ref, at, schema_version, detail, mac) VALUES ${chunk
        .map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .join(', ')}`,
      chunk.flatMap((e) => [e.seq, e.kind, e.tbl, e.rowId, e.ref, e.at, e.schemaVersion, e.detail, e.mac]),
    );
  }
}

/** Entries after `afterSeq`, in order, `limit` at a time. */
export async function chainEntries(q: Queryable, afterSeq: number, limit: number): Promise<ChainEntry[]> {
  const rows = await q.all<ChainRow>('SELECT * FROM chain WHERE seq > ? ORDER BY seq LIMIT ?', [afterSeq, limit]);
  return rows.map(toEntry);
}

/**
 * The last row of each covered table the chain covers: its last row or outside entry, else the
 * genesis' mark. One index seek per table (the chain's (tbl, row_id) index).
 */
export async function chainMarks(q: Queryable, genesisMarks: Readonly<Record<string, number>>): Promise<Marks> {
  const rows = await q.all<{ tbl: string; m: number | null }>(
    COVERED_TABLES.map((t) => `SELECT '${t}' AS tbl, (SELECT MAX(row_id) FROM chain WHERE tbl = '${t}') AS m`).join(
      '\nUNION ALL\n',
    ),
  );
  const out: Marks = {};
  for (const t of COVERED_TABLES) out[t] = rows.find((r) => r.tbl === t)?.m ?? genesisMarks[t] ?? 0;
  return out;
}

/** Per covered table, the last row the chain covers. */
export type Marks = Record<string, number>;

/** The sweep of a write: the head (seq, MAC), then the rows after the given marks (one statement). */
const sweeps = new Map<Engine, string>();
export function sweepSql(engine: Engine): string {
  let sql = sweeps.get(engine);
  if (!sql) {
    const head = `SELECT '' AS tbl, seq AS row_id, mac AS content, '' AS ref, NULL AS at
      FROM chain WHERE seq = (SELECT MAX(seq) FROM chain)`;
    sql = [
      head,
      ...COVERED_TABLES.map((t) => {
        const c = covered(engine, t);
        return `SELECT '${t}' AS tbl, ${c.key} AS row_id, ${c.content} AS content, ${c.ref} AS ref, ${c.time} AS at
          FROM ${t} WHERE ${c.key} > ?`;
      }),
    ].join('\nUNION ALL\n');
    sweeps.set(engine, sql);
  }
  return sql;
}

/** The SQLite sweep (exported for the test that checks its plan has no scan). */
export const SWEEP_SQL = sweepSql('sqlite');

/**
 * In a write: the chain's head as it is now, and the rows after `marks`, table by table in key
 * order (the rows this transaction added, when the marks are the head's). Index seeks only.
 */
export async function sweep(
  q: Queryable,
  engine: Engine,
  marks: Readonly<Marks>,
): Promise<{ head: { seq: number; mac: string } | null; rows: CoveredRow[] }> {
  const all = await q.all<{ tbl: string; row_id: number; content: string; ref: string; at: string | null }>(
    sweepSql(engine),
    COVERED_TABLES.map((t) => marks[t] ?? 0),
  );
  let head: { seq: number; mac: string } | null = null;
  const rows: CoveredRow[] = [];
  for (const r of all) {
    if (r.tbl === '') head = { seq: r.row_id, mac: r.content };
    else rows.push({ tbl: r.tbl, rowId: r.row_id, content: r.content, ref: r.ref, at: r.at });
  }
  return { head, rows };
}

/** The largest key of each covered table (0 when empty). */
export async function maxRowids(q: Queryable, engine: Engine): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of COVERED_TABLES) {
    const key = covered(engine, t).key;
    out[t] = (await q.get<{ m: number | null }>(`SELECT MAX(${key}) AS m FROM ${t}`))?.m ?? 0;
  }
  return out;
}

const selectRows = (engine: Engine, table: string): string => {
  const c = covered(engine, table);
  return `SELECT ${c.key} AS row_id, ${c.content} AS content, ${c.ref} AS ref, ${c.time} AS at FROM ${table}`;
};

const toRows = (
  table: string,
  rows: { row_id: number; content: string; ref: string; at: string | null }[],
): CoveredRow[] => rows.map((r) => ({ tbl: table, rowId: r.row_id, content: r.content, ref: r.ref, at: r.at }));

/** Rows of `table` with key in (after, upto], `limit` at a time, in key order. */
export async function rowRange(
  q: Queryable,
  engine: Engine,
  table: string,
  after: number,
  upto: number,
  limit: number,
): Promise<CoveredRow[]> {
  const key = covered(engine, table).key;
  return toRows(
    table,
    await q.all(`${selectRows(engine, table)} WHERE ${key} > ? AND ${key} <= ? ORDER BY ${key} LIMIT ?`, [
      after,
      upto,
      limit,
    ]),
  );
}

/** The rows of `table` with these keys (those still there). */
export async function rowsByRowid(
  q: Queryable,
  engine: Engine,
  table: string,
  rowIds: readonly number[],
): Promise<CoveredRow[]> {
  if (rowIds.length === 0) return [];
  const key = covered(engine, table).key;
  return toRows(
    table,
    await q.all(`${selectRows(engine, table)} WHERE ${key} IN (SELECT value FROM json_each(?))`, [
      JSON.stringify(rowIds),
    ]),
  );
}

/**
 * Rows of `table` after the genesis mark that no chain entry covers: inserted outside the console.
 * A range over the rows since the chain began (verification only, in the background).
 */
export async function rowsOutsideChain(
  q: Queryable,
  engine: Engine,
  table: string,
  after: number,
  limit: number,
): Promise<CoveredRow[]> {
  const key = covered(engine, table).key;
  return toRows(
    table,
    await q.all(
      `${selectRows(engine, table)} t
       WHERE ${key} > ? AND NOT EXISTS (SELECT 1 FROM chain c WHERE c.tbl = ? AND c.row_id = t.${key})
       ORDER BY ${key} LIMIT ?`,
      [after, table, limit],
    ),
  );
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
