import { pgSchema } from './postgres-baseline';
import type { Migration } from './types';

/**
 * A bigram index for the history search (issue 14 "History search may use an n-gram (bigram)
 * index"): every pair of adjacent characters of the searched text of each incident, so a search
 * reads the incidents holding every pair of its keywords instead of matching LIKE against every
 * row of a ten-year history. Two-character words (泄漏, 油污) are the common search, which FTS5's
 * trigram tokenizer cannot match, hence pairs.
 *
 * - The searched text is what the search's LIKE reads (incident-repository.ts selectionSql): title,
 *   narrative, reporter_unit, serial and places, joined, ASCII letters lowered as LIKE ignores
 *   their case (lower() folds ASCII only on both engines: SQLite without ICU, PostgreSQL under
 *   COLLATE "C"). Pairs across two fields are kept too: an extra pair only adds a candidate, and
 *   the search confirms every candidate with LIKE, so results are the same as without the index.
 * - Kept by trigger in the same transaction as every write of those columns, whichever code
 *   writes them (registration, edits, the full import, a restore's migration); filled for the
 *   incidents already there.
 * - No foreign key: the rows follow their incident by trigger, and a key would make every deleted
 *   incident scan this table (the key's column leads nothing here). Like the stored derivations it
 *   is rebuilt from the records, so it is not exported (DERIVED_TABLES).
 */
const FIELDS = ['title', 'narrative', 'reporter_unit', 'serial', 'places'] as const;

/** The searched text of `row` (NEW or OLD, or a table alias) as the index holds it. */
const searched = (row: string, collate = ''): string =>
  `lower((${FIELDS.map((f) => `${row}.${f}`).join(' || ')})${collate})`;

/**
 * SQLite: the pairs of each document of `docs` (a query of id, text) as the CTE `pos(id, c, n)`,
 * the pair being substr(c, n, 2). substr counts characters from the start of its text, so the text
 * is first cut into pieces of CHUNK characters (overlapping by one, so no pair is lost) and the
 * pairs read within each: a 20,000-character 事件简要情况 costs milliseconds, not seconds. The
 * positions within a piece are joined from a fixed list rather than counted by recursion (the
 * backfill reads a few million pairs).
 */
const CHUNK = 100;
const sqlitePairs = (docs: string): string => `WITH RECURSIVE
      nums(n) AS MATERIALIZED (SELECT 1 UNION ALL SELECT n + 1 FROM nums WHERE n < ${CHUNK}),
      doc(id, t) AS (${docs}),
      chunk(id, t, k, c) AS (
        SELECT id, t, 0, substr(t, 1, ${CHUNK + 1}) FROM doc
        UNION ALL SELECT id, t, k + 1, substr(t, (k + 1) * ${CHUNK} + 1, ${CHUNK + 1}) FROM chunk
          WHERE (k + 1) * ${CHUNK} + 1 < length(t)),
      pos(id, c, n) AS (SELECT id, c, n FROM chunk, nums WHERE n < length(c))`;

const changed = FIELDS.map((f) => `OLD.${f} IS NOT NEW.${f}`).join(' OR ');

const sqlite = `
  CREATE TABLE incident_bigrams (
    bigram TEXT NOT NULL,
    incident_id INTEGER NOT NULL,
    PRIMARY KEY (bigram, incident_id)
  ) WITHOUT ROWID;

  INSERT INTO incident_bigrams (bigram, incident_id)
    ${sqlitePairs(`SELECT i.id, ${searched('i')} FROM incidents i`)}
    SELECT substr(c, n, 2), id FROM pos GROUP BY 1, 2;

  CREATE TRIGGER incidents_bigrams_insert AFTER INSERT ON incidents BEGIN
    INSERT INTO incident_bigrams (bigram, incident_id)
      ${sqlitePairs(`SELECT NEW.id, ${searched('NEW')}`)} SELECT DISTINCT substr(c, n, 2), id FROM pos;
  END;
  CREATE TRIGGER incidents_bigrams_update AFTER UPDATE OF ${FIELDS.join(', ')}, id ON incidents
    WHEN ${changed} OR OLD.id IS NOT NEW.id BEGIN
    DELETE FROM incident_bigrams WHERE incident_id = OLD.id AND bigram IN (
      ${sqlitePairs(`SELECT OLD.id, ${searched('OLD')}`)} SELECT substr(c, n, 2) FROM pos);
    INSERT INTO incident_bigrams (bigram, incident_id)
      ${sqlitePairs(`SELECT NEW.id, ${searched('NEW')}`)} SELECT DISTINCT substr(c, n, 2), id FROM pos;
  END;
  CREATE TRIGGER incidents_bigrams_delete AFTER DELETE ON incidents BEGIN
    DELETE FROM incident_bigrams WHERE incident_id = OLD.id AND bigram IN (
      ${sqlitePairs(`SELECT OLD.id, ${searched('OLD')}`)} SELECT substr(c, n, 2) FROM pos);
  END;
`;

// PostgreSQL: the same pairs from one function, the text split into characters once (substr by
// position would read it from the start for each pair); lowered under COLLATE "C" (ASCII only).
const postgres = `${pgSchema(`
  CREATE TABLE incident_bigrams (
    bigram TEXT NOT NULL,
    incident_id INTEGER NOT NULL,
    PRIMARY KEY (bigram, incident_id)
  );`)}
  CREATE FUNCTION incident_bigrams_of(doc text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
    SELECT DISTINCT p FROM (
      SELECT ch || lead(ch) OVER (ORDER BY n) AS p FROM unnest(string_to_array(doc, NULL)) WITH ORDINALITY AS u(ch, n)
    ) AS pairs WHERE p IS NOT NULL
  $$;

  INSERT INTO incident_bigrams (bigram, incident_id)
    SELECT b, i.id FROM incidents i, incident_bigrams_of(${searched('i', ' COLLATE "C"')}) AS b;

  CREATE FUNCTION incidents_bigrams() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND NOT (${changed.replaceAll(' IS NOT ', ' IS DISTINCT FROM ')} OR OLD.id IS DISTINCT FROM NEW.id) THEN
      RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      DELETE FROM incident_bigrams
        WHERE incident_id = OLD.id AND bigram IN (SELECT incident_bigrams_of(${searched('OLD', ' COLLATE "C"')}));
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO incident_bigrams (bigram, incident_id)
        SELECT b, NEW.id FROM incident_bigrams_of(${searched('NEW', ' COLLATE "C"')}) AS b;
    END IF;
    RETURN NULL;
  END;
  $$;
  CREATE TRIGGER incidents_bigrams AFTER INSERT OR UPDATE OR DELETE ON incidents
    FOR EACH ROW EXECUTE FUNCTION incidents_bigrams();
`;

export const migration0021: Migration = { version: 21, name: 'search-bigrams', sql: sqlite, postgres };
