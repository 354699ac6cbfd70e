/**
 * SQL for whole-database work: the full export and its import, backup verification and the
 * start-up check. Table and column names come from sqlite_master / table_info, never from input
 * unchecked (the import compares every name with the schema before it is used here).
 */
import { DomainError } from '../../shared/ipc/result';
import type { Param, Queryable } from './connection';

/** The database's own tables (SQLite's internal ones left out), by name. */
export async function tableNames(q: Queryable): Promise<string[]> {
  const rows = await q.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
  );
  return rows.map((r) => r.name);
}

export async function hasTable(q: Queryable, table: string): Promise<boolean> {
  return (await q.get("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = ?", [table])) !== undefined;
}

export async function columnsOf(q: Queryable, table: string): Promise<{ name: string; pk: number }[]> {
  return q.all<{ name: string; pk: number }>(`PRAGMA table_info("${table}")`);
}

/** Every row of a table, the given columns in order, ordered by primary key (or rowid). */
export async function tableRows(
  q: Queryable,
  table: string,
  columns: readonly { name: string; pk: number }[],
): Promise<Record<string, unknown>[]> {
  const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const order = pk.length ? pk.map((c) => `"${c.name}"`).join(', ') : 'rowid';
  const list = columns.map((c) => `"${c.name}"`).join(', ');
  return q.all(`SELECT ${list} FROM "${table}" ORDER BY ${order}`);
}

/**
 * The same rows as tableRows, in the same order, `size` at a time: each batch continues after the
 * last key of the one before (keyset), so a large table is never held in memory at once.
 */
export async function* tableRowBatches(
  q: Queryable,
  table: string,
  columns: readonly { name: string; pk: number }[],
  size: number,
): AsyncGenerator<Record<string, unknown>[]> {
  const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const keys = pk.length ? pk.map((c) => `"${c.name}"`) : ['rowid'];
  const keyAliases = keys.map((_, i) => `"__k${i}"`);
  const list = columns.map((c) => `"${c.name}"`).join(', ');
  const select = `SELECT ${list}, ${keys.map((k, i) => `${k} AS ${keyAliases[i]}`).join(', ')} FROM "${table}"`;
  const order = `ORDER BY ${keys.join(', ')} LIMIT ${size}`;
  const after = `WHERE (${keys.join(', ')}) > (${keys.map(() => '?').join(', ')})`;
  let last: Param[] | null = null;
  for (;;) {
    const rows: Record<string, unknown>[] = await q.all(
      last ? `${select} ${after} ${order}` : `${select} ${order}`,
      last ?? [],
    );
    if (rows.length === 0) return;
    // rows is not empty (returned above when it was)
    const tail = rows[rows.length - 1] as Record<string, unknown>;
    // the key aliases select plain column values, which are Params
    last = keyAliases.map((_, i) => tail[`__k${i}`] as Param);
    yield rows;
    if (rows.length < size) return;
  }
}

export async function countRows(q: Queryable, table: string): Promise<number> {
  return (await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM "${table}"`))?.n ?? 0;
}

export async function clearTable(q: Queryable, table: string): Promise<void> {
  await q.run(`DELETE FROM "${table}"`);
}

/**
 * Empties a table whose triggers refuse DELETE (the audit is append-only): the triggers are set
 * aside for this one statement and put back as they were, inside the caller's transaction, so a
 * rollback keeps both the rows and the triggers.
 */
export async function clearAppendOnly(q: Queryable, engine: 'sqlite' | 'postgres', table: string): Promise<void> {
  if (engine === 'postgres') {
    await q.exec(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
    await q.run(`DELETE FROM "${table}"`);
    await q.exec(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
    return;
  }
  const triggers = await q.all<{ name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
    [table],
  );
  for (const t of triggers) await q.exec(`DROP TRIGGER "${t.name}"`);
  await q.run(`DELETE FROM "${table}"`);
  for (const t of triggers) await q.exec(t.sql);
}

/** Inserts rows as given, column for column. */
export async function insertRows(
  q: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly Param[][],
): Promise<void> {
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  try {
    for (const row of rows) await q.run(sql, row);
  } catch (err) {
    // PostgreSQL checks a foreign key at the insert (SQLite at COMMIT, foreignKeyProblems).
    if ((err as { code?: unknown }).code === '23503')
      throw new DomainError('invalid_input', `导入文件中的数据互相引用不完整（表 ${table}），未做任何改动。`);
    throw err;
  }
}

/** The tables `table` refers to by foreign key (itself too, when it does). */
export async function referencedTables(q: Queryable, table: string): Promise<string[]> {
  const rows = await q.all<{ table: string }>(`PRAGMA foreign_key_list("${table}")`);
  return [...new Set(rows.map((r) => r.table))];
}

/**
 * After rows were written with their own ids: PostgreSQL's identity columns go on after the
 * largest id (SQLite's rowid does so by itself), so the next record does not collide.
 */
export async function continueIdentities(q: Queryable, engine: 'sqlite' | 'postgres'): Promise<void> {
  if (engine !== 'postgres') return;
  const columns = await q.all<{ t: string; c: string }>(
    `SELECT table_name AS t, column_name AS c FROM information_schema.columns
     WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  for (const { t, c } of columns) {
    await q.get(
      `SELECT setval(pg_get_serial_sequence(?, ?), COALESCE((SELECT MAX("${c}") FROM "${t}"), 0) + 1, false) AS v`,
      [`"${t}"`, c],
    );
  }
}

/** Rows reference each other across tables: foreign keys are then checked at COMMIT. */
export async function deferForeignKeys(q: Queryable): Promise<void> {
  await q.exec('PRAGMA defer_foreign_keys = ON');
}

export async function foreignKeyProblems(q: Queryable): Promise<number> {
  return (await q.all('PRAGMA foreign_key_check')).length;
}

/** What SQLite's quick_check or integrity_check found (an empty list: the file is sound). */
export async function integrityProblems(q: Queryable, check: 'quick_check' | 'integrity_check'): Promise<string[]> {
  const rows = await q.all<Record<string, string>>(`PRAGMA ${check}`);
  return rows.map((r) => Object.values(r)[0] ?? '').filter((v) => v !== 'ok');
}

/**
 * The cheap part of the start-up check: the schema is read and the first row of every table (its
 * root page and the path down to its first leaf), a few pages each, whatever the file's size.
 * What damage this finds: the table's name and SQLite's words, for the log.
 */
export async function firstRowProblems(q: Queryable): Promise<string[]> {
  const tables = await q.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
  );
  const problems: string[] = [];
  for (const { name } of tables) {
    try {
      await q.all(`SELECT * FROM "${name.replace(/"/g, '""')}" LIMIT 1`);
    } catch (err) {
      problems.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return problems;
}

/** The schema version migrations wrote (0: a database no migration has touched). */
export async function userVersion(q: Queryable): Promise<number> {
  return (await q.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
}
