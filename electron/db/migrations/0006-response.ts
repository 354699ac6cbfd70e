import type { Migration } from './types';

/**
 * Response actions, termination and post-response tasks per incident, and the warning board.
 * Rule texts (items, conditions, tasks, warning actions) stay in shared/response and
 * shared/warnings keyed by stable ids; these tables hold only what officers recorded.
 *
 * - responses: one response per incident (plan, current level, start and end with who decided).
 * - response_levels: every start and level change with who decided it.
 * - response_items: the incident's checklist: item id, state (open/done/notApplicable/notRequired),
 *   time, by whom, note or reason, and the level that added it.
 * - response_conditions: termination conditions confirmed with time and by whom.
 * - response_tasks: post-response tasks given a deadline by a leader, or done.
 * - warnings, warning_changes, warning_actions, warning_incidents: the warning board, its level
 *   changes, ticked warning actions, and the incidents a warning concerns.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'response',
  sql: `
    CREATE TABLE responses (
      incident_id INTEGER PRIMARY KEY REFERENCES incidents (id),
      plan TEXT NOT NULL CHECK (plan IN ('comms', 'radiation', 'environment')),
      level TEXT NOT NULL CHECK (level IN ('一级', '二级', '三级', '四级')),
      started_at TEXT NOT NULL,
      started_by TEXT NOT NULL,
      officer TEXT NOT NULL,
      ended_at TEXT,
      ended_by TEXT,
      ended_officer TEXT,
      CHECK ((ended_at IS NULL) = (ended_by IS NULL))
    );

    CREATE TABLE response_levels (
      id INTEGER PRIMARY KEY,
      incident_id INTEGER NOT NULL REFERENCES responses (incident_id),
      at TEXT NOT NULL,
      from_level TEXT,
      to_level TEXT NOT NULL,
      decided_by TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      officer TEXT NOT NULL
    );
    CREATE INDEX response_levels_incident ON response_levels (incident_id);

    CREATE TABLE response_items (
      incident_id INTEGER NOT NULL REFERENCES responses (incident_id),
      item_id TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('open', 'done', 'notApplicable', 'notRequired')),
      at TEXT,
      by_whom TEXT,
      note TEXT NOT NULL DEFAULT '',
      reason TEXT NOT NULL DEFAULT '',
      officer TEXT,
      added_at TEXT NOT NULL,
      added_level TEXT NOT NULL,
      PRIMARY KEY (incident_id, item_id),
      CHECK (state NOT IN ('done', 'notApplicable') OR (at IS NOT NULL AND by_whom IS NOT NULL)),
      CHECK (state <> 'notApplicable' OR reason <> '')
    );

    CREATE TABLE response_conditions (
      incident_id INTEGER NOT NULL REFERENCES responses (incident_id),
      condition_id TEXT NOT NULL,
      confirmed_at TEXT NOT NULL,
      confirmed_by TEXT NOT NULL,
      officer TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      PRIMARY KEY (incident_id, condition_id)
    );

    CREATE TABLE response_tasks (
      incident_id INTEGER NOT NULL REFERENCES responses (incident_id),
      task_id TEXT NOT NULL,
      due_at TEXT,
      given_by TEXT,
      done_at TEXT,
      done_by TEXT,
      done_note TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (incident_id, task_id)
    );

    CREATE TABLE warnings (
      id INTEGER PRIMARY KEY,
      plan TEXT NOT NULL CHECK (plan IN ('comms', 'radiation', 'environment')),
      level TEXT NOT NULL CHECK (level IN ('一级', '二级', '三级', '四级')),
      direction TEXT NOT NULL CHECK (direction IN ('received', 'issued')),
      issuer_kind TEXT NOT NULL CHECK (issuer_kind IN ('province', 'city', 'county', 'other')),
      issuer TEXT NOT NULL,
      area TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      document TEXT NOT NULL DEFAULT '',
      content TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      officer TEXT NOT NULL,
      lifted_at TEXT,
      lifted_by TEXT,
      lifted_by_kind TEXT,
      lift_document TEXT,
      lift_officer TEXT,
      CHECK ((lifted_at IS NULL) = (lift_document IS NULL))
    );

    CREATE TABLE warning_changes (
      id INTEGER PRIMARY KEY,
      warning_id INTEGER NOT NULL REFERENCES warnings (id),
      at TEXT NOT NULL,
      from_level TEXT NOT NULL,
      to_level TEXT NOT NULL,
      changed_by TEXT NOT NULL,
      document TEXT NOT NULL,
      officer TEXT NOT NULL
    );
    CREATE INDEX warning_changes_warning ON warning_changes (warning_id);

    CREATE TABLE warning_actions (
      warning_id INTEGER NOT NULL REFERENCES warnings (id),
      item_id TEXT NOT NULL,
      at TEXT NOT NULL,
      done_by TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (warning_id, item_id)
    );

    CREATE TABLE warning_incidents (
      warning_id INTEGER NOT NULL REFERENCES warnings (id),
      incident_id INTEGER NOT NULL REFERENCES incidents (id),
      at TEXT NOT NULL,
      officer TEXT NOT NULL,
      PRIMARY KEY (warning_id, incident_id)
    );
  `,
};
