import type { Migration } from './types';

/**
 * Fired alarms and acknowledgements, persisted before anything is shown so that a restart or a
 * crash never fires the same alarm twice, and a deadline passed while asleep fires once on wake.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'alarms',
  sql: `
    CREATE TABLE fired_alarms (
      clock_key TEXT NOT NULL,
      kind TEXT NOT NULL,
      seq INTEGER NOT NULL,
      due_at TEXT,
      fired_at TEXT NOT NULL,
      PRIMARY KEY (clock_key, kind, seq, due_at)
    );
    CREATE TABLE alarm_acks (
      id INTEGER PRIMARY KEY,
      clock_key TEXT NOT NULL,
      acked_at TEXT NOT NULL,
      officer TEXT NOT NULL
    );
    CREATE INDEX alarm_acks_clock ON alarm_acks (clock_key);
  `,
};
