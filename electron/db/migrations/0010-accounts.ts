import type { Migration } from './types';

/**
 * Officer accounts, the seats they are logged in at, and the audit record of authentication
 * (issue 18; GB/T 22239-2019 8.1.4.1 身份鉴别, 8.1.4.3 安全审计).
 *
 * - accounts: name (unique, case-insensitive), role, phone, the scrypt hash with its own salt
 *   (`scrypt$N$r$p$salt$hash`, never the password), the failures in a row and the lock they caused.
 *   Accounts are never deleted (records refer to them): they are deactivated.
 * - auth_events: append-only (a trigger refuses UPDATE and DELETE): every log-in, failure, lock,
 *   refusal and export, with the account when one matched and the typed name otherwise.
 * - seat_sessions: who is logged in at each seat (an Electron window, a browser tab of the web
 *   host), keyed by a hash of the seat's id, so a restart of the services keeps an open page
 *   logged in and locked as it was.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'accounts',
  sql: `
    CREATE TABLE accounts (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      role TEXT NOT NULL CHECK (role IN ('带班领导', '值班员', '管理员', '显示')),
      phone TEXT NOT NULL DEFAULT '',
      password_hash TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      failed_count INTEGER NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
      locked_until TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE auth_events (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      kind TEXT NOT NULL,
      account_id INTEGER REFERENCES accounts (id),
      name TEXT NOT NULL DEFAULT '',
      detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX auth_events_at ON auth_events (at);
    CREATE TRIGGER auth_events_append_only_update BEFORE UPDATE ON auth_events
      BEGIN SELECT RAISE(ABORT, 'auth_events is append-only'); END;
    CREATE TRIGGER auth_events_append_only_delete BEFORE DELETE ON auth_events
      BEGIN SELECT RAISE(ABORT, 'auth_events is append-only'); END;

    CREATE TABLE seat_sessions (
      seat TEXT PRIMARY KEY,
      officer_id INTEGER REFERENCES accounts (id),
      leader_id INTEGER REFERENCES accounts (id),
      locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
      updated_at TEXT NOT NULL
    );
  `,
};
