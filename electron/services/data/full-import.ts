/**
 * The whole-database import, streamed (issue 14): the export file is read chunk by chunk through
 * json-stream.ts and written row by row, so memory stays bounded whatever the size of the history.
 * Every piece is checked as it comes (the header, each table's name and columns, each row), and
 * everything is written in one transaction: a refusal anywhere in the file, a bad row near its end,
 * a file cut short or invalid JSON, rolls back and changes nothing.
 *
 * Keys may come in any order. In the exporter's order (the header, then the tables) the file is
 * read once. A file whose tables come before its header is read twice (the tables are skipped
 * first and read again once the header has been checked), and so is a table whose rows come before
 * its columns. On PostgreSQL a table whose parent tables are not written yet is read again after
 * them (foreign keys are checked at each insert there). A part is read again from its byte offset.
 */
import { createReadStream } from 'node:fs';
import { tableLabels } from './table-labels';
import { z } from 'zod';
import type { ImportResult } from '../../../shared/ipc/channels/data';
import { DomainError } from '../../../shared/ipc/result';
import type { Database, Param, Queryable } from '../../db/connection';
import { LATEST_VERSION } from '../../db/migrate';
import * as dataRepo from '../../db/data-repository';
import { FULL_EXPORT_FORMAT, LOGIN_TABLES, SEED_TABLES, userDataCounts } from './full-export';
import { JsonSyntaxError, JsonTokenizer, type JsonEvent, type JsonScalar } from './json-stream';

/** Where the import reads its bytes: from an offset on, chunk by chunk (a part may be read again). */
export interface ImportSource {
  read(offset: number): AsyncIterator<Buffer>;
}

/** Bytes read per chunk from a file. */
const CHUNK = 256 * 1024;

/** A file in the exports folder. */
export function fileSource(path: string): ImportSource {
  return { read: (start) => createReadStream(path, { start, highWaterMark: CHUNK })[Symbol.asyncIterator]() };
}

/** Text sent from the page (bounded by the channel's limit), read as the same bytes a file would hold. */
export function textSource(text: string): ImportSource {
  const all = Buffer.from(text, 'utf8');
  return {
    read: async function* (start: number) {
      for (let at = start; at < all.length; at += CHUNK) yield all.subarray(at, at + CHUNK);
    },
  };
}

/**
 * The largest single piece held in memory: the settings, one table's column list, one string. A row
 * of this install's tables is far smaller; a bigger piece means a damaged or foreign file.
 */
const MAX_PIECE_BYTES = 64 * 1024 * 1024;

/** Rows inserted per step, and the most of the file's bytes one step holds (rows with long texts). */
const INSERT_BATCH = 500;
const INSERT_BATCH_BYTES = 4 * 1024 * 1024;

/** Rows, or bytes of the file, written between two checkpoints (see ImportOptions). */
const CHECKPOINT_ROWS = 10_000;
const CHECKPOINT_BYTES = 16 * 1024 * 1024;

export interface ImportOptions {
  /**
   * Called inside the transaction once CHECKPOINT_ROWS more rows (or CHECKPOINT_BYTES of the file)
   * were written: the record chain seals what was written so far, so its sweep holds a step's rows,
   * never the whole history.
   */
  checkpoint?: (q: Queryable) => Promise<unknown>;
}

const NAME_RE = /^[a-z_][a-z0-9_]*$/;

const headerSchema = z.object({
  format: z.literal(FULL_EXPORT_FORMAT, { message: '不是值班台导出的完整数据文件' }),
  version: z.literal(1, { message: '导出文件格式版本不受支持' }),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string(),
  settings: z.record(z.string(), z.unknown()),
});
type Header = z.infer<typeof headerSchema>;
type HeaderKey = keyof Header;
const HEADER_KEYS = Object.keys(headerSchema.shape) as HeaderKey[];
const isHeaderKey = (k: string): k is HeaderKey => (HEADER_KEYS as string[]).includes(k);
const columnsSchema = z.array(z.string().regex(NAME_RE, '列名无效')).min(1);

const formatError = (text: string): DomainError => new DomainError('invalid_input', `导入文件格式有误：${text}`);
const NOT_OURS = formatError('不是值班台导出的完整数据文件');

/** Where in the file the import is, for messages: a table and its row, or the header. */
interface Place {
  table: string | null;
  /** 0: the table's name and columns; n: its n-th row. */
  row: number;
}

const placeText = (p: Place): string =>
  p.table === null ? '文件头部' : p.row > 0 ? `表 ${p.table} 第${p.row}行` : `表 ${p.table}`;

/** The tokenizer's finding as the officer reads it: what is wrong and where, and that nothing changed. */
function syntaxMessage(err: JsonSyntaxError, place: Place): DomainError {
  const where = `${placeText(place)}（第 ${err.offset + 1} 字节处）`;
  if (err.reason === 'truncated')
    return new DomainError(
      'invalid_input',
      `导入文件不完整：在${where}意外结束（文件可能未复制完整或已损坏）。未做任何改动。`,
    );
  if (err.reason === 'too_long')
    return new DomainError('invalid_input', `导入文件中${where}的一个值超过 64 MB，文件可能已损坏。未做任何改动。`);
  // The parser's own text is English; the officer needs the cause and the place.
  return new DomainError(
    'invalid_input',
    `导入文件不是有效的 JSON 文本（文件可能已损坏，或不是值班台导出的文件）：${where}有误。未做任何改动。`,
  );
}

/** Events from one place of the source on; `single`: one value, then stop (a part read again). */
class Reader {
  readonly tok: JsonTokenizer;
  private readonly chunks: AsyncIterator<Buffer>;

  constructor(source: ImportSource, at: number, single: boolean) {
    this.tok = new JsonTokenizer({ offset: at, single, maxTokenBytes: MAX_PIECE_BYTES, bom: at === 0 });
    this.chunks = source.read(at);
  }

  get value(): JsonScalar {
    return this.tok.value;
  }

  async fill(): Promise<void> {
    const r = await this.chunks.next();
    if (r.done) this.tok.end();
    else this.tok.push(r.value);
  }

  async next(): Promise<JsonEvent> {
    for (;;) {
      const step = this.tok.next();
      if (step === 'more') await this.fill();
      // `done` comes only after the value is complete, and the readers stop there.
      else if (step === 'done') throw new JsonSyntaxError('invalid', this.tok.position, 'after the end');
      else return step;
    }
  }

  /** After the top-level value: only white space up to the end of the file. */
  async finish(): Promise<void> {
    for (;;) {
      const step = this.tok.next();
      if (step === 'done') return;
      if (step !== 'more') throw new JsonSyntaxError('invalid', this.tok.offset, 'after the end');
      await this.fill();
    }
  }

  async close(): Promise<void> {
    await this.chunks.return?.();
  }

  /** Skips the next value (checking its syntax only); its byte offset, to read it again later. */
  async skip(): Promise<number> {
    const first = await this.next();
    const at = this.tok.offset;
    if (first === 'object' || first === 'array') await this.skipRest();
    return at;
  }

  /** Skips to the end of the container just opened. */
  async skipRest(): Promise<void> {
    const depth = this.tok.depth;
    while (this.tok.depth >= depth) await this.next();
  }

  /** The next value built in memory (JSON.parse's result), refused above MAX_PIECE_BYTES. */
  async read(): Promise<unknown> {
    const first = await this.next();
    if (first !== 'object' && first !== 'array') return this.tok.value;
    const start = this.tok.offset;
    const root: unknown = first === 'object' ? {} : [];
    const stack: unknown[] = [root];
    let key = '';
    const put = (v: unknown): void => {
      const top = stack[stack.length - 1];
      if (Array.isArray(top)) top.push(v);
      // as JSON.parse: "__proto__" is an own key, never the object's prototype
      else Object.defineProperty(top, key, { value: v, enumerable: true, writable: true, configurable: true });
    };
    while (stack.length > 0) {
      const e = await this.next();
      if (this.tok.position - start > MAX_PIECE_BYTES) throw new JsonSyntaxError('too_long', start, 'value too long');
      if (e === 'key') key = this.tok.value as string;
      else if (e === 'value') put(this.tok.value);
      else if (e === 'object' || e === 'array') {
        const v = e === 'object' ? {} : [];
        put(v);
        stack.push(v);
      } else stack.pop();
    }
    return root;
  }
}

/** Checks one header key's value; the schema version decides whether this version can import it. */
function checkHeader(key: HeaderKey, value: unknown, header: Partial<Header>): void {
  const parsed = headerSchema.shape[key].safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? '结构不符';
    // format and version carry their own sentence; the others are named.
    throw formatError(key === 'format' || key === 'version' ? message : `“${key}”${message}`);
  }
  Object.assign(header, { [key]: parsed.data });
  if (key !== 'schemaVersion') return;
  const v = parsed.data as number;
  if (v > LATEST_VERSION)
    throw new DomainError(
      'conflict',
      `导入文件由更新版本的值班台导出（数据库版本 ${v}，本程序为 ${LATEST_VERSION}），请使用新版本导入。`,
    );
  if (v < LATEST_VERSION)
    throw new DomainError(
      'conflict',
      `导入文件来自较早版本（数据库版本 ${v}，本程序为 ${LATEST_VERSION}）：请用较早版本导入后升级，或用备份恢复。`,
    );
}

function headerComplete(header: Partial<Header>): header is Header {
  return HEADER_KEYS.every((k) => k in header);
}

function requireHeader(header: Partial<Header>): asserts header is Header {
  const missing = HEADER_KEYS.find((k) => !(k in header));
  if (missing === 'format') throw NOT_OURS;
  if (missing) throw formatError(`缺少“${missing}”（文件不完整，或不是值班台导出的完整数据文件）`);
}

/** Reads a header key's value, or skips a key the format does not have (as the schema ignores it). */
async function readTopKey(r: Reader, key: string, header: Partial<Header>): Promise<void> {
  if (isHeaderKey(key)) checkHeader(key, await r.read(), header);
  else await r.skip();
}

/** What the import does with the tables it reads: the database side, inside the transaction. */
interface TableSink {
  /** A table's name was read (the value follows): read it now, or skip it to read it again later. */
  table(name: string, r: Reader): Promise<void>;
}

/**
 * Reads one table's value `{ "columns": […], "rows": […] }` from `r`: the columns are checked and
 * given to `columns`, then each row is checked and given, a batch at a time, to `rows`. Rows before
 * columns are skipped and read again from their offset. The number of rows read.
 */
async function readTable(
  r: Reader,
  source: ImportSource,
  name: string,
  place: Place,
  sink: {
    columns: (columns: string[]) => Promise<void>;
    rows: (batch: Param[][], bytes: number) => Promise<void>;
  },
): Promise<number> {
  place.table = name;
  place.row = 0;
  if ((await r.next()) !== 'object') throw formatError(`表 ${name} 应为对象`);
  let columns: string[] | null = null;
  let rowsAt: number | null = null;
  let rowsSeen = false;
  let count = 0;
  for (;;) {
    const e = await r.next();
    if (e === 'endObject') break;
    const key = r.value as string;
    if (key === 'columns') {
      if (columns) throw formatError(`表 ${name} 的 columns 出现了两次`);
      const parsed = columnsSchema.safeParse(await r.read());
      if (!parsed.success) throw formatError(`表 ${name} 的列名：${parsed.error.issues[0]?.message ?? '结构不符'}`);
      columns = parsed.data;
      await sink.columns(columns);
    } else if (key === 'rows') {
      if (rowsSeen) throw formatError(`表 ${name} 的 rows 出现了两次`);
      rowsSeen = true;
      if (columns) count = await readRows(r, name, columns, place, sink.rows);
      else rowsAt = await r.skip();
    } else await r.skip();
  }
  if (!columns) throw formatError(`表 ${name} 缺少“columns”`);
  if (!rowsSeen) throw formatError(`表 ${name} 缺少“rows”`);
  if (rowsAt !== null) {
    const again = new Reader(source, rowsAt, true);
    try {
      count = await readRows(again, name, columns, place, sink.rows);
    } finally {
      await again.close();
    }
    place.table = name;
    place.row = 0;
  }
  return count;
}

const cellError = (table: string, row: number, cell: number): DomainError =>
  formatError(`表 ${table} 第${row}行第${cell}个值应为文本、数字或空值`);

/** Each row of a `rows` array: a list of cells, as many as the columns; handed on in batches. */
async function readRows(
  r: Reader,
  table: string,
  columns: readonly string[],
  place: Place,
  write: (batch: Param[][], bytes: number) => Promise<void>,
): Promise<number> {
  if ((await r.next()) !== 'array') throw formatError(`表 ${table} 的 rows 应为列表`);
  const tok = r.tok;
  let n = 0;
  let batch: Param[][] = [];
  let batchFrom = tok.position;
  for (;;) {
    // The hot path: events come from the chunk at hand, and only a used-up chunk waits for the next.
    let e = tok.next();
    if (e === 'more') e = await r.next();
    if (e === 'endArray') break;
    n++;
    place.row = n;
    if (e !== 'array') throw formatError(`表 ${table} 第${n}行应为列表`);
    const row: Param[] = [];
    for (;;) {
      e = tok.next();
      if (e === 'more') e = await r.next();
      if (e === 'endArray') break;
      if (row.length >= columns.length) throw rowWidthError(table, n, row.length + 1, columns.length);
      if (e === 'value') {
        const v = tok.value;
        if (typeof v === 'boolean') throw cellError(table, n, row.length + 1);
        row.push(v);
      } else if (e === 'object') row.push(await readBlob(r, table, n, row.length + 1));
      else throw cellError(table, n, row.length + 1);
    }
    if (row.length !== columns.length) throw rowWidthError(table, n, row.length, columns.length);
    batch.push(row);
    const bytes = tok.position - batchFrom;
    if (batch.length >= INSERT_BATCH || bytes >= INSERT_BATCH_BYTES) {
      await write(batch, bytes);
      batch = [];
      batchFrom = tok.position;
    }
  }
  if (batch.length > 0) await write(batch, tok.position - batchFrom);
  return n;
}

const rowWidthError = (table: string, row: number, has: number, want: number): DomainError =>
  formatError(
    `表 ${table} 的第${row}行有 ${has > want ? `${want} 列以上` : `${has} 列`}，应为 ${want} 列（文件可能已损坏）`,
  );

/** A cell `{ "$blob": "<base64>" }` (the object just opened): its bytes. */
async function readBlob(r: Reader, table: string, row: number, cell: number): Promise<Buffer> {
  if ((await r.next()) !== 'key' || r.value !== '$blob') throw cellError(table, row, cell);
  if ((await r.next()) !== 'value' || typeof r.value !== 'string') throw cellError(table, row, cell);
  const data = Buffer.from(r.value, 'base64');
  if ((await r.next()) !== 'endObject') throw cellError(table, row, cell);
  return data;
}

/** Reads the `tables` object, handing each table's name to the sink (which reads or skips its value). */
async function readTables(r: Reader, place: Place, sink: TableSink): Promise<void> {
  if ((await r.next()) !== 'object') throw formatError('“tables”应为对象');
  const seen = new Set<string>();
  for (;;) {
    place.table = null;
    place.row = 0;
    const e = await r.next();
    if (e === 'endObject') return;
    const name = r.value as string;
    if (!NAME_RE.test(name)) throw formatError(`表名无效（${name}）`);
    if (seen.has(name)) throw formatError(`表 ${name} 出现了两次`);
    seen.add(name);
    place.table = name;
    await sink.table(name, r);
  }
}

/** Refuses (changing nothing) when the install already holds records; seed tables do not count. */
async function refuseUnlessEmpty(q: Queryable): Promise<void> {
  const present = await userDataCounts(q);
  const names = Object.keys(present);
  if (names.length === 0) return;
  const incidents = present.incidents ? `已有事件 ${present.incidents} 起，` : '';
  throw new DomainError(
    'conflict',
    `当前安装中已有数据（${incidents}涉及${tableLabels(names).join('、')}），完整数据只能导入到空的安装中。未做任何改动。`,
  );
}

/**
 * The rows an install holds only for log-in (full-export.ts LOGIN_TABLES) give way to the exported
 * ones: the exported accounts become this install's. Children first, so no reference dangles on
 * PostgreSQL; in the import's transaction, so a refusal keeps them.
 */
async function clearLoginTables(q: Queryable, engine: Database['engine']): Promise<void> {
  for (const name of LOGIN_TABLES) {
    if (name === 'auth_events') await dataRepo.clearAppendOnly(q, engine, name);
    else await dataRepo.clearTable(q, name);
  }
}

/** Tables in an order where each comes after those it refers to (a cycle is broken where it closes). */
function parentsFirst(names: readonly string[], refs: ReadonlyMap<string, readonly string[]>): string[] {
  const wanted = new Set(names);
  const out: string[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: ReadonlySet<string>): void => {
    if (placed.has(name) || path.has(name) || !wanted.has(name)) return;
    for (const parent of refs.get(name) ?? []) visit(parent, new Set([...path, name]));
    placed.add(name);
    out.push(name);
  };
  for (const name of names) visit(name, new Set());
  return out;
}

/** The database side of the import: checks names against this version's schema and inserts the rows. */
class TableWriter implements TableSink {
  readonly counts: Record<string, number> = {};
  private readonly written = new Set<string>();
  private readonly later: { name: string; at: number }[] = [];
  private sinceCheckpoint = { rows: 0, bytes: 0 };

  private constructor(
    private readonly q: Queryable,
    private readonly source: ImportSource,
    private readonly place: Place,
    private readonly known: ReadonlySet<string>,
    private readonly refs: ReadonlyMap<string, readonly string[]>,
    /** PostgreSQL checks a foreign key at each insert: a child table waits for its parents. */
    private readonly parentsBeforeChildren: boolean,
    private readonly checkpoint: ImportOptions['checkpoint'],
  ) {}

  static async open(
    q: Queryable,
    engine: Database['engine'],
    source: ImportSource,
    place: Place,
    checkpoint: ImportOptions['checkpoint'],
  ): Promise<TableWriter> {
    const names = await dataRepo.tableNames(q);
    const refs = new Map<string, string[]>();
    for (const name of names) refs.set(name, await dataRepo.referencedTables(q, name));
    // Rows reference each other across tables; on SQLite foreign keys are checked at COMMIT instead.
    await dataRepo.deferForeignKeys(q);
    return new TableWriter(q, source, place, new Set(names), refs, engine === 'postgres', checkpoint);
  }

  async table(name: string, r: Reader): Promise<void> {
    if (!this.known.has(name)) throw new DomainError('invalid_input', `导入文件含有本版本没有的表：${name}`);
    const waiting = (this.refs.get(name) ?? []).some((p) => p !== name && !this.written.has(p));
    if (this.parentsBeforeChildren && waiting) {
      const at = await r.skip();
      this.later.push({ name, at });
      return;
    }
    await this.write(name, r);
  }

  private async write(name: string, r: Reader): Promise<void> {
    let columns: string[] = [];
    this.counts[name] = await readTable(r, this.source, name, this.place, {
      columns: async (cols) => {
        const have = new Set((await dataRepo.columnsOf(this.q, name)).map((c) => c.name));
        for (const c of cols)
          if (!have.has(c)) throw new DomainError('invalid_input', `导入文件的表 ${name} 含有本版本没有的列：${c}`);
        columns = cols;
        // A fresh install's seed rows are replaced by the exported ones.
        if (SEED_TABLES.includes(name)) await dataRepo.clearTable(this.q, name);
      },
      rows: async (batch, bytes) => {
        // Before a batch, never after the last: the write's own seal at COMMIT still has rows to seal.
        const since = this.sinceCheckpoint;
        if (this.checkpoint && (since.rows >= CHECKPOINT_ROWS || since.bytes >= CHECKPOINT_BYTES)) {
          await this.checkpoint(this.q);
          this.sinceCheckpoint = { rows: 0, bytes: 0 };
        }
        await dataRepo.insertRows(this.q, name, columns, batch);
        this.sinceCheckpoint.rows += batch.length;
        this.sinceCheckpoint.bytes += bytes;
      },
    });
    this.written.add(name);
  }

  /** The tables skipped for their parents, read again from their offsets, parents first. */
  async finish(engine: Database['engine']): Promise<Record<string, number>> {
    const at = new Map(this.later.map((t) => [t.name, t.at]));
    for (const name of parentsFirst([...at.keys()], this.refs)) {
      const r = new Reader(this.source, at.get(name) as number, true);
      try {
        await this.write(name, r);
      } finally {
        await r.close();
      }
    }
    this.place.table = null;
    // Every session ends, the exported ones too: a seat holds an account id, and after the import that
    // id may be another person's (issue 18). Each officer logs in again with the imported accounts.
    await dataRepo.clearTable(this.q, 'seat_sessions');
    const broken = await dataRepo.foreignKeyProblems(this.q);
    if (broken > 0)
      throw new DomainError('invalid_input', `导入文件中的数据互相引用不完整（${broken} 处），未做任何改动。`);
    await dataRepo.continueIdentities(this.q, engine);
    return this.counts;
  }
}

/**
 * Imports a full export into an empty install, streamed, in one transaction; the document's
 * settings are returned for the caller to apply after the COMMIT.
 */
export async function importFullExport(
  db: Database,
  source: ImportSource,
  opts: ImportOptions = {},
): Promise<{ result: ImportResult; settings: Record<string, unknown> }> {
  const place: Place = { table: null, row: 0 };
  const top = new Reader(source, 0, false);
  try {
    if ((await top.next()) !== 'object') throw NOT_OURS;
    const header: Partial<Header> = {};
    let tablesAt: number | null = null;
    // The header up to the tables: in the exporter's order, all of it, checked before anything is written.
    let atTables = false;
    for (;;) {
      const e = await top.next();
      if (e === 'endObject') break;
      const key = top.value as string;
      if (key === 'tables') {
        if (tablesAt !== null) throw formatError('“tables”出现了两次');
        if (headerComplete(header)) {
          atTables = true;
          break;
        }
        // The header comes after the tables: they are read again once it has been checked.
        tablesAt = await top.skip();
      } else await readTopKey(top, key, header);
    }
    if (!atTables) {
      await top.finish();
      requireHeader(header);
      if (tablesAt === null) throw formatError('缺少“tables”（文件不完整，或不是值班台导出的完整数据文件）');
    }
    const tables = await db.write(async (q) => {
      await refuseUnlessEmpty(q);
      await clearLoginTables(q, db.engine);
      const writer = await TableWriter.open(q, db.engine, source, place, opts.checkpoint);
      if (atTables) {
        await readTables(top, place, writer);
        place.table = null;
        // Keys after the tables (the exporter writes none) are checked as well.
        for (;;) {
          const e = await top.next();
          if (e === 'endObject') break;
          const key = top.value as string;
          if (key === 'tables') throw formatError('“tables”出现了两次');
          await readTopKey(top, key, header);
        }
        await top.finish();
      } else {
        const again = new Reader(source, tablesAt as number, true);
        try {
          await readTables(again, place, writer);
        } finally {
          await again.close();
        }
      }
      return writer.finish(db.engine);
    });
    requireHeader(header);
    const { schema: _schema, ...settings } = header.settings;
    return { result: { tables, schemaVersion: LATEST_VERSION }, settings };
  } catch (err) {
    if (err instanceof JsonSyntaxError) throw syntaxMessage(err, place);
    throw err;
  } finally {
    await top.close();
  }
}
