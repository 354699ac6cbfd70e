import type { Migration } from './types';

/**
 * Reporting obligations and the level history (issue 12; 43号 5.1.1(6), applied to 42号).
 *
 * - level_changes: every change of the level in force — from, to, when it became known
 *   (effective_at, never before 接报 nor after it was recorded), who decided it and why.
 * - obligations: what was owed, stored when it arises and never deleted; keyed by
 *   `${clockId}@${level served}#${period}`. Its closure (met / not_applicable / level_change) is
 *   written once: a closed obligation cannot be changed (trigger).
 * - incident_reporting: per-incident reporting settings — 发生时间 不详（以发现时间计）, the
 *   leader's 续报 interval, and when handling ended (42号 4.1.2 终结报告).
 */
export const migration0009: Migration = {
  version: 9,
  name: 'obligations',
  sql: `
    CREATE TABLE level_changes (
      id INTEGER PRIMARY KEY,
      incident_id INTEGER NOT NULL REFERENCES incidents (id),
      from_level TEXT CHECK (from_level IN ('特别重大', '重大', '较大', '一般')),
      to_level TEXT CHECK (to_level IN ('特别重大', '重大', '较大', '一般')),
      effective_at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      by_whom TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      officer TEXT NOT NULL,
      CHECK (from_level IS NOT to_level)
    );
    CREATE INDEX level_changes_incident ON level_changes (incident_id, id);

    CREATE TABLE obligations (
      incident_id INTEGER NOT NULL REFERENCES incidents (id),
      obligation_key TEXT NOT NULL,
      clock_id TEXT NOT NULL,
      level TEXT CHECK (level IN ('特别重大', '重大', '较大', '一般')),
      title TEXT NOT NULL,
      to_unit TEXT NOT NULL,
      owner_kind TEXT NOT NULL CHECK (owner_kind IN ('room', 'monitored')),
      owner_unit TEXT NOT NULL,
      window_text TEXT NOT NULL,
      minutes INTEGER NOT NULL CHECK (minutes > 0),
      starts_at TEXT NOT NULL,
      due_at TEXT NOT NULL,
      clause TEXT NOT NULL,
      closure_kind TEXT CHECK (closure_kind IN ('met', 'not_applicable', 'level_change')),
      closure_at TEXT,
      closure_reason TEXT,
      late_ms INTEGER CHECK (late_ms >= 0),
      stored_at TEXT NOT NULL,
      PRIMARY KEY (incident_id, obligation_key),
      CHECK (due_at > starts_at),
      CHECK ((closure_kind IS NULL) = (closure_at IS NULL)),
      CHECK ((closure_kind IS NULL) = (late_ms IS NULL))
    );

    CREATE TRIGGER obligations_closure_final BEFORE UPDATE ON obligations
      WHEN OLD.closure_kind IS NOT NULL
      BEGIN SELECT RAISE(ABORT, '已关闭的报告义务不能修改'); END;

    CREATE TABLE incident_reporting (
      incident_id INTEGER PRIMARY KEY REFERENCES incidents (id),
      occurred_unknown INTEGER NOT NULL DEFAULT 0 CHECK (occurred_unknown IN (0, 1)),
      follow_up_minutes INTEGER CHECK (follow_up_minutes BETWEEN 1 AND 10080),
      follow_up_set_at TEXT,
      follow_up_set_by TEXT,
      handling_ended_at TEXT,
      CHECK ((follow_up_minutes IS NULL) = (follow_up_set_at IS NULL))
    );
  `,
};
