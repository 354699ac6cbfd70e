/**
 * A 报送 writes into two features' tables: the report's sent state (reports) and the clock records
 * and timeline entry of its incident (incidents). The handler owns the one transaction, so a
 * failure at its last step, here a real SQLite trigger refusing the timeline entry as a full disk
 * would, leaves neither the report sent nor any clock completed.
 */
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../helpers/temp-dir';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { Refused, caller, clock } from '../response/call';

const INCIDENT = {
  ...ENV_INPUT,
  occurredAt: '2026-11-29T09:00:00+08:00',
  receivedAt: '2026-11-29T09:30:00+08:00',
  levelOverride: null,
  responseOverride: null,
  discoveredAt: null,
};

describe('a 报送 and the clocks it completes commit together', () => {
  const tempDir = useTempDirs();

  it('a failure at the timeline entry leaves the report signed, unsent, and every clock open', async () => {
    const t = clock('2026-11-29T10:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const inc = await call('incidents:create', INCIDENT);
    // Drafted and signed at 09:45, sent (back-dated) at 09:50.
    t.set('2026-11-29T09:45:00+08:00');
    const r = await call('reports:draft', { incidentId: inc.id, kind: '初报' });
    await call('reports:sign', { reportId: r.id, signedBy: '李堃', signedAt: t.now().toISOString() });
    t.set('2026-11-29T10:00:00+08:00');
    const before = await call('incidents:get', { id: inc.id });
    const owedTo = before.clocks.find((c) => !c.record)!.to;
    const dispatch = {
      reportId: r.id,
      sentAt: '2026-11-29T09:50:00+08:00',
      sentTo: owedTo,
      channel: '书面' as const,
      confirmedBy: '刘喆',
    };

    // The report's sent state and the clock record are written before the timeline entry.
    await s.db.write((q) =>
      q.run(
        "CREATE TRIGGER break_write BEFORE INSERT ON timeline_entries WHEN NEW.kind = 'report' BEGIN SELECT RAISE(ABORT, 'write broken'); END",
      ),
    );
    const err = await call('reports:dispatch', dispatch).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Refused);

    const reports = await call('reports:list', { incidentId: inc.id });
    expect(reports.map((x) => [x.status, x.sentAt, x.satisfiedClocks])).toEqual([['signed', null, []]]);
    const after = await call('incidents:get', { id: inc.id });
    expect(after.clocks.map((c) => c.record)).toEqual(before.clocks.map((c) => c.record));
    expect(after.timeline).toHaveLength(before.timeline.length);
    const records = await s.db.read(
      async (q) =>
        (await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM clock_records WHERE incident_id = ?', [inc.id]))!.n,
    );
    expect(records).toBe(0);

    // The same call succeeds once the storage works again: the trigger was what stopped it.
    await s.db.write((q) => q.run('DROP TRIGGER break_write'));
    const sent = await call('reports:dispatch', dispatch);
    expect(sent.status).toBe('sent');
    const done = await call('incidents:get', { id: inc.id });
    expect(done.clocks.filter((c) => c.to === owedTo && c.record).length).toBeGreaterThan(0);
    await s.close();
  });
});
