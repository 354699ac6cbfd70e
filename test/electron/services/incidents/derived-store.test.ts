/**
 * The stored derivations (issue 14, migration 0016) are the rules' derivation, nothing else: on a
 * small but realistic history (every plan, reports on time, late and not applicable, level
 * changes, 续报 cycles, status changes, archived incidents, drills) the board, the open clocks, a
 * day's log and the statistics read from the store equal what the rules derive from the rows,
 * and a change marks its incident stale in its own transaction so a stale value is never shown.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/ipc/dispatch';
import * as derivedRepo from '../../../../electron/db/derived-repository';
import { selectIncidents } from '../../../../electron/db/incident-repository';
import { IncidentService } from '../../../../electron/services/incidents/incident-service';
import { statClocksOf, statPlanOf } from '../../../../electron/services/incidents/derived';
import type { AppServices } from '../../../../electron/services/app-services';
import { OPEN_STATUSES } from '../../../../shared/domain/incident';
import type { IncidentSummary } from '../../../../shared/domain/incident-view';
import type { IncidentPage, OpenClock } from '../../../../shared/ipc/channels/incidents';
import type { StatsView } from '../../../../shared/ipc/channels/data';
import { computeStats, type StatClock, type StatIncident } from '../../../../shared/stats/index';
import { makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';

const PLACES = ['朔城区', '平鲁区', '山阴县', '应县', '右玉县', '怀仁市'];
const START = Date.parse('2026-11-20T00:00:00.000Z');

async function call<T>(s: AppServices, channel: string, args: unknown): Promise<T> {
  const res = await dispatch(s.handlers, channel, args, () => undefined);
  if (!res.ok) throw new Error(`${channel}: ${res.error.message}`);
  // an ok answer carries the channel's declared output; the caller names it
  return res.value as T;
}

function registration(i: number, receivedAt: number) {
  const kind = i % 3;
  return {
    category: (['environment', 'radiation', 'comms'] as const)[kind] ?? 'environment',
    title: `${PLACES[i % PLACES.length]}事件${i}`,
    // an index inside the array's bounds (noUncheckedIndexedAccess)
    places: [PLACES[i % PLACES.length] as string, ...(i % 4 === 0 ? ['朔州经济开发区'] : [])],
    occurredAt: new Date(receivedAt - 10 * 60_000).toISOString(),
    receivedAt: new Date(receivedAt).toISOString(),
    reporterUnit: `${PLACES[(i + 2) % PLACES.length]}应急管理局`,
    reporterName: '王建国',
    reporterPhone: '0349-2021234',
    receiveChannel: '电话' as const,
    narrative: '现场已派人核实。',
    levelOverride: null,
    responseOverride: null,
    facts:
      kind === 1
        ? { sourceClass: 3, sourceEvent: 'lost' }
        : kind === 2
          ? { countiesAffected: 1 }
          : i % 2 === 0
            ? { poisonedOrInjured: 12 }
            : {},
    drill: i % 7 === 3,
  };
}

/** A history of `n` incidents worked as a duty room works them, over some days, on a settable clock. */
async function history(dir: string, n: number) {
  let now = START;
  const s = await makeServices(dir, { now: () => new Date(now) });
  await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
  for (let i = 0; i < n; i++) {
    now = START + i * 5 * 3_600_000;
    let d = await s.incidents.create(registration(i, now - 5 * 60_000));
    now += 20 * 60_000;
    if (i % 6 === 0 && d.category === 'environment') {
      // A level change (43号 5.1.1(6)): the old level's open clocks close as 级别调整.
      d = await s.incidents.update({ id: d.id, patch: { facts: { deaths: 12 }, reason: '核实死亡12人' } });
      now += 10 * 60_000;
    }
    let recorded = 0;
    for (const c of d.clocks) {
      if (recorded >= 2 + (i % 2) || c.record) continue;
      const clockId = c.obligationKey ?? c.clockId;
      if (recorded === 1 && i % 4 === 1) {
        await s.incidents.markNotApplicable({ incidentId: d.id, clockId, reason: '经核实不属于该类事件' });
      } else {
        // Now and then late: completed after the window closed (迟报).
        const at = i % 5 === 2 ? Date.parse(c.dueAt) + 30 * 60_000 : now;
        now = Math.max(now, at);
        await s.incidents.completeClock({
          incidentId: d.id,
          clockId,
          completedAt: new Date(at).toISOString(),
          // Now and then a clock that takes any channel is met in writing: a written report all the same.
          channel: c.channel === 'written' || (c.channel === 'any' && i % 3 === 0) ? '书面' : '电话',
          recipientUnit: '市应急管理局',
          recipientName: '李明',
        });
      }
      recorded++;
    }
    if (i % 5 === 1) await s.incidents.setReporting({ id: d.id, followUpMinutes: 120 });
    await s.incidents.addNote({ id: d.id, kind: '续报信息', text: '现场已控制。', givenBy: '' });
    if (i % 3 === 1) await s.incidents.setStatus({ id: d.id, status: '核实中', note: '' });
    if (i % 4 === 2) {
      await s.incidents.setStatus({ id: d.id, status: '已终止', note: '处置完毕', confirmUnsent: true });
      if (i % 8 === 2) await s.incidents.setStatus({ id: d.id, status: '已归档', note: '', confirmUnsent: true });
    }
  }
  now += 6 * 3_600_000;
  return { s, setNow: (ms: number) => (now = ms), now: () => now };
}

/** What the rules derive from the rows for every incident, as the services did before the store. */
async function derivedFromRows(s: AppServices): Promise<IncidentSummary[]> {
  const rules = new IncidentService(
    () => new Date(),
    () => s.settings.get().pendingLevelMinutes,
  );
  const { incidents, derived } = await s.db.read(async (q) => {
    const incidents = await selectIncidents(q, {});
    return { incidents, derived: await rules.deriveFromRows(q, incidents) };
  });
  // The latest timeline entry is read, not derived: taken from the service as it is.
  const activity = new Map((await s.incidents.summariesOf(incidents.map((i) => i.id))).map((i) => [i.id, i]));
  return incidents.map((inc) => {
    const d = derived.get(inc.id);
    if (!d) throw new Error(`incident ${inc.id} not derived`);
    return { ...inc, grading: d.grading, clocks: d.clocks, lastActivityAt: activity.get(inc.id)?.lastActivityAt ?? '' };
  });
}

async function staleIds(s: AppServices): Promise<number[]> {
  return s.db.read((q) => derivedRepo.staleIncidents(q, 0, 10_000));
}

/** The statistics as computed before the store: every incident of the range derived in JS. */
function statsOf(list: readonly IncidentSummary[], from: string, to: string, now: string, includeDrills: boolean) {
  const inRange = list.filter((i) => i.receivedAt >= from && i.receivedAt <= to);
  const incidents: StatIncident[] = inRange.map((i) => ({
    id: i.id,
    plan: statPlanOf(i.grading, i.category),
    level: i.grading.level,
    places: i.places,
    receivedAt: i.receivedAt,
    drill: i.drill,
  }));
  const clocks: StatClock[] = inRange.flatMap((i) =>
    statClocksOf(i.clocks).map((c) => ({ ...c, plan: statPlanOf(i.grading, i.category) })),
  );
  return computeStats({ incidents, clocks, now, includeDrills, officerAt: () => '赵珺' });
}

describe('stored derivations', () => {
  const tempDir = useTempDirs();

  it('equal the rules’ derivation for every incident: board pages, open clocks, statistics and the day’s log', async () => {
    const { s, now } = await history(tempDir(), 16);
    const rules = await derivedFromRows(s);
    // A level change: clocks under the old level and the new one.
    expect(rules.some((i) => new Set(i.clocks.map((c) => c.levelLabel)).size > 1)).toBe(true);
    expect(rules.some((i) => i.clocks.some((c) => c.clockId === 'room.follow-up'))).toBe(true);

    await s.derived.settle();
    expect(await staleIds(s)).toEqual([]);
    const basis = (await s.db.read((q) => q.get<{ basis: string }>('SELECT basis FROM incident_derived LIMIT 1')))
      ?.basis;
    const stored = await s.db.read((q) =>
      derivedRepo.currentDerivations(
        q,
        rules.map((i) => i.id),
        basis ?? '',
      ),
    );
    expect(stored.size).toBe(16);
    for (const inc of rules) {
      // Identical, field for field, after a round trip through the store.
      expect(stored.get(inc.id)).toEqual({ grading: inc.grading, clocks: inc.clocks });
    }

    // The board, paged: the same items as derived from the rows, before and after the store.
    const board = await call<IncidentPage>(s, 'incidents:list', { statuses: [...OPEN_STATUSES], limit: 500 });
    // widened for includes(); every status is a string
    const openRules = rules.filter((i) => (OPEN_STATUSES as readonly string[]).includes(i.status));
    expect(board.items).toEqual(openRules);
    const pages: IncidentSummary[] = [];
    let cursor: string | null = null;
    do {
      const p: IncidentPage = await call<IncidentPage>(s, 'incidents:list', {
        limit: 7,
        ...(cursor ? { cursor } : {}),
      });
      expect(p.total).toBe(16);
      pages.push(...p.items);
      cursor = p.nextCursor;
    } while (cursor);
    expect(pages).toEqual(rules);

    // The open clocks the alarms and the top strip read.
    const open = await call<OpenClock[]>(s, 'clocks:upcoming', {});
    const openFromRules = rules.flatMap((i) =>
      i.clocks
        .filter((c) => !c.record)
        .map((c) => ({
          ...c,
          incidentSerial: i.serial,
          incidentTitle: i.title,
          incidentStatus: i.status,
          drill: i.drill,
        })),
    );
    expect(open).toEqual(expect.arrayContaining(openFromRules));
    expect(open).toHaveLength(openFromRules.length);

    // Statistics: the same figures as counted from the rules' derivation, whole range and one week,
    // with and without drills; and the same before the store was filled (derived from the rows).
    const at = new Date(now()).toISOString();
    const whole = await call<StatsView>(s, 'data:stats', { includeDrills: true });
    expect(whole.stats).toEqual(statsOf(rules, '', '9', at, true));
    const from = new Date(START + 2 * 86_400_000).toISOString();
    const to = new Date(START + 5 * 86_400_000).toISOString();
    for (const includeDrills of [true, false]) {
      const view = await call<StatsView>(s, 'data:stats', { from, to, includeDrills });
      const expected = statsOf(rules, from, to, at, includeDrills);
      // officerAt is the duty record's: the only officer on duty in this history.
      expect(view.stats).toEqual(expected);
      expect(view.stats.incidentCount).toBeGreaterThan(3);
    }
    expect(whole.stats.clockOutcomes.overall.late).toBeGreaterThan(0);
    expect(whole.stats.clockOutcomes.overall.notApplicable).toBeGreaterThan(0);

    // A day's log from the store (a day with reports on time, late and not applicable).
    const day = { day: '2026-11-21' };
    const log = await call<{ log: { counts: unknown; sections: unknown } }>(s, 'duty-log:get', day);
    // the log's counts have a total
    expect((log.log.counts as { total: number }).total).toBeGreaterThan(3);

    // Every incident marked stale (as after an import): the same board, figures and log, derived from the rows.
    await s.db.write((q) => q.run('INSERT OR IGNORE INTO incident_stale (incident_id) SELECT id FROM incidents'));
    expect((await call<{ log: unknown }>(s, 'duty-log:get', day)).log).toEqual(log.log);
    expect((await staleIds(s)).length).toBe(16);
    expect((await call<StatsView>(s, 'data:stats', { includeDrills: true })).stats).toEqual(whole.stats);
    expect((await call<IncidentPage>(s, 'incidents:list', { statuses: [...OPEN_STATUSES], limit: 500 })).items).toEqual(
      openRules,
    );

    // Half stored, half stale: the SQL counts of the stored and the rows' counts of the rest add up to the same figures.
    await s.derived.settle();
    await s.db.write((q) =>
      q.run('INSERT INTO incident_stale (incident_id) SELECT id FROM incidents WHERE id % 2 = 0'),
    );
    expect((await staleIds(s)).length).toBe(8);
    expect((await call<StatsView>(s, 'data:stats', { includeDrills: true })).stats).toEqual(whole.stats);
    for (const includeDrills of [true, false]) {
      const view = await call<StatsView>(s, 'data:stats', { from, to, includeDrills });
      expect(view.stats).toEqual(statsOf(rules, from, to, at, includeDrills));
    }
    await s.close();
  }, 180_000);

  it('a change marks its incident stale in its own transaction; what is read then is derived from the rows, and stored again after', async () => {
    const { s } = await history(tempDir(), 6);
    await s.derived.settle();
    const first = (await s.incidents.list({ statuses: [...OPEN_STATUSES] })).find((i) =>
      i.clocks.some((c) => !c.record),
    );
    const clock = first?.clocks.find((c) => !c.record);
    if (!first || !clock) throw new Error('no open clock');
    await s.incidents.completeClock({
      incidentId: first.id,
      clockId: clock.obligationKey ?? clock.clockId,
      completedAt: new Date(Date.parse(clock.startsAt) + 60_000).toISOString(),
      channel: clock.channel === 'written' ? '书面' : '电话',
      recipientUnit: '市应急管理局',
      recipientName: '李明',
    });
    expect(await staleIds(s)).toEqual([first.id]);
    // Read while stale: the new record is there (derived from the rows), not the stored value.
    const [now] = await s.incidents.summariesOf([first.id]);
    const done = now?.clocks.find((c) => c.obligationKey === clock.obligationKey);
    expect(done?.record?.recipientName).toBe('李明');
    await s.derived.settle();
    expect(await staleIds(s)).toEqual([]);
    const rules = await derivedFromRows(s);
    expect(await s.incidents.summariesOf([first.id])).toEqual(rules.filter((i) => i.id === first.id));
    // A failed write marks nothing: the stale mark rolls back with it.
    await expect(
      s.db.write(async (q) => {
        await q.run("UPDATE incidents SET title = '回滚' WHERE id = ?", [first.id]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await staleIds(s)).toEqual([]);
    // A changed 待初步判定 setting is another basis: nothing stored on the old one is used.
    s.settings.set({ pendingLevelMinutes: 45 });
    const after = await derivedFromRows(s);
    expect(await s.incidents.list({})).toEqual(after);
    await s.derived.settle();
    const current = await s.db.read((q) =>
      derivedRepo.currentDerivations(
        q,
        after.map((i) => i.id),
        new IncidentService(
          () => new Date(),
          () => 45,
        ).derivationBasis(),
      ),
    );
    expect(current.size).toBe(after.length);
    await s.close();
  }, 180_000);
});
