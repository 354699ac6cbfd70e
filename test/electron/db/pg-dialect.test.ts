import { describe, expect, it } from 'vitest';
import { toPostgres } from '../../../electron/db/pg-dialect';

/** Each rule of the seam; the 'postgres' test project runs the real statements on a server. */
describe('the SQLite-to-PostgreSQL dialect seam', () => {
  it('numbers placeholders, leaving question marks in strings, quoted names and comments alone', () => {
    expect(toPostgres(`SELECT '?' AS a, "x?" FROM t WHERE a = ? AND b = ? -- c = ?\n AND d = ?2`)).toBe(
      `SELECT '?' AS a, "x?" FROM t WHERE a = $1 AND b = $2 -- c = ?\n AND d = $2`,
    );
  });

  it('turns INSERT OR IGNORE into ON CONFLICT DO NOTHING, before a RETURNING', () => {
    expect(toPostgres('INSERT OR IGNORE INTO t (a) VALUES (?)')).toBe(
      'INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING',
    );
    expect(toPostgres('INSERT OR IGNORE INTO t (a) VALUES (?) RETURNING a')).toBe(
      'INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING RETURNING a',
    );
  });

  it('reads an id list passed as one JSON array, and a JSON field as text compared with a column as text', () => {
    expect(toPostgres('SELECT * FROM t WHERE id IN (SELECT value FROM json_each(?))')).toBe(
      'SELECT * FROM t WHERE id IN (SELECT value::bigint FROM json_array_elements_text($1::json) AS value)',
    );
    expect(
      toPostgres(
        `SELECT 1 FROM t v JOIN t u ON json_extract(v.data, '$.entryId') = +u.id WHERE json_extract(data, '$.to') = ?`,
      ),
    ).toBe(
      `SELECT 1 FROM t v JOIN t u ON (v.data::jsonb ->> 'entryId') = u.id::text WHERE (data::jsonb ->> 'to') = $1`,
    );
  });

  it("keeps SQLite's case-insensitive LIKE, and reads the schema version from its row", () => {
    expect(toPostgres("SELECT 1 FROM t WHERE a LIKE ? ESCAPE '\\' AND b NOT LIKE ?")).toBe(
      "SELECT 1 FROM t WHERE a ILIKE $1 ESCAPE '\\' AND b NOT ILIKE $2",
    );
    expect(toPostgres('PRAGMA user_version')).toMatch(/FROM duty_schema/);
    expect(toPostgres("SELECT seat_name AS seatName, 'AS x' AS n FROM t")).toBe(
      `SELECT seat_name AS "seatName", 'AS x' AS n FROM t`,
    );
  });

  it('refuses SQLite-only forms that have no rule, naming them', () => {
    for (const [sql, what] of [
      ['PRAGMA table_info(t)', 'PRAGMA'],
      ['SELECT name FROM sqlite_master', 'sqlite_master'],
      ['INSERT OR REPLACE INTO t VALUES (?)', 'INSERT OR REPLACE'],
      ["SELECT strftime('%Y', at) FROM t", 'date/format'],
      ["SELECT * FROM t WHERE a GLOB '2*'", 'GLOB'],
    ] as const) {
      expect(() => toPostgres(sql)).toThrow(what);
    }
  });
});
