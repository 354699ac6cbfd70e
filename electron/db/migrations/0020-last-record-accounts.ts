import { pgSchema } from './postgres-baseline';
import type { Migration } from './types';

/**
 * The records 0018 left with names only get their account too (issue 18: "every record carries
 * the account, not a typed string"; GB/T 22239-2019 8.1.4.3 安全审计 b): a ticked or not-applicable
 * response checklist item, a post-response task's completion and the deadline recorded for it, a
 * ticked warning action, and the later edit of a duty-log remark. Filled by the main process from
 * the seat's session (db/account-context.ts), never from a page; older rows keep NULL.
 *
 * A post-response task's deadline named only who gave it (`given_by`, as told: the leader's
 * 批示, not necessarily an account); who recorded it was not kept at all, so its name comes too.
 *
 * Also the other rows that name an officer of the console as a name only: a holiday notice's
 * change (录入/修改/删除), a handover sheet's outgoing leader and officer and whoever withdrew it,
 * the leader who set an incident's 续报 interval, and who issued the wall display's key. (A month's
 * schedule, a roster contact and a holiday notice itself are told by their change rows, which
 * carry the account.)
 *
 * None of these tables is in the record chain; each of these acts also writes a timeline entry,
 * which is chained with its account id since 0018. So no chain list changes and every sealed
 * entry verifies as before.
 */
const COLUMNS: readonly [table: string, column: string, type: string][] = [
  ['response_items', 'officer_id', 'INTEGER REFERENCES accounts (id)'],
  ['response_tasks', 'done_by_id', 'INTEGER REFERENCES accounts (id)'],
  ['response_tasks', 'deadline_officer', 'TEXT'],
  ['response_tasks', 'deadline_officer_id', 'INTEGER REFERENCES accounts (id)'],
  ['warning_actions', 'done_by_id', 'INTEGER REFERENCES accounts (id)'],
  ['duty_log_remarks', 'edited_by_id', 'INTEGER REFERENCES accounts (id)'],
  ['holiday_notice_changes', 'officer_id', 'INTEGER REFERENCES accounts (id)'],
  ['handovers', 'from_leader_id', 'INTEGER REFERENCES accounts (id)'],
  ['handovers', 'from_officer_id', 'INTEGER REFERENCES accounts (id)'],
  ['handovers', 'cancelled_by_id', 'INTEGER REFERENCES accounts (id)'],
  ['incident_reporting', 'follow_up_set_by_id', 'INTEGER REFERENCES accounts (id)'],
  ['wall_keys', 'created_by_id', 'INTEGER REFERENCES accounts (id)'],
];

const addColumns = COLUMNS.map(([t, c, type]) => `ALTER TABLE ${t} ADD COLUMN ${c} ${type};`).join('\n');

export const migration0020: Migration = {
  version: 20,
  name: 'last-record-accounts',
  sql: addColumns,
  postgres: pgSchema(addColumns),
};
