import type { Migration } from './types';

/**
 * Contact rosters. The gazette structure (HQs, offices, posts, units, groups, with their clauses)
 * stays in code (shared/rosters SEED_ROSTERS); the database holds what officers add.
 *
 * - roster_entries: one row per seed entry, keyed (roster_id, entry_kind, entry_id) — the anchor
 *   officers' contacts hang on. Only gazette columns (name, document, clause) live here; the seed
 *   import inserts missing rows and refreshes those columns, and marks entries a newer seed no
 *   longer has as removed (removed_at) instead of deleting them.
 * - roster_contacts: what officers enter — the person holding a post, a unit's liaison officer or
 *   deputy, a duty line — with office/mobile/红机/fax numbers. The seed never writes here. A person
 *   who leaves gets ended_at; rows are never deleted.
 * - roster_contact_history: every add, change, end and import of a contact with before/after
 *   values, the officer and the time.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'rosters',
  sql: `
    CREATE TABLE roster_entries (
      roster_id TEXT NOT NULL,
      entry_kind TEXT NOT NULL CHECK (entry_kind IN ('roster', 'office', 'person', 'unit', 'group')),
      entry_id TEXT NOT NULL,
      name TEXT NOT NULL,
      document TEXT NOT NULL,
      clause TEXT NOT NULL,
      seed_fields TEXT NOT NULL,
      seeded_at TEXT NOT NULL,
      removed_at TEXT,
      PRIMARY KEY (roster_id, entry_kind, entry_id)
    );

    CREATE TABLE roster_contacts (
      id INTEGER PRIMARY KEY,
      roster_id TEXT NOT NULL,
      entry_kind TEXT NOT NULL,
      entry_id TEXT NOT NULL,
      role TEXT NOT NULL,
      name TEXT NOT NULL,
      title TEXT NOT NULL DEFAULT '',
      office_phone TEXT NOT NULL DEFAULT '',
      mobile TEXT NOT NULL DEFAULT '',
      red_phone TEXT NOT NULL DEFAULT '',
      fax TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      valid_from TEXT NOT NULL,
      ended_at TEXT,
      ended_reason TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      FOREIGN KEY (roster_id, entry_kind, entry_id) REFERENCES roster_entries (roster_id, entry_kind, entry_id),
      CHECK ((ended_at IS NULL) = (ended_reason IS NULL))
    );
    CREATE INDEX roster_contacts_entry ON roster_contacts (roster_id, entry_kind, entry_id);

    CREATE TABLE roster_contact_history (
      id INTEGER PRIMARY KEY,
      contact_id INTEGER NOT NULL REFERENCES roster_contacts (id),
      at TEXT NOT NULL,
      officer TEXT NOT NULL,
      action TEXT NOT NULL,
      changes TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX roster_contact_history_contact ON roster_contact_history (contact_id);
  `,
};
