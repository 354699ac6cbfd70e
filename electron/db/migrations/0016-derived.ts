import { pgSchema } from './postgres-baseline';
import type { Migration } from './types';

/**
 * What the rules derive from an incident's own rows, stored (issue 14): its level and response
 * (grading), its reporting clocks and the earliest due time of those still open, so a page of
 * the board, a day's log or a year's statistics reads stored values instead of running the rules
 * over every incident.
 *
 * - incident_derived: one row per incident, made on a `basis` (the rules' version and the
 *   待初步判定 setting); a row of another basis is not used.
 * - derived_clocks: the clocks as the statistics count them, one row each.
 * - incident_stale: incidents whose stored derivation no longer holds. Every table the rules
 *   read for an incident marks it here by trigger, in the same transaction as the change, so a
 *   stored value is never read as current after its inputs changed, whichever code (or import,
 *   or restore) changed them; readers derive such an incident from its rows and the store is
 *   brought up to date afterwards.
 *
 * Nothing here is a record of its own: the tables are left out of the full export and can be
 * rebuilt from the records at any time.
 */
const INPUTS: readonly { table: string; column: string }[] = [
  { table: 'incidents', column: 'id' },
  { table: 'timeline_entries', column: 'incident_id' },
  { table: 'clock_records', column: 'incident_id' },
  { table: 'level_changes', column: 'incident_id' },
  { table: 'incident_reporting', column: 'incident_id' },
  { table: 'obligations', column: 'incident_id' },
  { table: 'responses', column: 'incident_id' },
  { table: 'response_tasks', column: 'incident_id' },
  { table: 'reports', column: 'incident_id' },
];

const TABLES = `
  CREATE TABLE incident_derived (
    incident_id INTEGER PRIMARY KEY REFERENCES incidents (id),
    basis TEXT NOT NULL,
    level TEXT,
    stat_plan TEXT NOT NULL,
    next_due_at TEXT,
    grading TEXT NOT NULL,
    clocks TEXT NOT NULL
  );
  CREATE INDEX incident_derived_next_due ON incident_derived (next_due_at) WHERE next_due_at IS NOT NULL;

  CREATE TABLE derived_clocks (
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    seq INTEGER NOT NULL,
    clock_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    due_at TEXT NOT NULL,
    completed_at TEXT,
    completed_by TEXT,
    not_applicable INTEGER NOT NULL,
    owner TEXT,
    level_changed_at TEXT,
    PRIMARY KEY (incident_id, seq)
  );

  CREATE TABLE incident_stale (
    incident_id INTEGER PRIMARY KEY
  );
`;

const sqliteTriggers = INPUTS.flatMap(({ table, column }) =>
  (['INSERT', 'UPDATE', 'DELETE'] as const).map((event) => {
    const row = event === 'DELETE' ? 'OLD' : 'NEW';
    // Not INSERT OR IGNORE: a trigger's conflict clause gives way to the firing statement's, so an
    // upsert (ON CONFLICT … DO UPDATE) on the table would turn a second mark into a UNIQUE failure.
    return `CREATE TRIGGER ${table}_stale_${event.toLowerCase()} AFTER ${event} ON ${table}
      BEGIN INSERT INTO incident_stale (incident_id) SELECT ${row}.${column}
        WHERE NOT EXISTS (SELECT 1 FROM incident_stale WHERE incident_id = ${row}.${column}); END;`;
  }),
).join('\n');

const postgresTriggers = INPUTS.map(
  ({ table, column }) => `
  CREATE FUNCTION ${table}_stale() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO incident_stale (incident_id)
      VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.${column} ELSE NEW.${column} END)
      ON CONFLICT DO NOTHING;
    RETURN NULL;
  END $$;
  CREATE TRIGGER ${table}_stale AFTER INSERT OR UPDATE OR DELETE ON ${table}
    FOR EACH ROW EXECUTE FUNCTION ${table}_stale();`,
).join('\n');

export const migration0016: Migration = {
  version: 16,
  name: 'derived',
  // Every incident that exists is stale until derived (the services do that in the background).
  sql: `${TABLES}\n${sqliteTriggers}\nINSERT INTO incident_stale (incident_id) SELECT id FROM incidents;`,
  postgres: pgSchema(
    `${TABLES}\n${postgresTriggers}\nINSERT INTO incident_stale (incident_id) SELECT id FROM incidents;`,
  ),
};
