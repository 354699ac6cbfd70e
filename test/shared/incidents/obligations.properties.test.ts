import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeObligations, procedureRank } from '../../../shared/incidents/obligations';
import type { LevelChange, Obligation, ObligationsInput, ReportEvent } from '../../../shared/incidents/obligations';
import { LEVEL_ORDER } from '../../../shared/rules';
import type { Level } from '../../../shared/rules';

const RECEIVED = Date.parse('2021-09-08T09:30:00+08:00');
const MIN = 60_000;
const NOW = RECEIVED + 720 * MIN;
const at = (m: number) => new Date(RECEIVED + m * MIN).toISOString();

const RECIPIENTS = [
  '本级人民政府',
  '上一级生态环境部门',
  '省生态环境厅',
  '生态环境部',
  '省人民政府',
  '市人民政府',
  '本级政府',
  '上一级相关部门',
  '省级相关部门',
  '省政府',
  '市政府',
  '事发地县级生态环境部门和公安部门',
];
const level = fc.constantFrom<Level | null>(...LEVEL_ORDER, null);

/** An incident with a level history and reports, all within 12 hours of 接报. */
const scenario = fc
  .record({
    plan: fc.constantFrom('environment' as const, 'radiation' as const),
    initialLevel: level,
    steps: fc.array(fc.tuple(fc.integer({ min: 0, max: 600 }), level), { maxLength: 4 }),
    reports: fc.array(
      fc.record({
        m: fc.integer({ min: -30, max: 720 }),
        to: fc.constantFrom(...RECIPIENTS),
        channel: fc.constantFrom('phone' as const, 'written' as const, 'fax' as const),
      }),
      { maxLength: 8 },
    ),
    sensitive: fc.boolean(),
    county: fc.boolean(),
  })
  .map(({ plan, initialLevel, steps, reports, sensitive, county }) => {
    const sorted = [...steps].sort((a, b) => a[0] - b[0]);
    let from = initialLevel;
    const changes: (LevelChange & { m: number })[] = [];
    for (const [m, to] of sorted) {
      changes.push({ from, to, effectiveAt: at(m), by: '值班员', reason: '核实', m });
      from = to;
    }
    const input: ObligationsInput = {
      plan,
      initialLevel,
      facts:
        plan === 'environment' ? (sensitive ? { heavyMetals: true } : {}) : sensitive ? { peopleExposed: true } : {},
      occurredAt: at(-90),
      discoveredAt: at(-60),
      receivedAt: at(0),
      places: county ? ['山阴县'] : [],
      changes,
      reports: reports.map((r): ReportEvent => ({ at: at(r.m), to: r.to, channel: r.channel })),
      now: new Date(NOW).toISOString(),
    };
    return { input, changes, reports };
  });

const cut = (input: ObligationsInput, beforeMs: number): ObligationsInput => ({
  ...input,
  changes: (input.changes ?? []).filter((c) => Date.parse(c.effectiveAt) < beforeMs),
  reports: (input.reports ?? []).filter((r) => Date.parse(r.at) < beforeMs),
});
const byKey = (os: Obligation[]) => new Map(os.map((o) => [o.key, o]));

describe('level changes: properties over any history', () => {
  it('never dueAt ≤ startsAt; keys unique; every closure cites a real report or a reason', () => {
    fc.assert(
      fc.property(scenario, ({ input }) => {
        const os = computeObligations(input);
        expect(new Set(os.map((o) => o.key)).size).toBe(os.length);
        for (const o of os) {
          expect(Date.parse(o.dueAt)).toBeGreaterThan(Date.parse(o.startsAt));
          if (o.closure?.kind === 'met' && o.closure.report) expect(input.reports).toContain(o.closure.report);
          if (o.closure && o.closure.kind !== 'met') expect(o.closure.reason).toBeTruthy();
          expect(o.closure?.lateMs ?? 0).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('every obligation created by a change has startsAt = effectiveAt < dueAt', () => {
    fc.assert(
      fc.property(scenario, ({ input, changes }) => {
        for (const o of computeObligations(input)) {
          if (o.origin !== 'change') continue;
          const c = changes[o.segment - 1]!;
          expect(o.startsAt).toBe(new Date(c.effectiveAt).toISOString());
          expect(Date.parse(o.dueAt)).toBeGreaterThan(Date.parse(o.startsAt));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('an upgrade never extends a deadline already running: old open obligations keep theirs and stay open', () => {
    fc.assert(
      fc.property(scenario, ({ input, changes }) => {
        changes.forEach((c, i) => {
          const T = Date.parse(c.effectiveAt);
          const prev = i === 0 ? input.initialLevel : changes[i - 1]!.to;
          const facts = input.facts ?? {};
          if (procedureRank(input.plan, c.to, facts) < procedureRank(input.plan, prev, facts)) return;
          // Everything before T, then the same plus the upgrade itself.
          const reports = (input.reports ?? []).filter((r) => Date.parse(r.at) < T);
          const before = computeObligations({ ...input, reports, changes: changes.slice(0, i) });
          const after = byKey(computeObligations({ ...input, reports, changes: changes.slice(0, i + 1) }));
          for (const o of before) {
            if (o.closure) continue;
            const same = after.get(o.key);
            expect(same, o.key).toBeDefined();
            expect(same!.dueAt).toBe(o.dueAt);
            if (o.clockId !== 'room.pending-level') expect(same!.closure).toBeNull();
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('no change extends a deadline already running to the same recipient: it runs on, or the new one is due no later', () => {
    fc.assert(
      fc.property(scenario, ({ input, changes }) => {
        changes.forEach((c, i) => {
          const T = Date.parse(c.effectiveAt);
          const reports = (input.reports ?? []).filter((r) => Date.parse(r.at) < T);
          const before = computeObligations({ ...input, reports, changes: changes.slice(0, i) });
          const after = computeObligations({ ...input, reports, changes: changes.slice(0, i + 1) });
          const kept = byKey(after);
          for (const p of before) {
            if (p.closure || !(Date.parse(p.startsAt) < T && Date.parse(p.dueAt) > T)) continue;
            // Still open with its own deadline (an upgrade keeps it): that deadline still binds.
            const same = kept.get(p.key);
            if (same && !same.closure && same.dueAt === p.dueAt) continue;
            for (const o of after) {
              if (o.segment !== i + 1 || o.origin !== 'change' || o.closure?.kind === 'met') continue;
              if (o.from !== p.from || o.to !== p.to || o.channel !== p.channel) continue;
              expect(Date.parse(o.dueAt), `${o.key} after ${p.key}`).toBeLessThanOrEqual(Date.parse(p.dueAt));
            }
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('completed records are never lost: later events never change or remove what earlier ones closed', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 720 }), ({ input }, m) => {
        const early = computeObligations(cut(input, RECEIVED + m * MIN));
        const full = byKey(computeObligations(input));
        for (const o of early) {
          const same = full.get(o.key);
          expect(same, o.key).toBeDefined();
          expect([same!.startsAt, same!.dueAt, same!.level, same!.to]).toEqual([o.startsAt, o.dueAt, o.level, o.to]);
          if (o.closure) expect(same!.closure).toEqual(o.closure);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a downgrade closes every old open obligation it does not carry as 级别调整 at T, late by exactly its overdue time', () => {
    fc.assert(
      fc.property(scenario, ({ input, changes }) => {
        const full = computeObligations(input);
        for (const o of full) {
          if (o.closure?.kind !== 'level_change') continue;
          const T = Date.parse(o.closure.at);
          expect(changes.some((c) => Date.parse(c.effectiveAt) === T)).toBe(true);
          expect(o.closure.lateMs).toBe(Math.max(0, T - Date.parse(o.dueAt)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
