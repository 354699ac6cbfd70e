/**
 * year-export-xlsx-s: seconds to compile a year of duty logs (100,000 events, compileDutyLog per
 * duty day) and export them to XLSX in memory. Median of three runs; synthetic data is made once,
 * outside the timing. Run alone with `npx tsx bench/year-export.ts`.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dutyLogRangeTables } from '../electron/exports/tables';
import { toXlsx } from '../electron/exports/xlsx';
import { DEFAULT_SHIFT_CONFIG } from '../shared/schedule/index';
import { addDays } from '../shared/time';
import { compileDutyLog, groupByDutyDay, type DutyEvent, type DutyEventKind } from '../shared/stats/duty-log';

const EVENTS = 100_000;
const RUNS = 3;

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: DutyEventKind[] = ['接报', '状态', '来电', '去电', '报告', '续报', '批示', '时限', '交接班', '备注'];
const PLACES = ['朔城区', '平鲁区', '山阴县', '应县', '右玉县', '怀仁市', '朔州经济开发区'];
const OFFICERS = ['张伟', '刘洋', '陈静', '杨帆', '周敏'];

export function syntheticYear(count = EVENTS, seed = 20251001): DutyEvent[] {
  const rnd = mulberry32(seed);
  const start = Date.parse('2025-01-01T08:30:00+08:00');
  const span = 365 * 24 * 3600_000;
  const events: DutyEvent[] = [];
  for (let i = 0; i < count; i++) {
    const incident = Math.floor(rnd() * 4000);
    // an index inside the array's bounds (noUncheckedIndexedAccess)
    const kind = KINDS[Math.floor(rnd() * KINDS.length)] as DutyEventKind;
    const place = PLACES[incident % PLACES.length] as string;
    events.push({
      at: new Date(start + Math.floor(rnd() * span)).toISOString(),
      kind,
      incidentId: incident,
      incidentTitle: `${place}第${incident}号突发事件`,
      text: `${kind}：${place}值班室电话告知，已核实现场情况并报告带班领导，按预案要求续报（记录${i}）`,
      // an index inside the array's bounds (noUncheckedIndexedAccess)
      officer: OFFICERS[i % OFFICERS.length] as string,
      ...(kind === '时限' ? { clockOutcome: rnd() < 0.9 ? ('onTime' as const) : ('late' as const) } : {}),
    });
  }
  return events;
}

async function once(events: DutyEvent[]): Promise<{ seconds: number; rows: number; bytes: number }> {
  const t0 = performance.now();
  const groups = groupByDutyDay(events, DEFAULT_SHIFT_CONFIG);
  const logs = [];
  for (let day = '2024-12-31'; day <= '2025-12-31'; day = addDays(day, 1)) {
    const dayEvents = groups.get(day);
    if (dayEvents) logs.push(compileDutyLog({ day, config: DEFAULT_SHIFT_CONFIG, events: dayEvents }));
  }
  const tables = dutyLogRangeTables(logs, '2025年值班日志');
  const buf = await toXlsx(tables);
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, rows: tables[1]?.rows.length ?? 0, bytes: buf.length };
}

export async function benchYearExportXlsx(): Promise<number> {
  const events = syntheticYear();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await once(events);
    if (r.rows !== EVENTS) throw new Error(`year export wrote ${r.rows} rows, expected ${EVENTS}`);
    times.push(r.seconds);
  }
  times.sort((a, b) => a - b);
  // the middle of the RUNS timings; the array is never empty
  return times[Math.floor(times.length / 2)] as number;
}

/**
 * The same in a process of its own, as the ten-year figures are measured: run after the board's
 * Chromium and the PostgreSQL parts in one process, its garbage collection worked through their
 * leftovers too (about 0.2–0.5 s more in this machine's runs).
 */
export function benchYearExportXlsxAlone(): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const m = /^year-export-xlsx-s: ([\d.]+)$/m.exec(out);
  if (!m) throw new Error(`year export printed no figure: ${out}`);
  return Number(m[1]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchYearExportXlsx()
    .then((s) => console.log(`year-export-xlsx-s: ${Number(s.toFixed(3))}`))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
