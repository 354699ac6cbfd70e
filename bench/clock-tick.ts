/**
 * One tick of the board's countdowns: state and text of every clock of 1,000 open incidents
 * (3,000 clocks), each incident's most urgent clock, the board order and the 30-minute strip.
 * Goal: at most 2 ms per tick. Run alone with `npx tsx bench/clock-tick.ts`.
 */
import { pathToFileURL } from 'node:url';
import {
  clockStateInto,
  dueWithin,
  mostUrgent,
  urgencyKey,
  type ClockState,
  type TrackedClock,
} from '../shared/clocks/state';

const MIN = 60_000;
const INCIDENTS = 1_000;
const CLOCKS_PER_INCIDENT = 3;

interface BenchIncident {
  id: number;
  clocks: TrackedClock[];
  states: ClockState[];
  /** Urgency of the incident's most urgent clock, refreshed each tick. */
  urgency: number;
}

function makeIncidents(nowMs: number): BenchIncident[] {
  const out: BenchIncident[] = [];
  // A deterministic spread: overdue, due soon, pending and closed clocks, as on a busy day.
  let seed = 42;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let i = 1; i <= INCIDENTS; i++) {
    const clocks: TrackedClock[] = [];
    for (let j = 0; j < CLOCKS_PER_INCIDENT; j++) {
      const dueAt = nowMs + Math.round((rand() * 300 - 90) * MIN);
      const r = rand();
      clocks.push({
        key: `${i}:c${j}`,
        incidentId: i,
        clockId: `c${j}`,
        title: ['电话报告', '书面报告', '续报'][j] ?? '报告',
        startsAt: new Date(dueAt - 60 * MIN).toISOString(),
        dueAt: new Date(dueAt).toISOString(),
        completedAt: r < 0.15 ? new Date(dueAt - 5 * MIN).toISOString() : null,
        notApplicable: r >= 0.15 && r < 0.2,
      });
    }
    out.push({
      id: i,
      clocks,
      states: clocks.map(() => ({ state: 'pending', label: '', remainingMs: 0, text: '' })),
      urgency: 0,
    });
  }
  return out;
}

let sink = 0;

function tick(incidents: BenchIncident[], order: BenchIncident[], allClocks: TrackedClock[], nowMs: number) {
  for (const inc of incidents) {
    const { clocks, states } = inc;
    for (let j = 0; j < clocks.length; j++) {
      // j is inside both arrays, which have the same length
      clockStateInto(states[j] as ClockState, clocks[j] as TrackedClock, nowMs);
    }
    const top = mostUrgent(clocks, nowMs);
    inc.urgency = top ? urgencyKey(top) : Number.MAX_SAFE_INTEGER;
  }
  order.sort((a, b) => a.urgency - b.urgency || a.id - b.id);
  const strip = dueWithin(allClocks, nowMs, 30);
  sink += strip.length + (order[0]?.states[0]?.text.length ?? 0);
}

/** Median milliseconds of one tick over `ticks` ticks, one second apart. */
export function benchClockTick(ticks = 200): number {
  const start = Date.parse('2021-09-08T10:00:00+08:00');
  const incidents = makeIncidents(start);
  const order = [...incidents];
  const allClocks = incidents.flatMap((inc) => inc.clocks);
  for (let w = 0; w < 50; w++) tick(incidents, order, allClocks, start - (50 - w) * 1000);
  const times: number[] = [];
  for (let t = 0; t < ticks; t++) {
    const t0 = performance.now();
    tick(incidents, order, allClocks, start + t * 1000);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  if (sink < 0) console.log(sink); // keeps the work observable
  return times[Math.floor(times.length / 2)] ?? NaN;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`clock-tick-ms: ${benchClockTick().toFixed(3)}`);
}
