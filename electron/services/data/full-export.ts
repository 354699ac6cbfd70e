/**
 * Everything as one JSON document (every table, row for row, and the settings), and its re-import
 * into an empty install. Import checks the whole document first and writes in one transaction, so a
 * refusal changes nothing.
 */
import { open, rename, rm } from 'node:fs/promises';
import { z } from 'zod';
import type { ImportResult } from '../../../shared/ipc/channels/data';
import { DomainError } from '../../../shared/ipc/result';
import type { Settings } from '../../../shared/settings';
import type { Database, Param, Queryable } from '../../db/connection';
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

const cellSchema = z.union([z.string(), z.number(), z.null(), z.object({ $blob: z.string() }).strict()]);
const fullExportSchema = z.object({
  format: z.literal(FULL_EXPORT_FORMAT, { message: '不是值班台导出的完整数据文件' }),
  version: z.literal(1, { message: '导出文件格式版本不受支持' }),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string(),
  settings: z.record(z.string(), z.unknown()),
  tables: z.record(
    z.string().regex(/^[a-z_][a-z0-9_]*$/, '表名无效'),
    z.object({
      columns: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/, '列名无效')).min(1),
      rows: z.array(z.array(cellSchema)),
    }),
  ),
});

const toCell = (v: unknown): Cell => {
  if (v === null || v === undefined) return null;
  if (Buffer.isBuffer(v)) return { $blob: v.toString('base64') };
  if (typeof v === 'bigint') return Number(v);
  // SQLite and pg return only null, text, numbers, bigints and blobs; the others are handled above
  return v as string | number;
};
const fromCell = (c: Cell): Param => (c !== null && typeof c === 'object' ? Buffer.from(c.$blob, 'base64') : c);

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

/** Parses and checks an export's text; a clear message naming what is wrong. */
export function parseFullExport(text: string): FullExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // The parser's own text is English and names byte positions; the officer needs the cause.
    throw new DomainError('invalid_input', '导入文件不是有效的 JSON 文本（文件可能已损坏，或不是值班台导出的文件）');
  }
  const parsed = fullExportSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new DomainError('invalid_input', `导入文件格式有误：${i?.message ?? '结构不符'}`);
  }
  const doc: FullExport = parsed.data;
  if (doc.schemaVersion > LATEST_VERSION) {
    throw new DomainError(
      'conflict',
      `导入文件由更新版本的值班台导出（数据库版本 ${doc.schemaVersion}，本程序为 ${LATEST_VERSION}），请使用新版本导入。`,
    );
  }
  if (doc.schemaVersion < LATEST_VERSION) {
    throw new DomainError(
      'conflict',
      `导入文件来自较早版本（数据库版本 ${doc.schemaVersion}，本程序为 ${LATEST_VERSION}）：请用较早版本导入后升级，或用备份恢复。`,
    );
  }
  for (const t of Object.values(doc.tables)) {
    t.rows.forEach((r, i) => {
      if (r.length !== t.columns.length) {
        throw new DomainError(
          'invalid_input',
          `导入文件格式有误：一张数据表的第${i + 1}行有 ${r.length} 列，应为 ${t.columns.length} 列（文件可能已损坏）`,
        );
      }
    });
  }
  return doc;
}

/** Rows per table of user data (seed tables left out); an empty install has none. */
export async function userDataCounts(q: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of await exportedTables(q)) {
    if (SEED_TABLES.includes(name)) continue;
    const n = await dataRepo.countRows(q, name);
    if (n > 0) out[name] = n;
  }
  return out;
}

/** The document's tables in an order where every table comes after those it refers to. */
async function parentsFirst<T>(q: Queryable, tables: Record<string, T>): Promise<[string, T][]> {
  const refs = new Map<string, string[]>();
  for (const name of Object.keys(tables)) refs.set(name, await dataRepo.referencedTables(q, name));
  const out: [string, T][] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: ReadonlySet<string>): void => {
    const t = tables[name];
    if (placed.has(name) || path.has(name) || t === undefined) return;
    for (const parent of refs.get(name) ?? []) visit(parent, new Set([...path, name]));
    placed.add(name);
    out.push([name, t]);
  };
  for (const name of Object.keys(tables)) visit(name, new Set());
  return out;
}

/**
 * Writes a checked export into an empty install in one transaction. Refuses (changing nothing) when
 * the install holds data, or a table or column is unknown to this version.
 */
export async function importDatabase(db: Database, doc: FullExport): Promise<ImportResult> {
  const tables = await db.write(async (q) => {
    const present = await userDataCounts(q);
    const names = Object.keys(present);
    if (names.length > 0) {
      const incidents = present.incidents ? `已有事件 ${present.incidents} 起，` : '';
      throw new DomainError(
        'conflict',
        `当前安装中已有数据（${incidents}涉及 ${names.join('、')}），完整数据只能导入到空的安装中。未做任何改动。`,
      );
    }
    const known = new Set(await dataRepo.tableNames(q));
    const columns = new Map<string, Set<string>>();
    for (const [name, t] of Object.entries(doc.tables)) {
      if (!known.has(name)) throw new DomainError('invalid_input', `导入文件含有本版本没有的表：${name}`);
      const cols = new Set((await dataRepo.columnsOf(q, name)).map((c) => c.name));
      for (const c of t.columns)
        if (!cols.has(c)) throw new DomainError('invalid_input', `导入文件的表 ${name} 含有本版本没有的列：${c}`);
      columns.set(name, cols);
    }
    // Rows reference each other across tables; foreign keys are checked at COMMIT instead.
    await dataRepo.deferForeignKeys(q);
    for (const name of SEED_TABLES) if (doc.tables[name]) await dataRepo.clearTable(q, name);
    const counts: Record<string, number> = {};
    // Parent tables first: PostgreSQL checks each foreign key at the insert.
    for (const [name, t] of await parentsFirst(q, doc.tables)) {
      await dataRepo.insertRows(
        q,
        name,
        t.columns,
        t.rows.map((row) => row.map(fromCell)),
      );
      counts[name] = t.rows.length;
    }
    const broken = await dataRepo.foreignKeyProblems(q);
    if (broken > 0)
      throw new DomainError('invalid_input', `导入文件中的数据互相引用不完整（${broken} 处），未做任何改动。`);
    await dataRepo.continueIdentities(q, db.engine);
    return counts;
  });
  return { tables, schemaVersion: LATEST_VERSION };
}
