import { pgSchema } from './postgres-baseline';
import type { Migration } from './types';

/**
 * What the statistics count, stored beside each derivation (issue 14 "Statistics as SQL
 * aggregates"), so a year is counted by GROUP BY in the database instead of row by row in the
 * services, reading narrow rows only:
 *
 * - derived_stats: per incident, on the derivation's basis, the plan and level it is counted
 *   under, the 接报 month in Asia/Shanghai ('YYYY-MM'), and the minutes from 接报 to the first
 *   phone and written report (NULL when none was made). Apart from incident_derived, whose rows
 *   carry the whole grading and clocks, so a year's count does not read those pages.
 * - derived_clocks gains the due, completion and 级别调整 instants as epoch milliseconds, so an
 *   outcome (on time, 迟报, 漏报) is one comparison on either engine whatever offset the text was
 *   written with; on SQLite the table is made again clustered by incident (it is derived: the
 *   services raise their basis with this migration and store every incident again).
 * - derived_places: the places an incident is counted under (each once).
 * - incidents_received_drill: a range of 接报 times with the drill flag, from the index alone.
 */
const CLOCK_COLUMNS = `
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
    due_ms INTEGER NOT NULL,
    completed_ms INTEGER,
    level_changed_ms INTEGER,
    PRIMARY KEY (incident_id, seq)`;

const body = (real: string, clustered: string): string => `
  CREATE TABLE derived_stats (
    incident_id INTEGER PRIMARY KEY REFERENCES incidents (id),
    basis TEXT NOT NULL,
    stat_plan TEXT NOT NULL,
    level TEXT,
    received_month TEXT NOT NULL,
    first_phone_min ${real},
    first_written_min ${real}
  );
  CREATE TABLE derived_places (
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    place TEXT NOT NULL,
    PRIMARY KEY (incident_id, place)
  )${clustered};
  CREATE INDEX incidents_received_drill ON incidents (received_at, drill);
`;

export const migration0019: Migration = {
  version: 19,
  name: 'stats-aggregates',
  sql: `${body('REAL', ' WITHOUT ROWID')}
    DROP TABLE derived_clocks;
    CREATE TABLE derived_clocks (${CLOCK_COLUMNS}) WITHOUT ROWID;`,
  postgres: pgSchema(`${body('DOUBLE PRECISION', '')}
    DELETE FROM derived_clocks;
    ALTER TABLE derived_clocks ADD COLUMN due_ms BIGINT NOT NULL;
    ALTER TABLE derived_clocks ADD COLUMN completed_ms BIGINT;
    ALTER TABLE derived_clocks ADD COLUMN level_changed_ms BIGINT;`),
};
