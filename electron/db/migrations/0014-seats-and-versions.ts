import type { Migration } from './types';

/**
 * Several seats in one duty room (issue 17).
 *
 * - Every seat has a name (带班席, 值班席一): seat_names, keyed like seat_sessions by a hash of the
 *   seat's id and kept when its officers log out; written on each timeline entry, print record and
 *   alarm acknowledgement made there. Rows from before stay null: no seat
 *   was recorded then, and none is invented.
 * - incidents.version counts the changes to an incident's own row. An edit states the version it
 *   started from; one based on an older version is refused instead of overwriting another seat's
 *   change.
 * - wall_keys: the read-only key of the wall display's kiosk page (值班大屏), stored as a hash; the
 *   newest unrevoked row is the valid one.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'seats-and-versions',
  sql: `
    CREATE TABLE seat_names (
      seat TEXT PRIMARY KEY,
      seat_name TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    ALTER TABLE timeline_entries ADD COLUMN seat_name TEXT;
    ALTER TABLE print_records ADD COLUMN seat_name TEXT;
    ALTER TABLE alarm_acks ADD COLUMN seat_name TEXT;
    ALTER TABLE incidents ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
    CREATE TABLE wall_keys (
      id INTEGER PRIMARY KEY,
      key_hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      revoked_at TEXT
    );
  `,
};
