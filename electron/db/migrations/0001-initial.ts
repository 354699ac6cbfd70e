import type { Migration } from './types';

/** Incidents, their timeline (never deleted, only voided), clock records and the duty roster of the station. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE incidents (
      id INTEGER PRIMARY KEY,
      serial TEXT NOT NULL UNIQUE,
      category TEXT NOT NULL,
      title TEXT NOT NULL,
      places TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      discovered_at TEXT,
      received_at TEXT NOT NULL,
      reporter_unit TEXT NOT NULL DEFAULT '',
      reporter_name TEXT NOT NULL DEFAULT '',
      reporter_phone TEXT NOT NULL DEFAULT '',
      receive_channel TEXT NOT NULL,
      narrative TEXT NOT NULL DEFAULT '',
      facts TEXT NOT NULL DEFAULT '{}',
      level_override TEXT,
      response_override TEXT,
      status TEXT NOT NULL,
      drill INTEGER NOT NULL DEFAULT 0 CHECK (drill IN (0, 1)),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX incidents_status ON incidents (status);
    CREATE INDEX incidents_received_at ON incidents (received_at);

    CREATE TABLE timeline_entries (
      id INTEGER PRIMARY KEY,
      incident_id INTEGER NOT NULL REFERENCES incidents (id),
      at TEXT NOT NULL,
      kind TEXT NOT NULL,
      text TEXT NOT NULL,
      data TEXT,
      officer TEXT NOT NULL,
      voided_at TEXT,
      voided_by TEXT,
      void_reason TEXT
    );
    CREATE INDEX timeline_entries_incident ON timeline_entries (incident_id, at);

    CREATE TABLE clock_records (
      incident_id INTEGER NOT NULL REFERENCES incidents (id),
      clock_id TEXT NOT NULL,
      completed_at TEXT,
      channel TEXT,
      recipient_unit TEXT,
      recipient_name TEXT,
      not_applicable_reason TEXT,
      officer TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      PRIMARY KEY (incident_id, clock_id),
      CHECK ((completed_at IS NULL) <> (not_applicable_reason IS NULL))
    );

    CREATE TABLE duty_sessions (
      id INTEGER PRIMARY KEY,
      leader TEXT NOT NULL,
      officer TEXT NOT NULL,
      started_at TEXT NOT NULL
    );
  `,
};
