import type { Migration } from './types';

/**
 * The tamper-evident record (issue 18; GB/T 22239-2019 8.1.4.3 安全审计 c 审计记录应受到保护,
 * 8.1.4.7 数据完整性): voiding becomes an appended entry, and the chain that covers every recorded row.
 *
 * - timeline_entries: a 'void' entry names the entry it voids and why in its data (`entryId`,
 *   `reason`; an index makes it at most one void per entry and the readers' join a seek); the
 *   columns that voiding used to UPDATE in place (voided_at, voided_by, void_reason) are gone. Rows
 *   voided before this step keep their story: their void entry gets the reason in its data, and a
 *   voided row that had no void entry gets one, at the time and by the officer it was voided.
 * - print_records.chain_code: the chain's short code printed on the form's footer.
 * - chain: one entry per covered row (timeline entries, clock records, report versions, print
 *   records, alarm acknowledgements), appended in the same transaction as the row; each entry's
 *   HMAC covers the previous entry's and its own content. The first entry (genesis) holds a digest
 *   over the rows that existed before the chain began. The key is never in the database. The
 *   entries are append-only (a trigger refuses UPDATE and DELETE; the MAC catches what a trigger
 *   cannot, such as an edit with the trigger dropped).
 */
export const migration0012: Migration = {
  version: 12,
  name: 'chain',
  sql: `
    INSERT INTO timeline_entries (incident_id, at, kind, text, data, officer)
      SELECT o.incident_id, o.voided_at, 'void',
             '作废记录「' || substr(o.text, 1, 40) || '」，原因：' || COALESCE(o.void_reason, ''),
             json_object('entryId', o.id, 'reason', COALESCE(o.void_reason, '')),
             COALESCE(o.voided_by, '')
      FROM timeline_entries o
      WHERE o.voided_at IS NOT NULL
        AND NOT EXISTS (
          SELECT 1 FROM timeline_entries v
          WHERE v.kind = 'void' AND json_extract(v.data, '$.entryId') = o.id
        );

    UPDATE timeline_entries
      SET data = json_set(data, '$.reason', COALESCE(
            (SELECT o.void_reason FROM timeline_entries o WHERE o.id = json_extract(timeline_entries.data, '$.entryId')),
            ''))
      WHERE kind = 'void' AND json_extract(data, '$.entryId') IS NOT NULL AND json_extract(data, '$.reason') IS NULL;

    ALTER TABLE timeline_entries DROP COLUMN voided_at;
    ALTER TABLE timeline_entries DROP COLUMN voided_by;
    ALTER TABLE timeline_entries DROP COLUMN void_reason;
    CREATE UNIQUE INDEX timeline_entries_voids ON timeline_entries (json_extract(data, '$.entryId')) WHERE kind = 'void';

    ALTER TABLE print_records ADD COLUMN chain_code TEXT;

    CREATE TABLE chain (
      seq INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('genesis', 'row', 'outside')),
      tbl TEXT NOT NULL,
      row_id INTEGER NOT NULL,
      ref TEXT NOT NULL DEFAULT '{}',
      at TEXT NOT NULL,
      schema_version INTEGER NOT NULL,
      detail TEXT NOT NULL DEFAULT '',
      mac TEXT NOT NULL
    );
    CREATE UNIQUE INDEX chain_row ON chain (tbl, row_id);
    CREATE TRIGGER chain_append_only_update BEFORE UPDATE ON chain
      BEGIN SELECT RAISE(ABORT, 'chain is append-only'); END;
    CREATE TRIGGER chain_append_only_delete BEFORE DELETE ON chain
      BEGIN SELECT RAISE(ABORT, 'chain is append-only'); END;
  `,
};
