/** SQL for the duty schedule, log remarks and handovers; snake_case rows become camelCase types here. */
import type { DayKindName, ScheduleOverride, ShiftAssignment, ShiftConfig } from '../../shared/schedule/index';
import type {
  DutyRemark,
  Handover,
  HandoverSheet,
  ScheduleChange,
  ScheduleMonth,
} from '../../shared/ipc/channels/duty';
import type { Queryable } from './connection';
import { accountIdFor } from './account-context';
import { NOT_VOIDED } from './incident-repository';

interface ShiftRow {
  date: string;
  shift: number;
  month: string;
  start_at: string;
  end_at: string;
  leader: string;
  officer: string;
  day_kind: string;
  holiday_name: string | null;
  overrides: string;
}

const toShift = (r: ShiftRow): ShiftAssignment => ({
  date: r.date,
  shift: r.shift,
  start: r.start_at,
  end: r.end_at,
  leader: r.leader,
  officer: r.officer,
  // written by this repository from DayKindName values only
  dayKind: r.day_kind as DayKindName,
  ...(r.holiday_name ? { holidayName: r.holiday_name } : {}),
  // this JSON column holds only what this repository wrote from the same type
  overrides: JSON.parse(r.overrides) as ScheduleOverride[],
});

export interface MonthPlanRow {
  month: string;
  leaders: string[];
  officers: string[];
  holidayLeaders: string[] | null;
  config: ShiftConfig;
  generatedAt: string;
  generatedBy: string;
}

export async function findMonthPlan(q: Queryable, month: string): Promise<MonthPlanRow | undefined> {
  const r = await q.get<{
    month: string;
    leaders: string;
    officers: string;
    holiday_leaders: string | null;
    shift_start: string;
    shift_hours: number;
    generated_at: string;
    generated_by: string;
  }>('SELECT * FROM duty_schedule_months WHERE month = ?', [month]);
  if (!r) return undefined;
  return {
    month: r.month,
    // these JSON columns hold only what this repository wrote from string lists
    leaders: JSON.parse(r.leaders) as string[],
    // Likewise.
    officers: JSON.parse(r.officers) as string[],
    // A string list too, or NULL where no holiday leaders were set.
    holidayLeaders: r.holiday_leaders ? (JSON.parse(r.holiday_leaders) as string[]) : null,
    config: { startTime: r.shift_start, hours: r.shift_hours },
    generatedAt: r.generated_at,
    generatedBy: r.generated_by,
  };
}

/** Stores a month's plan and shifts, replacing whatever the month held. */
export async function replaceMonth(
  q: Queryable,
  plan: MonthPlanRow,
  shifts: readonly ShiftAssignment[],
): Promise<void> {
  await q.run('DELETE FROM duty_shifts WHERE month = ?', [plan.month]);
  await q.run(
    `INSERT INTO duty_schedule_months (month, leaders, officers, holiday_leaders, shift_start, shift_hours, generated_at, generated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (month) DO UPDATE SET leaders = excluded.leaders, officers = excluded.officers,
       holiday_leaders = excluded.holiday_leaders, shift_start = excluded.shift_start, shift_hours = excluded.shift_hours,
       generated_at = excluded.generated_at, generated_by = excluded.generated_by`,
    [
      plan.month,
      JSON.stringify(plan.leaders),
      JSON.stringify(plan.officers),
      plan.holidayLeaders ? JSON.stringify(plan.holidayLeaders) : null,
      plan.config.startTime,
      plan.config.hours,
      plan.generatedAt,
      plan.generatedBy,
    ],
  );
  for (const s of shifts) {
    await q.run(
      `INSERT INTO duty_shifts (date, shift, month, start_at, end_at, leader, officer, day_kind, holiday_name, overrides)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        s.date,
        s.shift,
        plan.month,
        s.start,
        s.end,
        s.leader,
        s.officer,
        s.dayKind,
        s.holidayName ?? null,
        JSON.stringify(s.overrides),
      ],
    );
  }
}

/** Writes back the holders and change list of shifts that already exist. */
export async function updateShifts(q: Queryable, shifts: readonly ShiftAssignment[]): Promise<void> {
  for (const s of shifts) {
    const res = await q.run(
      'UPDATE duty_shifts SET leader = ?, officer = ?, overrides = ? WHERE date = ? AND shift = ?',
      [s.leader, s.officer, JSON.stringify(s.overrides), s.date, s.shift],
    );
    if (res.changes !== 1) throw new Error(`值班表中没有 ${s.date} 第 ${s.shift + 1} 班`);
  }
}

export async function listShifts(q: Queryable, months: readonly string[]): Promise<ShiftAssignment[]> {
  if (months.length === 0) return [];
  const rows = await q.all<ShiftRow>(
    `SELECT * FROM duty_shifts WHERE month IN (${months.map(() => '?').join(', ')}) ORDER BY start_at, date, shift`,
    [...months],
  );
  return rows.map(toShift);
}

/** Shifts that overlap [from, to): start_at is stored as +08:00 ISO, so string order is time order. */
export async function shiftsBetween(q: Queryable, from: string, to: string): Promise<ShiftAssignment[]> {
  const rows = await q.all<ShiftRow>('SELECT * FROM duty_shifts WHERE start_at < ? AND end_at > ? ORDER BY start_at', [
    to,
    from,
  ]);
  return rows.map(toShift);
}

export async function shiftsFrom(q: Queryable, from: string, limit: number): Promise<ShiftAssignment[]> {
  const rows = await q.all<ShiftRow>('SELECT * FROM duty_shifts WHERE end_at > ? ORDER BY start_at LIMIT ?', [
    from,
    limit,
  ]);
  return rows.map(toShift);
}

export async function insertScheduleChange(
  q: Queryable,
  c: { month: string; kind: ScheduleChange['kind']; text: string; reason: string; at: string; officer: string },
): Promise<void> {
  await q.run(
    'INSERT INTO duty_schedule_changes (month, kind, detail, reason, at, officer, officer_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [c.month, c.kind, c.text, c.reason, c.at, c.officer, accountIdFor(c.officer)],
  );
}

export async function listScheduleChanges(q: Queryable, month: string): Promise<ScheduleMonth['changes']> {
  const rows = await q.all<{
    id: number;
    kind: ScheduleChange['kind'];
    detail: string;
    reason: string;
    at: string;
    officer: string;
  }>('SELECT * FROM duty_schedule_changes WHERE month = ? ORDER BY id', [month]);
  return rows.map((r) => ({ id: r.id, kind: r.kind, text: r.detail, reason: r.reason, at: r.at, officer: r.officer }));
}

interface RemarkRow {
  id: number;
  day: string;
  at: string;
  text: string;
  officer: string;
  leader: string;
  created_at: string;
  edited_at: string | null;
  edited_by: string | null;
  previous: string;
}

const toRemark = (r: RemarkRow): DutyRemark => ({
  id: r.id,
  day: r.day,
  at: r.at,
  text: r.text,
  officer: r.officer,
  leader: r.leader,
  createdAt: r.created_at,
  editedAt: r.edited_at,
  editedBy: r.edited_by,
  // this JSON column holds only what this repository wrote from the same type
  previous: JSON.parse(r.previous) as DutyRemark['previous'],
});

export async function insertRemark(
  q: Queryable,
  r: { day: string; at: string; text: string; officer: string; leader: string; createdAt: string },
): Promise<number> {
  const res = await q.run(
    'INSERT INTO duty_log_remarks (day, at, text, officer, leader, created_at, officer_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [r.day, r.at, r.text, r.officer, r.leader, r.createdAt, accountIdFor(r.officer)],
  );
  return res.lastID;
}

export async function findRemark(q: Queryable, id: number): Promise<DutyRemark | undefined> {
  const row = await q.get<RemarkRow>('SELECT * FROM duty_log_remarks WHERE id = ?', [id]);
  return row ? toRemark(row) : undefined;
}

/**
 * Changes a remark's text; the earlier wording is kept in `previous`, with the account of whoever
 * wrote it when known, since the edit's own account (edited_by_id, migration 0020) moves on to the
 * new editor.
 */
export async function editRemark(q: Queryable, id: number, text: string, at: string, by: string): Promise<void> {
  const row = await q.get<RemarkRow & { officer_id: number | null; edited_by_id: number | null }>(
    'SELECT * FROM duty_log_remarks WHERE id = ?',
    [id],
  );
  if (!row) throw new Error(`备注 ${id} 不存在`);
  const old = toRemark(row);
  const writerId = old.editedAt ? row.edited_by_id : row.officer_id;
  const previous = [
    ...old.previous,
    {
      text: old.text,
      at: old.editedAt ?? old.createdAt,
      officer: old.editedBy ?? old.officer,
      ...(writerId !== null ? { officerId: writerId } : {}),
    },
  ];
  await q.run(
    'UPDATE duty_log_remarks SET text = ?, edited_at = ?, edited_by = ?, edited_by_id = ?, previous = ? WHERE id = ?',
    [text, at, by, accountIdFor(by), JSON.stringify(previous), id],
  );
}

export async function listRemarks(q: Queryable, fromDay: string, toDay: string = fromDay): Promise<DutyRemark[]> {
  const rows = await q.all<RemarkRow>(
    'SELECT * FROM duty_log_remarks WHERE day >= ? AND day <= ? ORDER BY day, at, id',
    [fromDay, toDay],
  );
  return rows.map(toRemark);
}

interface HandoverRow {
  id: number;
  created_at: string;
  duty_day: string;
  from_leader: string;
  from_officer: string;
  to_leader: string;
  to_officer: string;
  sheet: string;
  pending_instructions: string;
  equipment: string;
  notes: string;
  status: Handover['status'];
  acknowledged_at: string | null;
  ack_leader: string | null;
  ack_officer: string | null;
  ack_note: string | null;
  cancelled_at: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
}

/** A stored handover without its printable record (the service words that). */
export type StoredHandover = Omit<Handover, 'record'>;

const toHandover = (r: HandoverRow): StoredHandover => ({
  id: r.id,
  createdAt: r.created_at,
  dutyDay: r.duty_day,
  from: { leader: r.from_leader, officer: r.from_officer },
  to: { leader: r.to_leader, officer: r.to_officer },
  // this JSON column holds only what this repository wrote from the same type
  sheet: JSON.parse(r.sheet) as HandoverSheet,
  pendingInstructions: r.pending_instructions,
  equipment: r.equipment,
  notes: r.notes,
  status: r.status,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_at ? { leader: r.ack_leader ?? '', officer: r.ack_officer ?? '' } : null,
  ackNote: r.ack_note,
  cancelledAt: r.cancelled_at,
  cancelledBy: r.cancelled_by,
  cancelReason: r.cancel_reason,
});

export async function insertHandover(
  q: Queryable,
  h: {
    createdAt: string;
    dutyDay: string;
    from: { leader: string; officer: string };
    to: { leader: string; officer: string };
    sheet: HandoverSheet;
    pendingInstructions: string;
    equipment: string;
    notes: string;
  },
): Promise<number> {
  const res = await q.run(
    `INSERT INTO handovers (created_at, duty_day, from_leader, from_officer, to_leader, to_officer, sheet,
       pending_instructions, equipment, notes, status, from_leader_id, from_officer_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
    // The outgoing officers' accounts from the session (issue 18, migration 0020); the incoming
    // ones are names until their own log-in acknowledges the sheet.
    [
      h.createdAt,
      h.dutyDay,
      h.from.leader,
      h.from.officer,
      h.to.leader,
      h.to.officer,
      JSON.stringify(h.sheet),
      h.pendingInstructions,
      h.equipment,
      h.notes,
      accountIdFor(h.from.leader),
      accountIdFor(h.from.officer),
    ],
  );
  return res.lastID;
}

export async function findHandover(q: Queryable, id: number): Promise<StoredHandover | undefined> {
  const row = await q.get<HandoverRow>('SELECT * FROM handovers WHERE id = ?', [id]);
  return row ? toHandover(row) : undefined;
}

export async function pendingHandover(q: Queryable): Promise<StoredHandover | undefined> {
  const row = await q.get<HandoverRow>("SELECT * FROM handovers WHERE status = 'pending' ORDER BY id DESC LIMIT 1");
  return row ? toHandover(row) : undefined;
}

export async function acknowledgeHandover(
  q: Queryable,
  id: number,
  a: { at: string; leader: string; officer: string; note: string },
): Promise<void> {
  const res = await q.run(
    `UPDATE handovers SET status = 'acknowledged', acknowledged_at = ?, ack_leader = ?, ack_officer = ?, ack_note = ?,
       ack_leader_id = ?, ack_officer_id = ? WHERE id = ? AND status = 'pending'`,
    // The acknowledgement is the incoming officers' log-in: their accounts from the session (issue 18).
    [a.at, a.leader, a.officer, a.note, accountIdFor(a.leader), accountIdFor(a.officer), id],
  );
  if (res.changes !== 1) throw new Error(`交接班 ${id} 不在待接班状态`);
}

export async function cancelHandover(q: Queryable, id: number, at: string, by: string, reason: string): Promise<void> {
  const res = await q.run(
    `UPDATE handovers SET status = 'cancelled', cancelled_at = ?, cancelled_by = ?, cancelled_by_id = ?, cancel_reason = ?
     WHERE id = ? AND status = 'pending'`,
    [at, by, accountIdFor(by), reason, id],
  );
  if (res.changes !== 1) throw new Error(`交接班 ${id} 不在待接班状态`);
}

export async function listHandovers(q: Queryable, opts: { day?: string; limit: number }): Promise<StoredHandover[]> {
  const rows = opts.day
    ? await q.all<HandoverRow>('SELECT * FROM handovers WHERE duty_day = ? ORDER BY id DESC LIMIT ?', [
        opts.day,
        opts.limit,
      ])
    : await q.all<HandoverRow>('SELECT * FROM handovers ORDER BY id DESC LIMIT ?', [opts.limit]);
  return rows.map(toHandover);
}

/** Handovers created or acknowledged in a window (for the duty log); the caller filters exactly. */
export async function handoversAround(q: Queryable, fromDay: string, toDay: string): Promise<StoredHandover[]> {
  const rows = await q.all<HandoverRow>('SELECT * FROM handovers WHERE duty_day >= ? AND duty_day <= ? ORDER BY id', [
    fromDay,
    toDay,
  ]);
  return rows.map(toHandover);
}

/** A timeline entry as the duty log reads it. */
export interface TimelineWindowRow {
  id: number;
  incident_id: number;
  at: string;
  kind: string;
  text: string;
  data: string | null;
  officer: string;
}

/** Timeline entries not voided with `at` in [from, to) as stored text; the caller widens and filters. */
export async function timelineBetween(q: Queryable, from: string, to: string): Promise<TimelineWindowRow[]> {
  return q.all<TimelineWindowRow>(
    `SELECT id, incident_id, at, kind, text, data, officer FROM timeline_entries WHERE ${NOT_VOIDED} AND at >= ? AND at < ? ORDER BY at, id`,
    [from, to],
  );
}

/**
 * The incidents a duty log of [from, to) can mention (dates, widened by the caller as for the
 * timeline): received, with an entry or a report completed in the window; and every incident
 * whose clocks may still fall due — not archived, or archived still owing a stored obligation or
 * keeping a 续报 cycle. Each part is read by its index; the log then filters exactly.
 */
export async function dutyLogIncidentIds(q: Queryable, from: string, to: string): Promise<number[]> {
  const rows = await q.all<{ id: number }>(
    `SELECT id FROM incidents WHERE received_at >= ?1 AND received_at < ?2
     UNION SELECT incident_id FROM timeline_entries WHERE at >= ?1 AND at < ?2
     UNION SELECT incident_id FROM clock_records WHERE completed_at >= ?1 AND completed_at < ?2
     UNION SELECT id FROM incidents WHERE status IN ('接报', '核实中', '响应中', '已终止')
     UNION SELECT incident_id FROM obligations WHERE closure_kind IS NULL
     UNION SELECT incident_id FROM incident_reporting WHERE follow_up_minutes IS NOT NULL`,
    [from, to],
  );
  return rows.map((r) => r.id);
}

/** Reports of these incidents not yet sent, for the handover sheet. */
export async function unsentReportsOf(
  q: Queryable,
  incidentIds: readonly number[],
): Promise<{ incident_id: number; kind: string; seq: number; signed_at: string | null }[]> {
  if (incidentIds.length === 0) return [];
  return q.all<{ incident_id: number; kind: string; seq: number; signed_at: string | null }>(
    `SELECT incident_id, kind, seq, signed_at FROM reports WHERE sent_at IS NULL AND incident_id IN (${incidentIds.map(() => '?').join(', ')}) ORDER BY incident_id, id`,
    [...incidentIds],
  );
}

/** The incidents among these that have sent a 终报 (终结报告), for the handover's next steps. */
export async function finalReportSentOf(q: Queryable, incidentIds: readonly number[]): Promise<number[]> {
  if (incidentIds.length === 0) return [];
  const rows = await q.all<{ incident_id: number }>(
    `SELECT DISTINCT incident_id FROM reports WHERE kind = '终报' AND sent_at IS NOT NULL AND incident_id IN (${incidentIds.map(() => '?').join(', ')})`,
    [...incidentIds],
  );
  return rows.map((r) => r.incident_id);
}

/** Leaders' instructions (not voided) on these incidents, oldest first, for the handover sheet. */
export async function instructionsOf(
  q: Queryable,
  incidentIds: readonly number[],
): Promise<{ incident_id: number; at: string; text: string }[]> {
  if (incidentIds.length === 0) return [];
  return q.all<{ incident_id: number; at: string; text: string }>(
    `SELECT incident_id, at, text FROM timeline_entries WHERE kind = 'instruction' AND ${NOT_VOIDED} AND incident_id IN (${incidentIds.map(() => '?').join(', ')}) ORDER BY at, id`,
    [...incidentIds],
  );
}

/** Duty sessions (who registered as on duty, from when); each lasts until the next one starts. */
export async function listDutySessions(
  q: Queryable,
): Promise<{ leader: string; officer: string; startedAt: string }[]> {
  const rows = await q.all<{ leader: string; officer: string; started_at: string }>(
    'SELECT leader, officer, started_at FROM duty_sessions ORDER BY id',
  );
  return rows.map((r) => ({ leader: r.leader, officer: r.officer, startedAt: r.started_at }));
}
