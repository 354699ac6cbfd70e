/**
 * The dialect seam: repositories write one SQL, in SQLite's dialect (the embedded default), and
 * this module turns it into PostgreSQL's for the few forms where the two differ. Every rule is
 * listed here and tested on both engines (test/electron/db/pg-dialect.test.ts); a SQLite-only
 * form with no rule is refused with a clear message instead of reaching the server half-translated.
 *
 * | SQLite                                  | PostgreSQL                                              |
 * | --------------------------------------- | ------------------------------------------------------- |
 * | `?`, `?N` placeholders                  | `$n`, `$N`                                              |
 * | `INSERT OR IGNORE INTO t …`             | `INSERT INTO t … ON CONFLICT DO NOTHING`                 |
 * | `x IN (SELECT value FROM json_each(?))` | the same list of integer ids from `json_array_elements_text` |
 * | `json_extract(col, '$.key')`            | `(col::jsonb ->> 'key')` (text; `= column` compares as text) |
 * | `LIKE` (ASCII case-insensitive)         | `ILIKE`                                                 |
 * | `ifnull(`                               | `coalesce(`                                             |
 * | `PRAGMA user_version`                   | the version row of `duty_schema`                        |
 * | data-repository.ts's catalogue reads    | `information_schema` / `pg_catalog` (CATALOGUE below)   |
 * | `AS camelCase` (an alias)               | `AS "camelCase"` (PostgreSQL folds unquoted names)      |
 * | `ORDER BY rowid` (insertion order)      | the same, on an explicit `rowid` identity column (baseline) |
 *
 * Text is compared byte-wise on both engines (SQLite's BINARY, PostgreSQL's "C" collation on every
 * text column), so ISO times and serials order the same way.
 */

/** SQLite forms with no PostgreSQL rule: a repository that needs one adds a rule above first. */
const UNSUPPORTED: readonly [RegExp, string][] = [
  [/\bPRAGMA\b/i, 'PRAGMA'],
  [/\bsqlite_(master|schema|sequence)\b/i, 'sqlite_master'],
  [/\bINSERT\s+OR\s+(REPLACE|ABORT|FAIL|ROLLBACK)\b/i, 'INSERT OR REPLACE'],
  [/\b(strftime|julianday|printf|unixepoch)\s*\(/i, 'SQLite date/format functions'],
  [/\bGLOB\b/i, 'GLOB'],
  [/\bjson_each\s*\(/i, 'json_each outside `IN (SELECT value FROM json_each(?))`'],
  [/\bjson_extract\s*\(/i, "json_extract with a path other than '$.key'"],
];

/** Splits SQL into code and the quoted parts (strings, quoted names, comments), which are never rewritten. */
function segments(sql: string): { code: boolean; text: string }[] {
  const out: { code: boolean; text: string }[] = [];
  let i = 0;
  let start = 0;
  const push = (end: number, code: boolean) => {
    if (end > start) out.push({ code, text: sql.slice(start, end) });
    start = end;
  };
  while (i < sql.length) {
    const c = sql[i];
    const quoted = (close: string, from: number): number => {
      let j = from;
      for (;;) {
        const k = sql.indexOf(close, j);
        if (k < 0) return sql.length;
        // A doubled quote is the quote itself.
        if (close.length === 1 && sql[k + 1] === close) {
          j = k + 2;
          continue;
        }
        return k + close.length;
      }
    };
    let end = -1;
    if (c === "'" || c === '"') end = quoted(c, i + 1);
    else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      end = nl < 0 ? sql.length : nl;
    } else if (c === '/' && sql[i + 1] === '*') end = quoted('*/', i + 2);
    if (end >= 0) {
      push(i, true);
      i = end;
      push(i, false);
    } else i++;
  }
  push(sql.length, true);
  return out;
}

/** A table name from `PRAGMA …("name")` as to_regclass of the quoted name. */
const regclass = (name: string): string => `to_regclass('"${name}"')`;

/**
 * Whole statements about the schema itself, as data-repository.ts writes them for SQLite's
 * catalogue (the full export and import): the same answers from PostgreSQL's. `duty_schema` (the
 * version row, SQLite's user_version) and the explicit `rowid` columns (SQLite's implicit rowid)
 * are left out, so an export lists the same tables and columns on both engines and moves between
 * them. Foreign keys are checked at each insert on PostgreSQL (they are not deferrable): the import
 * writes parent tables first, and nothing is left to check at the end.
 */
const CATALOGUE: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^\s*SELECT\s+name\s+FROM\s+sqlite_master\s+WHERE\s+type\s*=\s*'table'\s+AND\s+name\s+NOT\s+LIKE\s+'sqlite\\_%'\s+ESCAPE\s+'\\'\s+ORDER\s+BY\s+name\s*;?\s*$/i,
    () =>
      `SELECT table_name::text AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'duty_schema'
       ORDER BY table_name COLLATE "C"`,
  ],
  [
    /^\s*SELECT\s+1\s+AS\s+x\s+FROM\s+sqlite_master\s+WHERE\s+type\s*=\s*'table'\s+AND\s+name\s*=\s*\?\s*;?\s*$/i,
    () =>
      `SELECT 1 AS x FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name = $1`,
  ],
  [
    // Names as the repositories write them (lower case, checked against the schema before use).
    /^\s*PRAGMA\s+table_info\s*\(\s*"([a-z_][a-z0-9_]*)"\s*\)\s*;?\s*$/,
    (m) =>
      // pk: the column's place in the primary key (1, 2 …), 0 when not in it, as SQLite gives it.
      `SELECT a.attname::text AS name,
         COALESCE((SELECT k.n FROM pg_index i, unnest(i.indkey) WITH ORDINALITY AS k(att, n)
                   WHERE i.indrelid = a.attrelid AND i.indisprimary AND k.att = a.attnum), 0) AS pk
       FROM pg_attribute a
       WHERE a.attrelid = ${regclass(m[1] ?? '')} AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> 'rowid'
       ORDER BY a.attnum`,
  ],
  [
    /^\s*PRAGMA\s+foreign_key_list\s*\(\s*"([a-z_][a-z0-9_]*)"\s*\)\s*;?\s*$/,
    (m) =>
      `SELECT DISTINCT c.confrelid::regclass::text AS "table" FROM pg_constraint c
       WHERE c.contype = 'f' AND c.conrelid = ${regclass(m[1] ?? '')}`,
  ],
  [/^\s*PRAGMA\s+foreign_key_check\s*;?\s*$/i, () => 'SELECT 1 AS x WHERE false'],
  [/^\s*PRAGMA\s+defer_foreign_keys\s*=\s*ON\s*;?\s*$/i, () => 'SET CONSTRAINTS ALL DEFERRED'],
];

/** SQLite SQL with `?` placeholders as PostgreSQL SQL with `$n`. */
export function toPostgres(sql: string): string {
  // The schema version: SQLite keeps it in the file header, PostgreSQL in duty_schema (pg-migrate.ts).
  if (/^\s*PRAGMA\s+user_version\s*;?\s*$/i.test(sql)) {
    return 'SELECT COALESCE((SELECT version FROM duty_schema WHERE id = 1), 0) AS user_version';
  }
  for (const [re, to] of CATALOGUE) {
    const m = re.exec(sql);
    if (m) return to(m);
  }
  // Whole-statement forms first (their patterns span quoted parts such as '$.key'); the placeholder
  // stays as written and is numbered below with the others.
  const text = sql
    .replace(
      /\bIN\s*\(\s*SELECT\s+value\s+FROM\s+json_each\s*\(\s*(\?\d*)\s*\)\s*\)/gi,
      // The ids travel as one JSON array, as on SQLite: one statement for any number of them.
      (_m, p: string) => `IN (SELECT value::bigint FROM json_array_elements_text(${p}::json) AS value)`,
    )
    .replace(/\bjson_extract\s*\(\s*([\w.]+)\s*,\s*'\$\.(\w+)'\s*\)/gi, "($1::jsonb ->> '$2')")
    // SQLite compares the extracted value as the number it is; here it is text, so is the column.
    // (A unary + that steers SQLite's planner away from an index is dropped with it.)
    .replace(/(\([\w.]+::jsonb ->> '\w+'\))\s*=\s*\+?\s*([a-z_]\w*(?:\.[a-z_]\w*)?)\b(?!\s*[(.])/gi, '$1 = $2::text');
  const orIgnore = /\bINSERT\s+OR\s+IGNORE\b/i.test(text);
  let n = 0;
  const parts = segments(text).map((s) => {
    if (!s.code) return s.text;
    let t = s.text;
    t = t.replace(/\bINSERT\s+OR\s+IGNORE\b/gi, 'INSERT');
    t = t.replace(/\bLIKE\b/gi, 'ILIKE').replace(/\bifnull\s*\(/gi, 'coalesce(');
    // PostgreSQL folds unquoted names to lower case: a camelCase alias keeps its case when quoted.
    t = t.replace(/\bAS\s+([a-z]+[A-Z]\w*)\b/g, 'AS "$1"');
    return t.replace(/\?(\d+)?/g, (_m, num: string | undefined) => {
      if (num) return `$${num}`;
      n += 1;
      return `$${n}`;
    });
  });
  let out = parts.join('');
  const code = segments(out)
    .filter((s) => s.code)
    .map((s) => s.text)
    .join(' ');
  for (const [re, what] of UNSUPPORTED) {
    if (re.test(code))
      throw new Error(`SQL not available on PostgreSQL (${what}); add a rule to pg-dialect.ts: ${sql}`);
  }
  if (orIgnore) {
    const returning = /\sRETURNING\s[\s\S]*$/i.exec(out);
    out = returning
      ? `${out.slice(0, returning.index)} ON CONFLICT DO NOTHING${returning[0]}`
      : `${out.replace(/;?\s*$/, '')} ON CONFLICT DO NOTHING`;
  }
  return out;
}
