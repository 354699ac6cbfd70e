/** SQL for responses (levels, checklist, termination, post-response tasks) and warnings; rows become camelCase here. */
import type { ChecklistPlanId } from '../../shared/plans';
import type { ItemState, ResponseLevel } from '../../shared/response';
import type { IssuerKind, WarningLevel } from '../../shared/warnings';
import type { Queryable } from './connection';
import { accountIdFor, grantingLeader } from './account-context';

export interface ResponseRow {
  incidentId: number;
  plan: ChecklistPlanId;
  level: ResponseLevel;
  startedAt: string;
  startedBy: string;
  officer: string;
  endedAt: string | null;
  endedBy: string | null;
  endedOfficer: string | null;
  /** The leaders whose passwords granted the start and the end (migration 0022), by their account's name; null: not known. */
  startedLeader: string | null;
  endedLeader: string | null;
}

export interface LevelRow {
  at: string;
  from: ResponseLevel | null;
  to: ResponseLevel;
  decidedBy: string;
  note: string;
  officer: string;
}

/** A level as read back: with the granting leader's name from the account (migration 0022), null when not known. */
export interface LevelView extends LevelRow {
  leader: string | null;
}

export interface ItemRow {
  itemId: string;
  state: ItemState;
  at: string | null;
  by: string | null;
  note: string;
  reason: string;
  officer: string | null;
  addedAt: string;
  addedLevel: ResponseLevel;
}

export interface ConditionRow {
  conditionId: string;
  at: string;
  by: string;
  officer: string;
  recordedAt: string;
}

/** A confirmed condition as read back, with the granting leader's name (migration 0022), null when not known. */
export interface ConditionView extends ConditionRow {
  leader: string | null;
}

/*
 * The granting leader is stored as the account id the gate verified (grantingLeader(), never a
 * page's value) and read back by joining accounts, so the name shown is the account's.
 */

export interface TaskRow {
  taskId: string;
  dueAt: string | null;
  givenBy: string | null;
  doneAt: string | null;
  doneBy: string | null;
  doneNote: string;
}

/*
 * Row types below are the columns as migration 0006 declares them: NOT NULL columns are non-null,
 * and a column holding one of our unions has that union, because the schema CHECKs it (plan, level,
 * state, direction, issuer_kind) or only this file writes it, from a typed value (the other level
 * and issuer-kind columns). So rows need no casts.
 */

export async function findResponse(q: Queryable, incidentId: number): Promise<ResponseRow | undefined> {
  const r = await q.get<{
    incident_id: number;
    plan: ChecklistPlanId;
    level: ResponseLevel;
    started_at: string;
    started_by: string;
    officer: string;
    ended_at: string | null;
    ended_by: string | null;
    ended_officer: string | null;
    started_leader: string | null;
    ended_leader: string | null;
  }>(
    `SELECT r.*, sl.name AS started_leader, el.name AS ended_leader FROM responses r
       LEFT JOIN accounts sl ON sl.id = r.started_leader_id LEFT JOIN accounts el ON el.id = r.ended_leader_id
     WHERE r.incident_id = ?`,
    [incidentId],
  );
  if (!r) return undefined;
  return {
    incidentId: r.incident_id,
    plan: r.plan,
    level: r.level,
    startedAt: r.started_at,
    startedBy: r.started_by,
    officer: r.officer,
    endedAt: r.ended_at,
    endedBy: r.ended_by,
    endedOfficer: r.ended_officer,
    startedLeader: r.started_leader,
    endedLeader: r.ended_leader,
  };
}

/** Whether a response on the incident was started and not yet ended. */
export async function hasRunningResponse(q: Queryable, incidentId: number): Promise<boolean> {
  return (
    (await q.get('SELECT 1 AS x FROM responses WHERE incident_id = ? AND ended_at IS NULL', [incidentId])) !== undefined
  );
}

export async function insertResponse(
  q: Queryable,
  r: Omit<ResponseRow, 'endedAt' | 'endedBy' | 'endedOfficer' | 'startedLeader' | 'endedLeader'>,
): Promise<void> {
  await q.run(
    `INSERT INTO responses (incident_id, plan, level, started_at, started_by, officer, officer_id, started_leader_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    // Each officer's account from the call's session (issue 18, migration 0018), and the leader whose
    // password granted the start (0022); the deciding person (started_by, decided_by, …) is recorded as told.
    [
      r.incidentId,
      r.plan,
      r.level,
      r.startedAt,
      r.startedBy,
      r.officer,
      accountIdFor(r.officer),
      grantingLeader()?.id ?? null,
    ],
  );
}

export async function setResponseLevel(q: Queryable, incidentId: number, level: ResponseLevel): Promise<void> {
  await q.run('UPDATE responses SET level = ? WHERE incident_id = ?', [level, incidentId]);
}

export async function endResponse(
  q: Queryable,
  incidentId: number,
  at: string,
  by: string,
  officer: string,
): Promise<void> {
  await q.run(
    `UPDATE responses SET ended_at = ?, ended_by = ?, ended_officer = ?, ended_officer_id = ?, ended_leader_id = ?
     WHERE incident_id = ? AND ended_at IS NULL`,
    [at, by, officer, accountIdFor(officer), grantingLeader()?.id ?? null, incidentId],
  );
}

export async function insertLevel(q: Queryable, incidentId: number, l: LevelRow): Promise<void> {
  await q.run(
    `INSERT INTO response_levels (incident_id, at, from_level, to_level, decided_by, note, officer, officer_id, leader_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      incidentId,
      l.at,
      l.from,
      l.to,
      l.decidedBy,
      l.note,
      l.officer,
      accountIdFor(l.officer),
      grantingLeader()?.id ?? null,
    ],
  );
}

export async function listLevels(q: Queryable, incidentId: number): Promise<LevelView[]> {
  const rows = await q.all<{
    at: string;
    from_level: ResponseLevel | null;
    to_level: ResponseLevel;
    decided_by: string;
    note: string;
    officer: string;
    leader: string | null;
  }>(
    `SELECT l.*, a.name AS leader FROM response_levels l LEFT JOIN accounts a ON a.id = l.leader_id
     WHERE l.incident_id = ? ORDER BY l.at, l.id`,
    [incidentId],
  );
  return rows.map((r) => ({
    at: r.at,
    from: r.from_level,
    to: r.to_level,
    decidedBy: r.decided_by,
    note: r.note,
    officer: r.officer,
    leader: r.leader,
  }));
}

export async function insertItem(
  q: Queryable,
  incidentId: number,
  itemId: string,
  addedAt: string,
  addedLevel: ResponseLevel,
): Promise<void> {
  await q.run(
    "INSERT INTO response_items (incident_id, item_id, state, added_at, added_level) VALUES (?, ?, 'open', ?, ?)",
    [incidentId, itemId, addedAt, addedLevel],
  );
}

/** Sets an item's state; for done/notApplicable with time, by whom and the note or reason. */
export async function updateItem(
  q: Queryable,
  incidentId: number,
  itemId: string,
  s: {
    state: ItemState;
    at?: string | null;
    by?: string | null;
    note?: string;
    reason?: string;
    officer?: string | null;
  },
): Promise<void> {
  // The officer who ticked or set aside the item, with their account from the call's session (issue 18,
  // migration 0020); a state change without an officer (a level change) keeps both as they were.
  const who = s.officer ? ', officer = ?, officer_id = ?' : '';
  await q.run(
    `UPDATE response_items SET state = ?, at = COALESCE(?, at), by_whom = COALESCE(?, by_whom), note = COALESCE(?, note),
       reason = COALESCE(?, reason)${who} WHERE incident_id = ? AND item_id = ?`,
    [
      s.state,
      s.at ?? null,
      s.by ?? null,
      s.note ?? null,
      s.reason ?? null,
      ...(s.officer ? [s.officer, accountIdFor(s.officer)] : []),
      incidentId,
      itemId,
    ],
  );
}

export async function listItems(q: Queryable, incidentId: number): Promise<ItemRow[]> {
  const rows = await q.all<{
    item_id: string;
    state: ItemState;
    at: string | null;
    by_whom: string | null;
    note: string;
    reason: string;
    officer: string | null;
    added_at: string;
    added_level: ResponseLevel;
  }>('SELECT * FROM response_items WHERE incident_id = ? ORDER BY rowid', [incidentId]);
  return rows.map((r) => ({
    itemId: r.item_id,
    state: r.state,
    at: r.at,
    by: r.by_whom,
    note: r.note,
    reason: r.reason,
    officer: r.officer,
    addedAt: r.added_at,
    addedLevel: r.added_level,
  }));
}

export async function insertCondition(q: Queryable, incidentId: number, c: ConditionRow): Promise<void> {
  await q.run(
    `INSERT INTO response_conditions (incident_id, condition_id, confirmed_at, confirmed_by, officer, recorded_at, officer_id,
       leader_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      incidentId,
      c.conditionId,
      c.at,
      c.by,
      c.officer,
      c.recordedAt,
      accountIdFor(c.officer),
      grantingLeader()?.id ?? null,
    ],
  );
}

export async function listConditions(q: Queryable, incidentId: number): Promise<ConditionView[]> {
  const rows = await q.all<{
    condition_id: string;
    confirmed_at: string;
    confirmed_by: string;
    officer: string;
    recorded_at: string;
    leader: string | null;
  }>(
    `SELECT c.*, a.name AS leader FROM response_conditions c LEFT JOIN accounts a ON a.id = c.leader_id
     WHERE c.incident_id = ?`,
    [incidentId],
  );
  return rows.map((r) => ({
    conditionId: r.condition_id,
    at: r.confirmed_at,
    by: r.confirmed_by,
    officer: r.officer,
    recordedAt: r.recorded_at,
    leader: r.leader,
  }));
}

export async function listTasks(q: Queryable, incidentId: number): Promise<TaskRow[]> {
  const rows = await q.all<{
    task_id: string;
    due_at: string | null;
    given_by: string | null;
    done_at: string | null;
    done_by: string | null;
    done_note: string;
  }>('SELECT * FROM response_tasks WHERE incident_id = ?', [incidentId]);
  return rows.map((r) => ({
    taskId: r.task_id,
    dueAt: r.due_at,
    givenBy: r.given_by,
    doneAt: r.done_at,
    doneBy: r.done_by,
    doneNote: r.done_note,
  }));
}

export async function setTaskDeadline(
  q: Queryable,
  incidentId: number,
  taskId: string,
  dueAt: string,
  givenBy: string,
  officer: string,
): Promise<void> {
  // given_by is who gave the deadline, as told; the officer recording it carries their account (migration 0020).
  await q.run(
    `INSERT INTO response_tasks (incident_id, task_id, due_at, given_by, deadline_officer, deadline_officer_id)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (incident_id, task_id) DO UPDATE SET due_at = excluded.due_at, given_by = excluded.given_by,
       deadline_officer = excluded.deadline_officer, deadline_officer_id = excluded.deadline_officer_id`,
    [incidentId, taskId, dueAt, givenBy, officer, accountIdFor(officer)],
  );
}

export async function setTaskDone(
  q: Queryable,
  incidentId: number,
  taskId: string,
  at: string,
  by: string,
  note: string,
): Promise<void> {
  await q.run(
    `INSERT INTO response_tasks (incident_id, task_id, done_at, done_by, done_note, done_by_id) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (incident_id, task_id) DO UPDATE SET done_at = excluded.done_at, done_by = excluded.done_by,
       done_note = excluded.done_note, done_by_id = excluded.done_by_id`,
    [incidentId, taskId, at, by, note, accountIdFor(by)],
  );
}

// ---- warnings ----

export interface WarningRow {
  id: number;
  plan: ChecklistPlanId;
  level: WarningLevel;
  direction: 'received' | 'issued';
  issuerKind: IssuerKind;
  issuer: string;
  area: string;
  issuedAt: string;
  document: string;
  content: string;
  createdAt: string;
  officer: string;
  /** The leader whose password granted registering it (migration 0022), by the account's name; null: not known. */
  leader: string | null;
  lifted: {
    at: string;
    by: string;
    issuerKind: IssuerKind;
    document: string;
    officer: string;
    leader: string | null;
  } | null;
}

/** A warning's level change as read back, with the granting leader's name (migration 0022), null when not known. */
export interface WarningChangeRow {
  at: string;
  from: WarningLevel;
  to: WarningLevel;
  by: string;
  document: string;
  officer: string;
  leader: string | null;
}

/** The warnings with the names of their granting leaders' accounts (see the note above ConditionView). */
const WARNING_SELECT = `SELECT w.*, il.name AS leader, ll.name AS lift_leader FROM warnings w
  LEFT JOIN accounts il ON il.id = w.leader_id LEFT JOIN accounts ll ON ll.id = w.lift_leader_id`;

interface WarningDbRow {
  id: number;
  plan: ChecklistPlanId;
  level: WarningLevel;
  direction: WarningRow['direction'];
  issuer_kind: IssuerKind;
  issuer: string;
  area: string;
  issued_at: string;
  document: string;
  content: string;
  created_at: string;
  officer: string;
  lifted_at: string | null;
  lifted_by: string | null;
  lifted_by_kind: IssuerKind | null;
  lift_document: string | null;
  lift_officer: string | null;
  leader: string | null;
  lift_leader: string | null;
}

function liftOf(r: WarningDbRow): WarningRow['lifted'] {
  if (r.lifted_at === null) return null;
  // liftWarningRow writes the five lift columns together; one missing is a damaged row, not a lift.
  if (r.lifted_by === null || r.lifted_by_kind === null || r.lift_document === null || r.lift_officer === null) {
    throw new Error(`warning ${String(r.id)} has a lift time without who lifted it or the document`);
  }
  return {
    at: r.lifted_at,
    by: r.lifted_by,
    issuerKind: r.lifted_by_kind,
    document: r.lift_document,
    officer: r.lift_officer,
    leader: r.lift_leader,
  };
}

const toWarning = (r: WarningDbRow): WarningRow => ({
  id: r.id,
  plan: r.plan,
  level: r.level,
  direction: r.direction,
  issuerKind: r.issuer_kind,
  issuer: r.issuer,
  area: r.area,
  issuedAt: r.issued_at,
  document: r.document,
  content: r.content,
  createdAt: r.created_at,
  officer: r.officer,
  leader: r.leader,
  lifted: liftOf(r),
});

export async function insertWarning(q: Queryable, w: Omit<WarningRow, 'id' | 'lifted' | 'leader'>): Promise<number> {
  const res = await q.run(
    `INSERT INTO warnings (plan, level, direction, issuer_kind, issuer, area, issued_at, document, content, created_at, officer,
       officer_id, leader_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      w.plan,
      w.level,
      w.direction,
      w.issuerKind,
      w.issuer,
      w.area,
      w.issuedAt,
      w.document,
      w.content,
      w.createdAt,
      w.officer,
      accountIdFor(w.officer),
      grantingLeader()?.id ?? null,
    ],
  );
  return res.lastID;
}

export async function findWarning(q: Queryable, id: number): Promise<WarningRow | undefined> {
  const r = await q.get<WarningDbRow>(`${WARNING_SELECT} WHERE w.id = ?`, [id]);
  return r ? toWarning(r) : undefined;
}

export async function listWarnings(q: Queryable, activeOnly: boolean): Promise<WarningRow[]> {
  const rows = await q.all<WarningDbRow>(
    `${WARNING_SELECT} ${activeOnly ? 'WHERE w.lifted_at IS NULL' : ''} ORDER BY w.lifted_at IS NOT NULL, w.issued_at DESC, w.id DESC`,
  );
  return rows.map(toWarning);
}

export async function liftWarningRow(
  q: Queryable,
  id: number,
  l: { at: string; by: string; issuerKind: IssuerKind; document: string; officer: string },
): Promise<void> {
  await q.run(
    `UPDATE warnings SET lifted_at = ?, lifted_by = ?, lifted_by_kind = ?, lift_document = ?, lift_officer = ?,
       lift_officer_id = ?, lift_leader_id = ? WHERE id = ? AND lifted_at IS NULL`,
    [l.at, l.by, l.issuerKind, l.document, l.officer, accountIdFor(l.officer), grantingLeader()?.id ?? null, id],
  );
}

export async function changeWarningLevel(
  q: Queryable,
  id: number,
  c: { at: string; from: WarningLevel; to: WarningLevel; by: string; document: string; officer: string },
): Promise<void> {
  await q.run('UPDATE warnings SET level = ? WHERE id = ?', [c.to, id]);
  await q.run(
    `INSERT INTO warning_changes (warning_id, at, from_level, to_level, changed_by, document, officer, officer_id, leader_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, c.at, c.from, c.to, c.by, c.document, c.officer, accountIdFor(c.officer), grantingLeader()?.id ?? null],
  );
}

export async function listWarningChanges(q: Queryable): Promise<Map<number, WarningChangeRow[]>> {
  const rows = await q.all<{
    warning_id: number;
    at: string;
    from_level: WarningLevel;
    to_level: WarningLevel;
    changed_by: string;
    document: string;
    officer: string;
    leader: string | null;
  }>(
    `SELECT c.*, a.name AS leader FROM warning_changes c LEFT JOIN accounts a ON a.id = c.leader_id
     ORDER BY c.at, c.id`,
  );
  const out = new Map<number, WarningChangeRow[]>();
  for (const r of rows) {
    const list = out.get(r.warning_id) ?? [];
    list.push({
      at: r.at,
      from: r.from_level,
      to: r.to_level,
      by: r.changed_by,
      document: r.document,
      officer: r.officer,
      leader: r.leader,
    });
    out.set(r.warning_id, list);
  }
  return out;
}

export async function insertWarningAction(
  q: Queryable,
  warningId: number,
  itemId: string,
  at: string,
  by: string,
  note: string,
): Promise<void> {
  await q.run(
    'INSERT INTO warning_actions (warning_id, item_id, at, done_by, note, done_by_id) VALUES (?, ?, ?, ?, ?, ?)',
    [warningId, itemId, at, by, note, accountIdFor(by)],
  );
}

export async function listWarningActions(
  q: Queryable,
): Promise<Map<number, Map<string, { at: string; by: string; note: string }>>> {
  const rows = await q.all<{ warning_id: number; item_id: string; at: string; done_by: string; note: string }>(
    'SELECT * FROM warning_actions',
  );
  const out = new Map<number, Map<string, { at: string; by: string; note: string }>>();
  for (const r of rows) {
    const m = out.get(r.warning_id) ?? new Map<string, { at: string; by: string; note: string }>();
    m.set(r.item_id, { at: r.at, by: r.done_by, note: r.note });
    out.set(r.warning_id, m);
  }
  return out;
}

export async function linkWarning(
  q: Queryable,
  warningId: number,
  incidentId: number,
  at: string,
  officer: string,
): Promise<boolean> {
  const res = await q.run(
    'INSERT OR IGNORE INTO warning_incidents (warning_id, incident_id, at, officer, officer_id) VALUES (?, ?, ?, ?, ?)',
    [warningId, incidentId, at, officer, accountIdFor(officer)],
  );
  return res.changes > 0;
}

export async function unlinkWarning(q: Queryable, warningId: number, incidentId: number): Promise<boolean> {
  const res = await q.run('DELETE FROM warning_incidents WHERE warning_id = ? AND incident_id = ?', [
    warningId,
    incidentId,
  ]);
  return res.changes > 0;
}

export async function listWarningIncidents(
  q: Queryable,
): Promise<Map<number, { id: number; serial: string; title: string }[]>> {
  const rows = await q.all<{ warning_id: number; id: number; serial: string; title: string }>(
    'SELECT w.warning_id, i.id, i.serial, i.title FROM warning_incidents w JOIN incidents i ON i.id = w.incident_id ORDER BY w.at',
  );
  const out = new Map<number, { id: number; serial: string; title: string }[]>();
  for (const r of rows) {
    const list = out.get(r.warning_id) ?? [];
    list.push({ id: r.id, serial: r.serial, title: r.title });
    out.set(r.warning_id, list);
  }
  return out;
}
