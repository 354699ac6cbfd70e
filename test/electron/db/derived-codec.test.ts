/**
 * The compact stored form of a derivation reads back exactly what the rules derived: the same
 * JSON, key for key and in the same order, for incidents of every plan worked through the real
 * services (reports, 不适用, a level change, a 续报 cycle, a response ended), and for values the
 * shapes do not describe or that differ from what the rules compose.
 */
import { describe, expect, it } from 'vitest';
import { decodeDerivation, encodeDerivation } from '../../../electron/db/derived-codec';
import type { IncidentClock, IncidentGrading } from '../../../shared/domain/incident-view';
import { ENV_INPUT, makeServices } from '../../helpers/services';
import { useTempDirs } from '../../helpers/temp-dir';

const NOW = Date.parse('2026-11-20T08:00:00.000Z');

describe('the stored form of a derivation (issue 14)', () => {
  const tempDir = useTempDirs();

  it('reads back exactly what the rules derived, for incidents of every plan as a duty room works them', async () => {
    let now = NOW;
    const s = await makeServices(tempDir(), { now: () => new Date(now) });
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const base = { ...ENV_INPUT, levelOverride: null, responseOverride: null, discoveredAt: null };
    const inputs = [
      { ...base, facts: { poisonedOrInjured: 12 } },
      { ...base, category: 'radiation' as const, facts: { sourceClass: 3, sourceEvent: 'lost' } },
      { ...base, category: 'comms' as const, facts: { countiesAffected: 1 } },
      { ...base, category: 'fire' as const, facts: {} },
      { ...base, facts: {}, drill: true },
    ];
    const ids: number[] = [];
    for (const [i, input] of inputs.entries()) {
      const received = now - 30 * 60_000;
      let d = await s.incidents.create({
        ...input,
        title: `事件${i}`,
        occurredAt: new Date(received - 10 * 60_000).toISOString(),
        receivedAt: new Date(received).toISOString(),
      });
      now += 10 * 60_000;
      if (i === 0) {
        // A level change: the old level's clocks close as 级别调整.
        d = await s.incidents.update({ id: d.id, patch: { facts: { deaths: 12 }, reason: '核实死亡12人' } });
      }
      for (const [k, c] of d.clocks.filter((x) => !x.record).entries()) {
        const clockId = c.obligationKey ?? c.clockId;
        if (k === 0)
          await s.incidents.completeClock({
            incidentId: d.id,
            clockId,
            completedAt: new Date(now).toISOString(),
            channel: c.channel === 'written' ? '书面' : '电话',
            recipientUnit: '市应急管理局',
            recipientName: '李明',
          });
        if (k === 1) await s.incidents.markNotApplicable({ incidentId: d.id, clockId, reason: '经核实不属于该类事件' });
      }
      if (i === 1) await s.incidents.setReporting({ id: d.id, followUpMinutes: 120 });
      if (i === 2) await s.incidents.setStatus({ id: d.id, status: '已终止', note: '处置完毕', confirmUnsent: true });
      ids.push(d.id);
    }
    let clocks = 0;
    for (const id of ids) {
      const d = await s.incidents.get(id);
      const derived = { grading: d.grading, clocks: d.clocks };
      clocks += d.clocks.length;
      const stored = encodeDerivation(id, derived);
      // The same JSON text: every key, in the same order, nothing added or lost.
      expect(JSON.stringify(decodeDerivation(id, stored))).toBe(JSON.stringify(derived));
      // Written in the compact form, not as the plain JSON fallback.
      expect(stored.clocks.startsWith('[3,')).toBe(true);
      expect(stored.grading.startsWith('[3,')).toBe(true);
      if (d.clocks.length > 0) {
        expect(stored.clocks.length).toBeLessThan(JSON.stringify(d.clocks).length / 2);
      }
    }
    expect(clocks).toBeGreaterThan(10);
    await s.close();
  });

  it('a value that differs from what the rules compose is kept as it is, and an undescribed one falls back to plain JSON', () => {
    const grading: IncidentGrading = {
      gradedLevel: null,
      gradedResponse: null,
      level: '一般',
      response: null,
      reasons: [],
      responseReasons: [],
      notices: [{ clause: '5.1.1(3)', text: '级别暂不能确定的，先按一般报告' }],
      planName: '朔州市突发环境事件应急预案',
      planDocument: '朔政办发〔2021〕43号',
    };
    const clock: IncidentClock = {
      key: '7:env.initial@一般#0',
      incidentId: 7,
      clockId: 'env.initial',
      title: '初报',
      from: '值班室',
      to: '市人民政府',
      minutes: 60,
      startsAt: '2026-11-20T08:00:00.000Z',
      dueAt: '2026-11-20T09:00:00.000Z',
      clause: '5.1.1(2)',
      citation: '依据《朔州市突发环境事件应急预案》5.1.1(2)',
      channel: 'phone',
      optional: false,
      record: {
        clockId: 'env.initial',
        completedAt: null,
        channel: null,
        recipientUnit: null,
        recipientName: null,
        notApplicableReason: '不适用：已并入其他报告',
        officer: '',
        recordedAt: '2026-11-20T08:30:00.000Z',
      },
      obligationKey: 'env.initial@一般#0',
      levelLabel: '一般',
      owner: { kind: 'room', unit: '市政府（本值班室）' },
      window: '1小时内',
      immediate: false,
      closure: { kind: 'not_applicable', at: '2026-11-20T08:30:00.000Z', reason: null, lateMs: 0 },
      anchorNote: '发生时间不详，以发现时间计',
      source: 'plan',
      phonedAt: null,
    };
    const cases: { grading: IncidentGrading; clocks: IncidentClock[] }[] = [
      { grading, clocks: [clock] },
      // Not what the rules compose: another incident's key, another citation, a record under the clock's own id.
      {
        grading,
        clocks: [
          {
            ...clock,
            key: '8:env.initial@一般#0',
            citation: '本值班室规定',
            closure: { ...clock.closure!, at: clock.dueAt },
          },
        ],
      },
      // No plan, no record, no closure, no owner.
      {
        grading: { ...grading, planName: null, planDocument: null },
        clocks: [{ ...clock, record: null, closure: null, owner: undefined }].map(({ owner: _owner, ...c }) => c),
      },
    ];
    for (const d of cases) {
      const stored = encodeDerivation(7, d);
      expect(stored.clocks.startsWith('[3,')).toBe(true);
      expect(JSON.stringify(decodeDerivation(7, stored))).toBe(JSON.stringify(d));
    }
    // A key the shapes do not know, or keys in another order: plain JSON, read back as it was.
    const unknown = { grading, clocks: [{ ...clock, extra: 1 } as IncidentClock] };
    const { planDocument, ...rest } = grading;
    const reordered = { grading: { planDocument, ...rest }, clocks: [clock] };
    for (const d of [unknown, reordered]) {
      expect(JSON.stringify(decodeDerivation(7, encodeDerivation(7, d)))).toBe(JSON.stringify(d));
    }
    expect(encodeDerivation(7, unknown).clocks).toBe(JSON.stringify(unknown.clocks));
    // Stored before this form (plain JSON): still read as it is.
    expect(decodeDerivation(7, { grading: JSON.stringify(grading), clocks: JSON.stringify([clock]) })).toEqual({
      grading,
      clocks: [clock],
    });
  });
});
