/** SQL for incidents, their timeline and clock records; snake_case rows become camelCase types here. */
import type {
  ClockRecord,
  Incident,
  IncidentLevel,
  IncidentResponse,
  IncidentStatus,
  TimelineEntry,
  TimelineKind,
} from '../../shared/domain/incident';
import { registrationText, STATUSES } from '../../shared/domain/incident';
import { searchBigrams, searchKeywords } from '../../shared/incidents/search-query';
import { parseInstant, shanghaiParts } from '../../shared/time';
import type { IncidentFilter } from '../../shared/ipc/schemas';
import { scopeSql, together, type IncidentScope, type Param, type Queryable } from './connection';
import { currentSeatName } from './seat-context';
import { accountIdFor } from './account-context';

interface IncidentRow {
  id: number;
  serial: string;
  category: string;
  title: string;
  places: string;
  occurred_at: string;
  discovered_at: string | null;
  received_at: string;
  reporter_unit: string;
  reporter_name: string;
  reporter_phone: string;
  receive_channel: string;
  narrative: string;
  facts: string;
  level_override: string | null;
  response_override: string | null;
  status: string;
  drill: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
}

const toIncident = (r: IncidentRow): Incident => ({
  id: r.id,
  serial: r.serial,
  // text columns hold the union values the service wrote (checked by zod at the IPC boundary)
  category: r.category as Incident['category'],
  title: r.title,
  // JSON columns hold only what this repository wrote with JSON.stringify of the same types
  places: JSON.parse(r.places) as string[],
  occurredAt: r.occurred_at,
  discoveredAt: r.discovered_at,
  receivedAt: r.received_at,
  reporterUnit: r.reporter_unit,
  reporterName: r.reporter_name,
  reporterPhone: r.reporter_phone,
  // written from the same union, checked by zod at the IPC boundary
  receiveChannel: r.receive_channel as Incident['receiveChannel'],
  narrative: r.narrative,
  // JSON columns and union-valued text columns hold only what this repository wrote from these types
  facts: JSON.parse(r.facts) as Record<string, unknown>,
  levelOverride: r.level_override as IncidentLevel | null, // written from this union only
  responseOverride: r.response_override as IncidentResponse | null, // written from this union only
  status: r.status as IncidentStatus, // written from this union only
  drill: r.drill === 1,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  version: r.version,
});

interface TimelineRow {
  id: number;
  incident_id: number;
  at: string;
  kind: string;
  text: string;
  data: string | null;
  officer: string;
  seat_name: string | null;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}

const toEntry = (r: TimelineRow): TimelineEntry => ({
  id: r.id,
  incidentId: r.incident_id,
  at: r.at,
  // written by this repository from TimelineKind values only
  kind: r.kind as TimelineKind,
  text: r.text,
  // the data column holds only objects this repository wrote with JSON.stringify
  data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : null,
  officer: r.officer,
  seatName: r.seat_name ?? null,
  voided: r.voided_at ? { at: r.voided_at, by: r.voided_by ?? '', reason: r.void_reason ?? '' } : null,
});

interface ClockRow {
  incident_id: number;
  clock_id: string;
  completed_at: string | null;
  channel: string | null;
  recipient_unit: string | null;
  recipient_name: string | null;
  not_applicable_reason: string | null;
  officer: string;
  recorded_at: string;
}

const toClockRecord = (r: ClockRow): ClockRecord => ({
  clockId: r.clock_id,
  completedAt: r.completed_at,
  // written by this repository from ClockRecord['channel'] values only
  channel: r.channel as ClockRecord['channel'],
  recipientUnit: r.recipient_unit,
  recipientName: r.recipient_name,
  notApplicableReason: r.not_applicable_reason,
  officer: r.officer,
  recordedAt: r.recorded_at,
});

export type NewIncident = Omit<Incident, 'id' | 'serial'>;

/**
 * Registers an incident inside the caller's write transaction: the serial (2026-0001, drills
 * YL2026-0001) is numbered in the INSERT, the officer on duty signs it, and the 接报 timeline entry
 * is written next to it, so both commit together or not at all. `signer` (who signs, read in the
 * same transaction) and the serial's counter are independent, so they are read together; so are
 * the 接报 entry and the caller's `alongside` writes for the new incident (its obligations).
 */
export async function registerIncident<A = undefined>(
  q: Queryable,
  inc: Omit<NewIncident, 'createdBy'>,
  signer: { leader: string; officer: string } | Promise<{ leader: string; officer: string }>,
  alongside?: (registered: { id: number; serial: string; createdBy: string }) => Promise<A>,
): Promise<{ id: number; serial: string; entry: TimelineEntry; alongside: A | undefined }> {
  // The number's year is the year of 接报 on the duty room's calendar (Beijing time, shared/time):
  // a report received at 00:30 on 1 January is that year's, though its UTC instant is still December.
  const year = shanghaiParts(parseInstant(inc.receivedAt, '接报时间')).y;
  const prefix = inc.drill ? `YL${year}-` : `${year}-`;
  const [duty, serial] = await together(Promise.resolve(signer), nextSerial(q, prefix));
  const row = await q.get<{ id: number; serial: string }>(
    `INSERT INTO incidents (serial, category, title, places, occurred_at, discovered_at, received_at,
       reporter_unit, reporter_name, reporter_phone, receive_channel, narrative, facts, level_override,
       response_override, status, drill, created_at, created_by, updated_at, created_by_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     RETURNING id, serial`,
    [
      serial,
      inc.category,
      inc.title,
      JSON.stringify(inc.places),
      inc.occurredAt,
      inc.discoveredAt,
      inc.receivedAt,
      inc.reporterUnit,
      inc.reporterName,
      inc.reporterPhone,
      inc.receiveChannel,
      inc.narrative,
      JSON.stringify(inc.facts),
      inc.levelOverride,
      inc.responseOverride,
      inc.status,
      inc.drill ? 1 : 0,
      inc.createdAt,
      duty.officer,
      inc.updatedAt,
      // The account of the name (issue 18, migration 0018): from the session, never from the page.
      accountIdFor(duty.officer),
    ],
  );
  if (!row) throw new Error('登记事件未返回编号');
  const entry = {
    incidentId: row.id,
    at: inc.createdAt,
    kind: 'created' as const,
    text: registrationText(inc.category, inc.title, inc.drill),
    data: { receivedAt: inc.receivedAt, leader: duty.leader },
    officer: duty.officer,
  };
  const [entryId, also] = await together(
    insertTimeline(q, entry),
    alongside?.({ id: row.id, serial: row.serial, createdBy: duty.officer }) ?? Promise.resolve(undefined),
  );
  // The 接报 entry as a read of the timeline returns it (a new entry has no void), without re-reading it.
  return {
    id: row.id,
    serial: row.serial,
    entry: { ...entry, id: entryId, seatName: currentSeatName(), voided: null },
    alongside: also,
  };
}

/**
 * The next serial for `prefix` (2026-0001): the prefix's counter row is incremented in the caller's
 * transaction and stays locked until its COMMIT, so seats sharing one server number one after the
 * other, and a rollback returns the number (migration 0013: gapless, unlike a sequence).
 */
export async function nextSerial(q: Queryable, prefix: string): Promise<string> {
  const row = await q.get<{ last_number: number }>(
    `INSERT INTO serial_counters (prefix, last_number) VALUES (?, 1)
     ON CONFLICT (prefix) DO UPDATE SET last_number = serial_counters.last_number + 1
     RETURNING last_number`,
    [prefix],
  );
  if (!row) throw new Error('登记事件未能取得编号');
  return `${prefix}${String(row.last_number).padStart(4, '0')}`;
}

const UPDATABLE: Record<string, string> = {
  title: 'title',
  places: 'places',
  occurredAt: 'occurred_at',
  discoveredAt: 'discovered_at',
  receivedAt: 'received_at',
  reporterUnit: 'reporter_unit',
  reporterName: 'reporter_name',
  reporterPhone: 'reporter_phone',
  receiveChannel: 'receive_channel',
  narrative: 'narrative',
  facts: 'facts',
  levelOverride: 'level_override',
  responseOverride: 'response_override',
  status: 'status',
  drill: 'drill',
  updatedAt: 'updated_at',
};

export async function updateIncident(q: Queryable, id: number, patch: Partial<Incident>): Promise<void> {
  const sets: string[] = [];
  const params: Param[] = [];
  // A caller may spell a field as undefined to leave it alone.
  const entries: [string, unknown][] = Object.entries(patch);
  for (const [key, value] of entries) {
    const column = UPDATABLE[key];
    if (!column || value === undefined) continue;
    sets.push(`${column} = ?`);
    if (key === 'places' || key === 'facts') params.push(JSON.stringify(value));
    else if (key === 'drill') params.push(value ? 1 : 0);
    // the other updatable fields are strings, numbers or null
    else params.push(value as Param);
  }
  if (sets.length === 0) return;
  params.push(id);
  // Every change to the row is a new version (issue 17): an edit from an older one is refused.
  await q.run(`UPDATE incidents SET ${sets.join(', ')}, version = version + 1 WHERE id = ?`, params);
}

export async function findIncident(q: Queryable, id: number): Promise<Incident | undefined> {
  const row = await q.get<IncidentRow>('SELECT * FROM incidents WHERE id = ?', [id]);
  return row ? toIncident(row) : undefined;
}

/** How many incidents match `where`, counted up to `cap` + 1 (enough to say "more than cap"). */
export async function countIncidents(q: Queryable, where: string, params: Param[], cap: number): Promise<number> {
  const row = await q.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM (SELECT 1 FROM incidents ${where} LIMIT ${Math.trunc(cap) + 1}) AS matched`,
    params,
  );
  return row?.n ?? 0;
}

export async function listIncidents(
  q: Queryable,
  where = '',
  params: Param[] = [],
  limit?: number,
): Promise<Incident[]> {
  const rows = await q.all<IncidentRow>(
    `SELECT * FROM incidents ${where} ORDER BY received_at DESC, id DESC${limit === undefined ? '' : ` LIMIT ${Math.trunc(limit)}`}`,
    params,
  );
  return rows.map(toIncident);
}

export async function insertTimeline(
  q: Queryable,
  e: { incidentId: number; at: string; kind: TimelineKind; text: string; data?: unknown; officer: string },
): Promise<number> {
  const res = await q.run(
    'INSERT INTO timeline_entries (incident_id, at, kind, text, data, officer, seat_name, officer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [
      e.incidentId,
      e.at,
      e.kind,
      e.text,
      e.data === undefined ? null : JSON.stringify(e.data),
      e.officer,
      // The seat of the call that writes it (issue 17); null for in-process writes.
      currentSeatName(),
      accountIdFor(e.officer),
    ],
  );
  return res.lastID;
}

/**
 * Voiding appends an entry and never updates one (issue 18, migration 0012): the void entry names
 * the entry it voids and why in its data; who and when are its own. Readers join it (an index seek).
 */
const WITH_VOID = `SELECT t.*, v.at AS voided_at, v.officer AS voided_by, json_extract(v.data, '$.reason') AS void_reason
  FROM timeline_entries t LEFT JOIN timeline_entries v ON v.kind = 'void' AND json_extract(v.data, '$.entryId') = +t.id`;

/**
 * The condition "this row of timeline_entries (unaliased) has not been voided". The unary + drops
 * the id's affinity, so SQLite seeks the expression index instead of scanning it.
 */
export const NOT_VOIDED =
  "NOT EXISTS (SELECT 1 FROM timeline_entries v WHERE v.kind = 'void' AND json_extract(v.data, '$.entryId') = +timeline_entries.id)";

/** Per incident, when it last went into 已终止 (not voided): the anchor of post-response deadlines. */
export async function listResponseEndTimes(q: Queryable, scope?: IncidentScope): Promise<Map<number, string>> {
  const only = scopeSql('incident_id', scope, 'AND');
  const rows = await q.all<{ incident_id: number; at: string }>(
    `SELECT incident_id, MAX(at) AS at FROM timeline_entries
     WHERE kind = 'status' AND ${NOT_VOIDED} AND json_extract(data, '$.to') = '已终止' ${only.sql} GROUP BY incident_id`,
    only.params,
  );
  return new Map(rows.map((r) => [r.incident_id, r.at]));
}

export async function listTimeline(q: Queryable, incidentId: number): Promise<TimelineEntry[]> {
  const rows = await q.all<TimelineRow>(`${WITH_VOID} WHERE t.incident_id = ? ORDER BY t.at, t.id`, [incidentId]);
  return rows.map(toEntry);
}

export async function findTimelineEntry(q: Queryable, id: number): Promise<TimelineEntry | undefined> {
  const row = await q.get<TimelineRow>(`${WITH_VOID} WHERE t.id = ?`, [id]);
  return row ? toEntry(row) : undefined;
}

/** Latest activity per incident, for ordering the board. */
export async function lastActivity(q: Queryable, scope?: IncidentScope): Promise<Map<number, string>> {
  const only = scopeSql('incident_id', scope, 'WHERE');
  const rows = await q.all<{ incident_id: number; at: string }>(
    `SELECT incident_id, MAX(at) AS at FROM timeline_entries ${only.sql} GROUP BY incident_id`,
    only.params,
  );
  return new Map(rows.map((r) => [r.incident_id, r.at]));
}

export async function listClockRecords(q: Queryable, incidentId?: IncidentScope): Promise<Map<number, ClockRecord[]>> {
  const only = scopeSql('incident_id', incidentId, 'WHERE');
  const rows = await q.all<ClockRow>(`SELECT * FROM clock_records ${only.sql}`, only.params);
  const map = new Map<number, ClockRecord[]>();
  for (const r of rows) {
    const list = map.get(r.incident_id) ?? [];
    list.push(toClockRecord(r));
    map.set(r.incident_id, list);
  }
  return map;
}

export async function insertClockRecord(q: Queryable, incidentId: number, rec: ClockRecord): Promise<void> {
  await q.run(
    `INSERT INTO clock_records (incident_id, clock_id, completed_at, channel, recipient_unit, recipient_name,
       not_applicable_reason, officer, recorded_at, officer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      incidentId,
      rec.clockId,
      rec.completedAt,
      rec.channel,
      rec.recipientUnit,
      rec.recipientName,
      rec.notApplicableReason,
      rec.officer,
      rec.recordedAt,
      accountIdFor(rec.officer),
    ],
  );
}

export async function insertDutySession(q: Queryable, leader: string, officer: string, at: string): Promise<void> {
  await q.run('INSERT INTO duty_sessions (leader, officer, started_at, leader_id, officer_id) VALUES (?, ?, ?, ?, ?)', [
    leader,
    officer,
    at,
    accountIdFor(leader),
    accountIdFor(officer),
  ]);
}

export async function currentDutySession(q: Queryable): Promise<{ leader: string; officer: string } | undefined> {
  return q.get<{ leader: string; officer: string }>(
    'SELECT leader, officer FROM duty_sessions ORDER BY id DESC LIMIT 1',
  );
}

/** Which incidents a list reads, newest first (接报 time, then id). */
export interface IncidentSelection {
  /** The board's filter, all but the level (that is derived, so it is applied after reading). */
  filter?: Partial<IncidentFilter>;
  /** Only those after this one (a page's cursor). */
  after?: { receivedAt: string; id: number };
  /** Only these incidents. */
  ids?: readonly number[];
  /** Only those that can still owe a report: not archived, or with an obligation open or a 续报 cycle set. */
  mayOwe?: boolean;
}

/** The selected incidents, newest first (at most `limit`). */
export async function selectIncidents(q: Queryable, selection: IncidentSelection, limit?: number): Promise<Incident[]> {
  const { where, params } = selectionSql(selection, await narrowingPairs(q, selection));
  return listIncidents(q, where, params, limit);
}

/** How many incidents the selection holds, counted up to `cap` + 1 (enough to say "more than cap"). */
export async function countSelected(q: Queryable, selection: IncidentSelection, cap: number): Promise<number> {
  const { where, params } = selectionSql(selection, await narrowingPairs(q, selection));
  return countIncidents(q, where, params, cap);
}

/** A pair held by this many incidents or more narrows too little to be worth reading. */
const COMMON_PAIR = 5000;

/**
 * The pairs of characters (migration 0021's index) a search narrows its candidates by: the (at
 * most three) least common pairs of its keywords, each held by fewer than COMMON_PAIR incidents,
 * so the candidates are few and read by id. When every pair is common (报告, 应急管理局) the
 * matches are dense and the search reads in 接报 order with LIKE alone, which soon fills a page:
 * reading and intersecting long lists would cost more than it saves. A pair no incident holds
 * leaves no candidate at all.
 */
async function narrowingPairs(q: Queryable, s: IncidentSelection): Promise<string[]> {
  const pairs = [...new Set((s.filter?.search ? searchKeywords(s.filter.search) : []).flatMap(searchBigrams))];
  const held: { pair: string; n: number }[] = [];
  for (const pair of pairs) {
    const row = await q.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM incident_bigrams WHERE bigram = ? LIMIT ${COMMON_PAIR}) AS held`,
      [pair],
    );
    const n = row?.n ?? 0;
    if (n === 0) return [pair];
    if (n < COMMON_PAIR) held.push({ pair, n });
  }
  return held
    .sort((a, b) => a.n - b.n)
    .slice(0, 3)
    .map((h) => h.pair);
}

function selectionSql(s: IncidentSelection, pairs: readonly string[] = []): { where: string; params: Param[] } {
  const where: string[] = [];
  const params: Param[] = [];
  const inList = (column: string, values: readonly string[]) => {
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  const f = s.filter ?? {};
  if (f.statuses?.length) inList('status', f.statuses);
  if (f.categories?.length) inList('category', f.categories);
  if (f.drills === 'exclude') where.push('drill = 0');
  if (f.drills === 'only') where.push('drill = 1');
  if (f.from) {
    where.push('received_at >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('received_at <= ?');
    params.push(f.to);
  }
  // `%` and `_` typed by the officer are literal characters, not wildcards.
  if (f.place) {
    where.push("places LIKE ? ESCAPE '\\'");
    params.push(containsPattern(f.place));
  }
  // Every keyword (平鲁 探伤) must occur, each in any of the searched columns.
  const keywords = f.search ? searchKeywords(f.search) : [];
  // Candidates hold the narrowing pairs of the keywords; the LIKE below confirms each, so the
  // index narrows the reading and never changes what is found.
  if (pairs.length > 0) {
    where.push(
      `id IN (${pairs.map(() => 'SELECT incident_id FROM incident_bigrams WHERE bigram = ?').join(' INTERSECT ')})`,
    );
    params.push(...pairs);
  }
  for (const keyword of keywords) {
    const columns = ['title', 'narrative', 'reporter_unit', 'serial', 'places'];
    const pattern = containsPattern(keyword);
    where.push(`(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(...columns.map(() => pattern));
  }
  if (s.after) {
    where.push('(received_at < ? OR (received_at = ? AND id < ?))');
    params.push(s.after.receivedAt, s.after.receivedAt, s.after.id);
  }
  if (s.ids) {
    where.push('id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(s.ids));
  }
  if (s.mayOwe) {
    // An archived incident is final: what it still owes was stored when it was archived (an
    // obligation without closure), and a 续报 cycle it keeps is in its reporting settings.
    const open = STATUSES.filter((x) => x !== '已归档');
    where.push(
      `(status IN (${open.map(() => '?').join(', ')})` +
        ' OR id IN (SELECT incident_id FROM obligations WHERE closure_kind IS NULL)' +
        ' OR id IN (SELECT incident_id FROM incident_reporting WHERE follow_up_minutes IS NOT NULL))',
    );
    params.push(...open);
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** A LIKE pattern matching `text` anywhere, with the wildcards and the escape character taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
