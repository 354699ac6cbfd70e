/**
 * Alarm acknowledgements in the duty log: who pressed 确认告警（停止响铃）, when (Beijing time), and
 * which incidents and clocks it covered, in the day it was given and its exports; nothing of other days.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller, clock } from './call';

const INCIDENT = {
  ...ENV_INPUT,
  levelOverride: null,
  responseOverride: null,
  discoveredAt: null,
  occurredAt: '2026-11-29T09:30:00+08:00',
  receivedAt: '2026-11-29T09:40:00+08:00',
};

describe('alarm acknowledgements in the duty log', () => {
  const tempDir = useTempDirs();

  it('lists each acknowledgement of the day with who gave it, when, and the incident and clocks it covered', async () => {
    const t = clock('2026-11-29T09:45:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const inc = await call('incidents:create', INCIDENT);
    const monitored = inc.clocks.filter((c) => c.owner?.kind === 'monitored');
    const province = inc.clocks.find((c) => c.owner?.kind === 'room')!;
    expect(monitored).toHaveLength(2);

    // 10:52: the county department's two clocks (due 10:40) are acknowledged at one press.
    t.set('2026-11-29T10:52:00+08:00');
    for (const c of monitored) await call('alarms:ack', { clockKey: c.key });
    // The next morning, after the shift change: another duty day's acknowledgement.
    t.set('2026-11-30T09:05:00+08:00');
    await call('alarms:ack', { clockKey: province.key });

    const { log, form } = await call('duty-log:get', { day: '2026-11-29' });
    const acks = log.sections.flatMap((x) => x.rows).filter((r) => r.kind === '告警确认');
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ time: '10:52', officer: '赵珺', incidentId: String(inc.id) });
    for (const c of monitored) {
      expect(acks[0]!.text).toContain(
        `督促生态环境部门（市局或县分局）${c.title}（截止 2026-11-29 10:40，确认时已超时）`,
      );
    }
    expect(acks[0]!.text).toMatch(/^赵珺确认告警（停止响铃），共2项：督促/);
    expect(acks[0]!.text).not.toContain(province.title);
    // In time order with the day's other facts, in the printed log too.
    const printed = form.entries.find((e) => e.category === '告警确认');
    expect(printed?.at).toBe(acks[0]!.at);
    expect(printed?.content).toContain('确认告警（停止响铃）');

    const next = (await call('duty-log:get', { day: '2026-11-30' })).log;
    const nextAcks = next.sections.flatMap((x) => x.rows).filter((r) => r.kind === '告警确认');
    expect(nextAcks.map((r) => [r.time, r.text.includes(province.title)])).toEqual([['09:05', true]]);

    // Exported with the rest of the day.
    const csv = (await call('duty-log:export', { day: '2026-11-29', format: 'csv' }))!;
    const text = readFileSync(csv.path, 'utf8');
    expect(text).toContain('告警确认');
    expect(text).toContain('赵珺确认告警（停止响铃），共2项');
    expect(text).not.toContain(`${province.title}（截止`);
    await s.close();
  });
});
