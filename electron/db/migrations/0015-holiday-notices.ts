import type { Migration } from './types';

/**
 * The State Council's holiday notices entered by hand (issue 16): one row per year, taking
 * precedence over the packaged tables, and a log of every entry, replacement and removal (who,
 * when, why), since a notice changes which shifts count as holidays.
 *
 * periods holds the notice as entered: [{ festival, from, to, workdays: [...] }], checked at the IPC
 * boundary (shared/schedule/holiday-notice.ts).
 */
export const migration0015: Migration = {
  version: 15,
  name: 'holiday-notices',
  sql: `
    CREATE TABLE holiday_notices (
      year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
      title TEXT NOT NULL CHECK (title <> ''),
      doc_no TEXT NOT NULL DEFAULT '',
      periods TEXT NOT NULL CHECK (json_valid(periods) AND json_type(periods) = 'array'),
      entered_at TEXT NOT NULL,
      entered_by TEXT NOT NULL
    );

    CREATE TABLE holiday_notice_changes (
      id INTEGER PRIMARY KEY,
      year INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('录入', '修改', '删除')),
      detail TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL,
      officer TEXT NOT NULL
    );
    CREATE INDEX holiday_notice_changes_year ON holiday_notice_changes (year, id);
  `,
};
