import type { Migration } from './types';

/**
 * Duty schedule (值班表) by month with its changes (替班/换班 and their reasons), officers' remarks on
 * the daily log (值班日志), and shift handovers (交接班) with the outgoing sheet kept as it was
 * handed over and the incoming officers' acknowledgement.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'duty',
  sql: `
    CREATE TABLE duty_schedule_months (
      month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      leaders TEXT NOT NULL,
      officers TEXT NOT NULL,
      holiday_leaders TEXT,
      shift_start TEXT NOT NULL,
      shift_hours INTEGER NOT NULL CHECK (shift_hours > 0 AND 24 % shift_hours = 0),
      generated_at TEXT NOT NULL,
      generated_by TEXT NOT NULL
    );

    CREATE TABLE duty_shifts (
      date TEXT NOT NULL,
      shift INTEGER NOT NULL CHECK (shift >= 0),
      month TEXT NOT NULL REFERENCES duty_schedule_months (month),
      start_at TEXT NOT NULL,
      end_at TEXT NOT NULL,
      leader TEXT NOT NULL,
      officer TEXT NOT NULL,
      day_kind TEXT NOT NULL CHECK (day_kind IN ('工作日', '周末', '法定节假日', '调休上班')),
      holiday_name TEXT,
      overrides TEXT NOT NULL DEFAULT '[]',
      PRIMARY KEY (date, shift),
      CHECK (leader <> officer)
    );
    CREATE INDEX duty_shifts_month ON duty_shifts (month);
    CREATE INDEX duty_shifts_start ON duty_shifts (start_at);

    CREATE TABLE duty_schedule_changes (
      id INTEGER PRIMARY KEY,
      month TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('生成', '重新生成', '替班', '换班')),
      detail TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL,
      officer TEXT NOT NULL
    );
    CREATE INDEX duty_schedule_changes_month ON duty_schedule_changes (month, id);

    CREATE TABLE duty_log_remarks (
      id INTEGER PRIMARY KEY,
      day TEXT NOT NULL,
      at TEXT NOT NULL,
      text TEXT NOT NULL CHECK (length(trim(text)) > 0),
      officer TEXT NOT NULL,
      leader TEXT NOT NULL,
      created_at TEXT NOT NULL,
      edited_at TEXT,
      edited_by TEXT,
      previous TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX duty_log_remarks_day ON duty_log_remarks (day, at);

    CREATE TABLE handovers (
      id INTEGER PRIMARY KEY,
      created_at TEXT NOT NULL,
      duty_day TEXT NOT NULL,
      from_leader TEXT NOT NULL,
      from_officer TEXT NOT NULL,
      to_leader TEXT NOT NULL,
      to_officer TEXT NOT NULL,
      sheet TEXT NOT NULL,
      pending_instructions TEXT NOT NULL DEFAULT '',
      equipment TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('pending', 'acknowledged', 'cancelled')),
      acknowledged_at TEXT,
      ack_leader TEXT,
      ack_officer TEXT,
      ack_note TEXT,
      cancelled_at TEXT,
      cancelled_by TEXT,
      cancel_reason TEXT,
      CHECK ((status = 'acknowledged') = (acknowledged_at IS NOT NULL AND ack_officer IS NOT NULL)),
      CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
    );
    CREATE INDEX handovers_day ON handovers (duty_day, id);
    -- At most one handover waits for acknowledgement at a time.
    CREATE UNIQUE INDEX handovers_one_pending ON handovers (status) WHERE status = 'pending';
  `,
};
