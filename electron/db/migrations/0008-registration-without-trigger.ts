import type { Migration } from './types';

/**
 * The 接报 timeline entry is written by the incident repository in the registration's own
 * transaction (registerIncident), so the trigger of migration 0007 goes. Registration now commits
 * explicitly and checks its COMMIT: an autocommit INSERT that fails at commit resolves as if it
 * had succeeded under node-sqlite3.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'registration-without-trigger',
  sql: 'DROP TRIGGER IF EXISTS incidents_registration_entry;',
};
