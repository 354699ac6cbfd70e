import { pgSchema } from './postgres-baseline';
import type { Migration } from './types';

/**
 * Serials from a counter (issue 17): one row per prefix (`2026-`, drills `YL2026-`) holding the
 * last number given. Registration increments it inside its own transaction, so the row stays
 * locked until the COMMIT: two seats on one PostgreSQL server number one after the other, and a
 * registration that rolls back gives its number back. The numbering stays gapless, as official
 * numbering must (a sequence would skip numbers on rollback), and registering no longer scans the
 * incidents table. Seeded from the serials that exist, by their highest number per prefix.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'serial-counters',
  sql: `
    CREATE TABLE serial_counters (
      prefix TEXT PRIMARY KEY,
      last_number INTEGER NOT NULL CHECK (last_number >= 0)
    );
    INSERT INTO serial_counters (prefix, last_number)
      SELECT substr(serial, 1, instr(serial, '-')), MAX(CAST(substr(serial, instr(serial, '-') + 1) AS INTEGER))
      FROM incidents WHERE instr(serial, '-') > 0
      GROUP BY substr(serial, 1, instr(serial, '-'));
  `,
  postgres: pgSchema(`
    CREATE TABLE serial_counters (
      prefix TEXT PRIMARY KEY,
      last_number INTEGER NOT NULL CHECK (last_number >= 0)
    );
    INSERT INTO serial_counters (prefix, last_number)
      SELECT split_part(serial, '-', 1) || '-', MAX(split_part(serial, '-', 2)::integer)
      FROM incidents WHERE position('-' IN serial) > 0
      GROUP BY split_part(serial, '-', 1) || '-';
  `),
};
