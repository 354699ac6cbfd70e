import type { Migration } from './types';

/**
 * Indexes for a long history (issue 14): the reads of a page, a day or the open clocks touch only
 * their own rows.
 *
 * - timeline_entries_at: the duty log reads one day's entries by time.
 * - clock_records_completed: the duty log finds the reports completed that day.
 * - obligations_open: what an archived incident still owes (obligations without closure) is found
 *   without reading every obligation of the history.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'history-indexes',
  sql: `
    CREATE INDEX timeline_entries_at ON timeline_entries (at);
    CREATE INDEX clock_records_completed ON clock_records (completed_at) WHERE completed_at IS NOT NULL;
    CREATE INDEX obligations_open ON obligations (incident_id) WHERE closure_kind IS NULL;
  `,
};
