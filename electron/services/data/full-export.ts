/**
 * Everything as one JSON document (every table, row for row, and the settings), streamed into a
 * file. Its re-import into an empty install is full-import.ts.
 */
import { open, rename, rm } from 'node:fs/promises';
import type { Settings } from '../../../shared/settings';
import type { Database, Queryable } from '../../db/connection';
import { LATEST_VERSION } from '../../db/migrate';
import * as dataRepo from '../../db/data-repository';
import { DERIVED_TABLES } from '../../db/derived-repository';

export const FULL_EXPORT_FORMAT = 'shuozhou-duty-console/full-export';

/**
 * Tables a fresh install fills by itself (the gazette seed anchors of the rosters): they do not
 * make an install "not empty", and an import replaces them with the exported rows.
 */
export const SEED_TABLES: readonly string[] = ['roster_entries'];

/**
 * Rows an install holds only because it was set up for log-in (issue 18): the first run's
 * administrator and the accounts made to log in, their sessions and lock-out state, the audit of
 * those acts, the seats' names. Without them no leader could grant an import from a seat, so they
 * do not make an install "not empty"; an import replaces them with the exported rows. Children
 * before parents: the order they are cleared in.
 */
export const LOGIN_TABLES: readonly string[] = [
  'seat_sessions',
  'seat_names',
  'duty_sessions',
  'auth_events',
  'accounts',
];

/**
 * Going on duty is logging in (issue 18): the leader and the officer logging in to grant an import
 * open one duty session. A second one is a shift change, i.e. duty history, and is kept.
 */
const LOGIN_DUTY_SESSIONS = 1;

/**
 * The record chain is the install's own (its MACs need this install's key, issue 18): it is neither
 * exported nor counted, and the rows an import writes are sealed into this install's chain.
 */
const exportedTables = async (q: Queryable): Promise<string[]> =>
  // Stored derivations (issue 14) are not records: an import marks its incidents stale and they are derived again.
  (await dataRepo.tableNames(q)).filter((name) => name !== 'chain' && !DERIVED_TABLES.includes(name));

type Cell = string | number | null | { $blob: string };

export interface FullExport {
  format: typeof FULL_EXPORT_FORMAT;
  version: 1;
  schemaVersion: number;
  exportedAt: string;
  settings: Record<string, unknown>;
  tables: Record<string, { columns: string[]; rows: Cell[][] }>;
}

const toCell = (v: unknown): Cell => {
  if (v === null || v === undefined) return null;
  if (Buffer.isBuffer(v)) return { $blob: v.toString('base64') };
  if (typeof v === 'bigint') return Number(v);
  // SQLite and pg return only null, text, numbers, bigints and blobs; the others are handled above
  return v as string | number;
};
/** Every table row for row, ordered by primary key (or rowid), plus the settings. */
export async function dumpDatabase(db: Database, settings: Settings, at: Date): Promise<FullExport> {
  const tables = await db.read(async (q) => {
    const out: FullExport['tables'] = {};
    for (const name of await exportedTables(q)) {
      const cols = await dataRepo.columnsOf(q, name);
      const rows = await dataRepo.tableRows(q, name, cols);
      out[name] = { columns: cols.map((c) => c.name), rows: rows.map((r) => cols.map((c) => toCell(r[c.name]))) };
    }
    return out;
  });
  // a stored settings object may carry a schema key beyond Settings; it is left out here
  const { schema: _schema, ...rest } = settings as Settings & { schema?: unknown };
  return {
    format: FULL_EXPORT_FORMAT,
    version: 1,
    schemaVersion: LATEST_VERSION,
    exportedAt: at.toISOString(),
    settings: rest,
    tables,
  };
}

/** Rows read per step of the streamed export: memory stays bounded whatever the table's size. */
const EXPORT_BATCH = 500;

/** `text` (JSON.stringify with 2 spaces) indented to sit `depth` levels deep. */
const nested = (value: unknown, depth: number): string =>
  JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);

/**
 * Writes the same document as toJson(dumpDatabase(…)), byte for byte, into `path`, row by row: each
 * table is read in batches by its ordering key inside one read transaction (one snapshot), and each
 * batch is written before the next is read. The file appears under its name only when complete.
 */
export async function writeFullExport(
  db: Database,
  settings: Settings,
  at: Date,
  path: string,
): Promise<{ bytes: number; count: number }> {
  // a stored settings object may carry a schema key beyond Settings; it is left out here
  const { schema: _schema, ...rest } = settings as Settings & { schema?: unknown };
  const partial = `${path}.part`;
  const file = await open(partial, 'w', 0o600);
  let bytes = 0;
  let count = 0;
  const put = async (text: string): Promise<void> => {
    const buf = Buffer.from(text, 'utf8');
    bytes += buf.length;
    await file.write(buf);
  };
  try {
    const head = {
      format: FULL_EXPORT_FORMAT,
      version: 1,
      schemaVersion: LATEST_VERSION,
      exportedAt: at.toISOString(),
      settings: rest,
    };
    // The head as JSON.stringify lays it out, its closing brace left open for the tables.
    await put(`${JSON.stringify(head, null, 2).replace(/\n}$/, ',')}\n  "tables": {`);
    await db.read(async (q) => {
      const names = await exportedTables(q);
      if (names.length === 0) return;
      for (const [t, name] of names.entries()) {
        const cols = await dataRepo.columnsOf(q, name);
        const columns = cols.map((c) => c.name);
        await put(`\n    ${JSON.stringify(name)}: {\n      "columns": ${nested(columns, 3)},\n      "rows": [`);
        let rows = 0;
        for await (const batch of dataRepo.tableRowBatches(q, name, cols, EXPORT_BATCH)) {
          const text = batch
            .map(
              (r) =>
                `${rows++ === 0 ? '' : ','}\n        ${nested(
                  cols.map((c) => toCell(r[c.name])),
                  4,
                )}`,
            )
            .join('');
          await put(text);
        }
        count += rows;
        await put(`${rows ? '\n      ]' : ']'}\n    }${t < names.length - 1 ? ',' : ''}`);
      }
      await put('\n  ');
    });
    await put('}\n}\n');
    await file.sync();
    await file.close();
    await rename(partial, path);
    return { bytes, count };
  } catch (err) {
    await file.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw err;
  }
}

/** Rows per table of user data (seed and log-in set-up tables left out); an empty install has none. */
export async function userDataCounts(q: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of await exportedTables(q)) {
    if (SEED_TABLES.includes(name)) continue;
    const n = await dataRepo.countRows(q, name);
    if (name === 'duty_sessions' ? n > LOGIN_DUTY_SESSIONS : n > 0 && !LOGIN_TABLES.includes(name)) out[name] = n;
  }
  return out;
}
