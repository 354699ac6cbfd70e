import type { Migration } from './types';

/**
 * The report chain (初报, 续报N, 终报, 更正): every saved version is kept; a sent report is never
 * edited, only followed by a correction. Print records say who printed which version, when.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'reports',
  sql: `
    CREATE TABLE reports (
      id INTEGER PRIMARY KEY,
      incident_id INTEGER NOT NULL REFERENCES incidents (id),
      kind TEXT NOT NULL CHECK (kind IN ('初报', '续报', '终报', '更正')),
      seq INTEGER NOT NULL,
      form_kind TEXT NOT NULL,
      corrects_id INTEGER REFERENCES reports (id),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      signed_by TEXT,
      signed_at TEXT,
      sent_at TEXT,
      sent_to TEXT,
      sent_channel TEXT,
      confirmed_by TEXT,
      sent_version INTEGER,
      sent_officer TEXT,
      satisfied_clocks TEXT,
      UNIQUE (incident_id, kind, seq)
    );
    CREATE TABLE report_versions (
      report_id INTEGER NOT NULL REFERENCES reports (id),
      version INTEGER NOT NULL,
      content TEXT NOT NULL,
      saved_at TEXT NOT NULL,
      saved_by TEXT NOT NULL,
      PRIMARY KEY (report_id, version)
    );
    CREATE TABLE print_records (
      id INTEGER PRIMARY KEY,
      incident_id INTEGER REFERENCES incidents (id),
      report_id INTEGER REFERENCES reports (id),
      report_version INTEGER,
      form_kind TEXT NOT NULL,
      title TEXT NOT NULL,
      target TEXT NOT NULL CHECK (target IN ('printer', 'pdf')),
      path TEXT,
      printed_at TEXT NOT NULL,
      officer TEXT NOT NULL
    );
  `,
};
