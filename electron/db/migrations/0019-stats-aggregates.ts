import { pgSchema } from './postgres-baseline';
import type { Migration } from './types';

/**
 * What the statistics count, stored beside each derivation (issue 14 "Statistics as SQL
 * aggregates"), so a year is counted by GROUP BY in the database instead of row by row in the
 * services:
 *
 * - incident_derived.received_month: the 接报 month in Asia/Shanghai ('YYYY-MM'), and the minutes
 *   from 接报 to the first phone and written report (NULL when none was made);
 * - derived_clocks: due, completion and 级别调整 times as epoch milliseconds, so an outcome (on
 *   time, 迟报, 漏报) is one comparison on either engine whatever offset the text was written with;
 * - derived_places: the places an incident is counted under (each once).
 *
 * Derivations stored before this migration lack the new values: the services raise their basis
 * with it, so those rows are not read as current and are stored again in the background.
 */
const body = (real: string, big: string): string => `
  ALTER TABLE incident_derived ADD COLUMN received_month TEXT;
  ALTER TABLE incident_derived ADD COLUMN first_phone_min ${real};
  ALTER TABLE incident_derived ADD COLUMN first_written_min ${real};
  ALTER TABLE derived_clocks ADD COLUMN due_ms ${big};
  ALTER TABLE derived_clocks ADD COLUMN completed_ms ${big};
  ALTER TABLE derived_clocks ADD COLUMN level_changed_ms ${big};
  CREATE TABLE derived_places (
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    place TEXT NOT NULL,
    PRIMARY KEY (incident_id, place)
  );
`;

export const migration0019: Migration = {
  version: 19,
  name: 'stats-aggregates',
  sql: body('REAL', 'INTEGER'),
  postgres: pgSchema(body('DOUBLE PRECISION', 'BIGINT')),
};
