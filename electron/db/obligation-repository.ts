/**
 * Level history, per-incident reporting settings and stored obligations (migration 0009). The
 * rules decide what is owed; these tables remember what was owed and how each obligation closed.
 */
import type { IncidentClock } from '../../shared/domain/incident-view';
import type { FollowUpSetting, LevelChange } from '../../shared/incidents/obligations';
import type { DoneChannel } from '../../shared/rules';
import type { PostResponseDeadlines, StoredObligationLike } from '../../shared/incidents/derive';
import type { Level } from '../../shared/rules';
import { scopeSql, type IncidentScope, type Param, type Queryable } from './connection';
import { accountIdFor } from './account-context';

export interface StoredLevelChange extends LevelChange {
  id: number;
  incidentId: number;
  recordedAt: string;
  officer: string;
}

interface LevelChangeRow {
  id: number;
  incident_id: number;
  from_level: Level | null;
  to_level: Level | null;
  effective_at: string;
  recorded_at: string;
  by_whom: string;
  reason: string;
  officer: string;
}

/** Level changes per incident, oldest first (one incident, or all). */
export async function listLevelChanges(
  q: Queryable,
  incidentId?: IncidentScope,
): Promise<Map<number, StoredLevelChange[]>> {
  const scope = scopeSql('incident_id', incidentId, 'WHERE');
  const rows = await q.all<LevelChangeRow>(
    `SELECT id, incident_id, from_level, to_level, effective_at, recorded_at, by_whom, reason, officer FROM level_changes
     ${scope.sql} ORDER BY incident_id, id`,
    scope.params,
  );
  const out = new Map<number, StoredLevelChange[]>();
  for (const r of rows) {
    const list = out.get(r.incident_id) ?? [];
    list.push({
      id: r.id,
      incidentId: r.incident_id,
      from: r.from_level,
      to: r.to_level,
      effectiveAt: r.effective_at,
      recordedAt: r.recorded_at,
      by: r.by_whom,
      reason: r.reason,
      officer: r.officer,
    });
    out.set(r.incident_id, list);
  }
  return out;
}

export async function insertLevelChange(
  q: Queryable,
  c: {
    incidentId: number;
    from: Level | null;
    to: Level | null;
    effectiveAt: string;
    recordedAt: string;
    by: string;
    reason: string;
    officer: string;
  },
): Promise<void> {
  await q.run(
    `INSERT INTO level_changes (incident_id, from_level, to_level, effective_at, recorded_at, by_whom, reason, officer,
       officer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    // The officer's account from the call's session (issue 18, migration 0018); by_whom is who decided, as told.
    [c.incidentId, c.from, c.to, c.effectiveAt, c.recordedAt, c.by, c.reason, c.officer, accountIdFor(c.officer)],
  );
}

export interface ReportingSettings {
  occurredUnknown: boolean;
  followUp: FollowUpSetting | null;
  handlingEndedAt: string | null;
}

/** Per-incident reporting settings (one incident, or all that have any). */
export async function listReporting(q: Queryable, incidentId?: IncidentScope): Promise<Map<number, ReportingSettings>> {
  const scope = scopeSql('incident_id', incidentId, 'WHERE');
  const rows = await q.all<{
    incident_id: number;
    occurred_unknown: number;
    follow_up_minutes: number | null;
    follow_up_set_at: string | null;
    follow_up_set_by: string | null;
    handling_ended_at: string | null;
  }>(
    `SELECT incident_id, occurred_unknown, follow_up_minutes, follow_up_set_at, follow_up_set_by, handling_ended_at FROM incident_reporting
     ${scope.sql}`,
    scope.params,
  );
  const sent = rows.some((r) => r.follow_up_minutes !== null)
    ? await listSentFollowUps(q, incidentId)
    : new Map<number, { at: string; channel: DoneChannel }[]>();
  return new Map(
    rows.map((r) => [
      r.incident_id,
      {
        occurredUnknown: r.occurred_unknown === 1,
        followUp:
          r.follow_up_minutes !== null && r.follow_up_set_at !== null
            ? {
                intervalMinutes: r.follow_up_minutes,
                setAt: r.follow_up_set_at,
                by: r.follow_up_set_by ?? undefined,
                sent: sent.get(r.incident_id) ?? [],
              }
            : null,
        handlingEndedAt: r.handling_ended_at,
      },
    ]),
  );
}

const SENT_CHANNELS: Readonly<Record<string, DoneChannel>> = {
  电话: 'phone',
  传真: 'fax',
  书面: 'written',
  系统: 'system',
};

/** 续报 sent through the report chain, per incident, oldest first: they meet the leader's 续报 cadence. */
async function listSentFollowUps(
  q: Queryable,
  incidentId?: IncidentScope,
): Promise<Map<number, { at: string; channel: DoneChannel }[]>> {
  const scope = scopeSql('incident_id', incidentId, 'AND');
  const rows = await q.all<{ incident_id: number; sent_at: string; sent_channel: string | null }>(
    `SELECT incident_id, sent_at, sent_channel FROM reports WHERE kind = '续报' AND sent_at IS NOT NULL
     ${scope.sql} ORDER BY incident_id, sent_at`,
    scope.params,
  );
  const out = new Map<number, { at: string; channel: DoneChannel }[]>();
  for (const r of rows) {
    const list = out.get(r.incident_id) ?? [];
    list.push({ at: r.sent_at, channel: SENT_CHANNELS[r.sent_channel ?? ''] ?? 'written' });
    out.set(r.incident_id, list);
  }
  return out;
}

/** A stored obligation row: what derive.ts reads back, with its incident and when it was stored. */
export interface StoredObligation extends StoredObligationLike {
  incidentId: number;
  storedAt: string;
}

/** An obligations row; the unions are the columns' CHECK constraints (migration 0009). */
interface ObligationRow {
  incident_id: number;
  obligation_key: string;
  clock_id: string;
  level: Level | null;
  title: string;
  to_unit: string;
  owner_kind: 'room' | 'monitored';
  owner_unit: string;
  window_text: string;
  minutes: number;
  starts_at: string;
  due_at: string;
  clause: string;
  closure_kind: 'met' | 'not_applicable' | 'level_change' | null;
  closure_at: string | null;
  closure_reason: string | null;
  late_ms: number | null;
  stored_at: string;
}

export async function listObligations(
  q: Queryable,
  incidentId?: IncidentScope,
): Promise<Map<number, StoredObligation[]>> {
  const scope = scopeSql('incident_id', incidentId, 'WHERE');
  const rows = await q.all<ObligationRow>(
    `SELECT * FROM obligations ${scope.sql} ORDER BY incident_id, due_at, obligation_key`,
    scope.params,
  );
  const out = new Map<number, StoredObligation[]>();
  for (const r of rows) {
    const id = r.incident_id;
    const list = out.get(id) ?? [];
    list.push({
      incidentId: id,
      key: r.obligation_key,
      clockId: r.clock_id,
      level: r.level,
      title: r.title,
      to: r.to_unit,
      ownerKind: r.owner_kind,
      ownerUnit: r.owner_unit,
      window: r.window_text,
      minutes: r.minutes,
      startsAt: r.starts_at,
      dueAt: r.due_at,
      clause: r.clause,
      // A CHECK sets closure_kind, closure_at and late_ms together.
      closure:
        r.closure_kind && r.closure_at !== null && r.late_ms !== null
          ? { kind: r.closure_kind, at: r.closure_at, reason: r.closure_reason, lateMs: r.late_ms }
          : null,
      storedAt: r.stored_at,
    });
    out.set(id, list);
  }
  return out;
}

/**
 * Stores what the incident's clocks now say is owed: a new obligation is inserted when it arises;
 * an open one gets its closure once. Nothing is deleted and a stored closure is never rewritten.
 */
export async function storeObligations(
  q: Queryable,
  incidentId: number,
  clocks: readonly IncidentClock[],
  at: string,
): Promise<void> {
  type Owed = IncidentClock & { obligationKey: string; owner: NonNullable<IncidentClock['owner']>; window: string };
  const owed = clocks.filter((c): c is Owed => Boolean(c.obligationKey && c.owner && c.window));
  // One multi-row INSERT per chunk (one round trip, not one per obligation); chunks stay far below
  // the engines' bound-parameter limits.
  for (let i = 0; i < owed.length; i += 50) {
    const chunk = owed.slice(i, i + 50);
    await q.run(
      `INSERT INTO obligations (incident_id, obligation_key, clock_id, level, title, to_unit, owner_kind, owner_unit, window_text, minutes, starts_at, due_at, clause,
         closure_kind, closure_at, closure_reason, late_ms, stored_at)
       VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT (incident_id, obligation_key) DO NOTHING`,
      chunk.flatMap((c): Param[] => {
        const closure = c.closure ?? null;
        return [
          incidentId,
          c.obligationKey,
          c.clockId,
          c.levelLabel && c.levelLabel !== '未定级' ? c.levelLabel : null,
          c.title,
          c.to,
          c.owner.kind,
          c.owner.unit,
          c.window,
          c.minutes,
          c.startsAt,
          c.dueAt,
          c.clause,
          closure?.kind ?? null,
          closure?.at ?? null,
          closure?.reason ?? null,
          closure ? closure.lateMs : null,
          at,
        ];
      }),
    );
  }
  for (const c of owed) {
    const closure = c.closure;
    if (!closure) continue;
    await q.run(
      `UPDATE obligations SET closure_kind = ?, closure_at = ?, closure_reason = ?, late_ms = ?
       WHERE incident_id = ? AND obligation_key = ? AND closure_kind IS NULL`,
      [closure.kind, closure.at, closure.reason, closure.lateMs, incidentId, c.obligationKey],
    );
  }
}

/** Sets the reporting settings given (others unchanged), creating the row on first use. */
export async function saveReporting(
  q: Queryable,
  incidentId: number,
  patch: {
    occurredUnknown?: boolean;
    followUp?: { minutes: number; setAt: string; setBy: string } | null;
    handlingEndedAt?: string | null;
  },
): Promise<void> {
  await q.run('INSERT INTO incident_reporting (incident_id) VALUES (?) ON CONFLICT (incident_id) DO NOTHING', [
    incidentId,
  ]);
  if (patch.occurredUnknown !== undefined) {
    await q.run('UPDATE incident_reporting SET occurred_unknown = ? WHERE incident_id = ?', [
      patch.occurredUnknown ? 1 : 0,
      incidentId,
    ]);
  }
  if (patch.followUp !== undefined) {
    const f = patch.followUp;
    await q.run(
      `UPDATE incident_reporting SET follow_up_minutes = ?, follow_up_set_at = ?, follow_up_set_by = ?, follow_up_set_by_id = ?
       WHERE incident_id = ?`,
      // The leader's account from the call's session (issue 18, migration 0020).
      [f?.minutes ?? null, f?.setAt ?? null, f?.setBy ?? null, accountIdFor(f?.setBy), incidentId],
    );
  }
  if (patch.handlingEndedAt !== undefined) {
    await q.run('UPDATE incident_reporting SET handling_ended_at = ? WHERE incident_id = ?', [
      patch.handlingEndedAt,
      incidentId,
    ]);
  }
}

/**
 * Post-response tasks a leader gave a deadline, per incident whose response has ended (one
 * incident, or all): the obligations engine turns each into a clock that alarms (issue 12).
 */
export async function listPostResponseDeadlines(
  q: Queryable,
  incidentId?: IncidentScope,
): Promise<Map<number, PostResponseDeadlines>> {
  const scope = scopeSql('t.incident_id', incidentId, 'AND');
  const rows = await q.all<{
    incident_id: number;
    plan: string;
    ended_at: string;
    task_id: string;
    due_at: string;
    given_by: string | null;
    done_at: string | null;
    done_by: string | null;
  }>(
    `SELECT r.incident_id, r.plan, r.ended_at, t.task_id, t.due_at, t.given_by, t.done_at, t.done_by
     FROM response_tasks t JOIN responses r ON r.incident_id = t.incident_id
     WHERE t.due_at IS NOT NULL AND r.ended_at IS NOT NULL ${scope.sql}
     ORDER BY t.incident_id, t.task_id`,
    scope.params,
  );
  const out = new Map<number, PostResponseDeadlines>();
  for (const r of rows) {
    const entry = out.get(r.incident_id) ?? { plan: r.plan, endedAt: r.ended_at, tasks: [] };
    entry.tasks.push({
      taskId: r.task_id,
      dueAt: r.due_at,
      givenBy: r.given_by,
      doneAt: r.done_at,
      doneBy: r.done_by,
    });
    out.set(r.incident_id, entry);
  }
  return out;
}
