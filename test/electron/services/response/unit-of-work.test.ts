/**
 * Starting, changing and ending a response move the incident too (status, responseOverride): one
 * transaction owned by the handler. A real SQLite trigger aborts the write half-way; afterwards
 * neither the response nor the incident's change is there.
 */
import { describe, expect, it } from 'vitest';
import { terminationConditions } from '../../../../shared/response';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller, clock, Refused } from './call';

const INCIDENT = { ...ENV_INPUT, occurredAt: '2026-11-29T09:00:00+08:00', receivedAt: '2026-11-29T09:20:00+08:00' };

async function setup(dir: string) {
  const t = clock('2026-11-29T10:00:00+08:00');
  const s = await makeServices(dir, { now: t.now });
  const call = caller(s.handlers);
  await call('duty:set', { leader: '李堃', officer: '赵珺' });
  /** Makes every later timeline insert matching `when` fail, as a full disk would half-way through. */
  const breakTimeline = (when: string) =>
    s.db.write((q) =>
      q.run(
        `CREATE TRIGGER break_write BEFORE INSERT ON timeline_entries WHEN ${when} BEGIN SELECT RAISE(ABORT, 'write broken'); END`,
      ),
    );
  const repair = () => s.db.write((q) => q.run('DROP TRIGGER break_write'));
  const count = (sql: string, id: number) => s.db.read(async (q) => (await q.get<{ n: number }>(sql, [id]))!.n);
  return { s, t, call, breakTimeline, repair, count };
}

describe('a response and the incident it moves commit together', () => {
  const tempDir = useTempDirs();

  it('start: a failure at the status entry leaves neither the response, its checklist nor 响应中', async () => {
    const { s, call, breakTimeline, repair, count } = await setup(tempDir());
    const inc = await call('incidents:create', INCIDENT);
    const timelineBefore = (await call('incidents:get', { id: inc.id })).timeline.length;
    await breakTimeline("NEW.kind = 'status'");

    const err = await call('response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Refused);

    expect(await count('SELECT COUNT(*) AS n FROM responses WHERE incident_id = ?', inc.id)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM response_items WHERE incident_id = ?', inc.id)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM response_levels WHERE incident_id = ?', inc.id)).toBe(0);
    const after = await call('incidents:get', { id: inc.id });
    expect(after.status).toBe('接报');
    expect(after.timeline).toHaveLength(timelineBefore);
    expect((await call('response:get', { incidentId: inc.id })).state).toBe('none');

    // The same call succeeds once the storage works again: the trigger was what stopped it.
    await repair();
    const view = await call('response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' });
    expect(view.state).toBe('active');
    expect((await call('incidents:get', { id: inc.id })).status).toBe('响应中');
    await s.close();
  });

  it('start at a level other than the graded one: a failure at the last step (the level override) undoes the status change too', async () => {
    const { s, call, breakTimeline, count } = await setup(tempDir());
    const inc = await call('incidents:create', INCIDENT);
    const graded = (await call('response:get', { incidentId: inc.id })).gradedResponse;
    const level = graded === '一级' ? '二级' : '一级';
    await breakTimeline("NEW.kind IN ('update', 'level')");

    await expect(call('response:start', { incidentId: inc.id, level, decidedBy: '市指挥部' })).rejects.toBeInstanceOf(
      Refused,
    );

    expect(await count('SELECT COUNT(*) AS n FROM responses WHERE incident_id = ?', inc.id)).toBe(0);
    const after = await call('incidents:get', { id: inc.id });
    expect(after.status).toBe('接报');
    expect(after.responseOverride ?? null).toBeNull();
    expect(after.timeline.some((e) => e.kind === 'status' || e.kind === 'action')).toBe(false);
    await s.close();
  });

  it('end: a failure after 已终止 was written leaves the response running and the incident 响应中', async () => {
    const { s, call, breakTimeline, repair, count } = await setup(tempDir());
    const inc = await call('incidents:create', INCIDENT);
    await call('response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' });
    for (const c of terminationConditions('environment')) {
      await call('response:confirm-condition', { incidentId: inc.id, conditionId: c.id, by: '指挥长' });
    }
    // The response's own end entry is written after the status change: the last step fails.
    await breakTimeline(`NEW.kind = 'action' AND json_extract(NEW.data, '$.response') = 'end'`);

    await expect(
      call('response:end', { incidentId: inc.id, decidedBy: '指挥长', confirmUnsent: true }),
    ).rejects.toBeInstanceOf(Refused);

    expect(
      await count('SELECT COUNT(*) AS n FROM responses WHERE incident_id = ? AND ended_at IS NOT NULL', inc.id),
    ).toBe(0);
    const after = await call('incidents:get', { id: inc.id });
    expect(after.status).toBe('响应中');
    expect(after.timeline.some((e) => e.kind === 'status' && e.data?.to === '已终止')).toBe(false);
    expect((await call('response:get', { incidentId: inc.id })).state).toBe('active');

    await repair();
    const ended = await call('response:end', { incidentId: inc.id, decidedBy: '指挥长', confirmUnsent: true });
    expect(ended.state).toBe('ended');
    const closed = await call('incidents:get', { id: inc.id });
    expect(closed.status).toBe('已终止');
    // The response's end time is the status change's time: one stamp for both.
    expect(closed.timeline.filter((e) => e.kind === 'status' && e.data?.to === '已终止').at(-1)!.at).toBe(
      ended.endedAt,
    );
    await s.close();
  });
});
