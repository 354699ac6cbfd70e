import { pgSchema } from './postgres-baseline';
import type { Migration } from './types';

/**
 * The leader whose password granted a leader-only act, on that act's own record (issue 18: "every
 * leader-only act asks for the leader's password at that moment … every record carries the
 * account"; GB/T 22239-2019 8.1.4.3 安全审计 b). A signed report names its signer's account
 * (reports.signed_by_id, 0018) and a 续报 interval its setter's (0020); a response and a city
 * warning named only the officer recording them and the decider as told (指挥长, 市人民政府),
 * which is rarely an account of the console. The granting leader was in the audit alone.
 *
 * Each column is the account of the 带班领导 (or administrator) whose password the gate verified
 * for that one call, stamped by the main process from the seat's grant (db/account-context.ts),
 * never from a page: a response's start and end, every level set (the start's level included),
 * every termination condition confirmed, a warning's registration, its lift and each level change.
 * Rows written before this migration, and in-process calls, keep NULL: not known, never guessed.
 *
 * None of these tables is in the record chain; each act's timeline entry, which is, names the
 * granting leader in its text from now on.
 */
const COLUMNS: readonly [table: string, column: string][] = [
  ['responses', 'started_leader_id'],
  ['responses', 'ended_leader_id'],
  ['response_levels', 'leader_id'],
  ['response_conditions', 'leader_id'],
  ['warnings', 'leader_id'],
  ['warnings', 'lift_leader_id'],
  ['warning_changes', 'leader_id'],
];

const addColumns = COLUMNS.map(([t, c]) => `ALTER TABLE ${t} ADD COLUMN ${c} INTEGER REFERENCES accounts (id);`).join(
  '\n',
);

export const migration0022: Migration = {
  version: 22,
  name: 'granting-leader',
  sql: addColumns,
  postgres: pgSchema(addColumns),
};
