/**
 * The 100k figures: a ten-year history (bench/history-seed.ts) read through the real services, as
 * the UI calls them (dispatch), each measurement in a fresh process on its own copy of the seeded
 * file so resident memory is the service process's own. Run alone with `npx tsx bench/history-100k.ts`.
 *
 * - board-list-100k-ms: the board's list (open incidents), median of 15 calls
 * - history-search-100k-ms: a search over all statuses, first page, median of 7
 * - stats-year-100k-ms: statistics for the last 365 days, median of 5
 * - cold-start-100k-ms: opening the services (alarms running, as the app does) to the first board list
 * - duty-log-100k-ms: today's 值班日志, median of 5
 * - write-during-reads-ms: median registration while 50 board lists are in flight
 * - rss-100k-mb: peak resident memory of the service process through all of the above
 * - export-all-100k-rss-mb: peak resident memory of a fresh service process writing the full export
 * - import-all-100k-rss-mb: peak resident memory of a fresh, empty install importing that export by file name
 * - board-render-100k-ms / renderer-first-board-ms: the built renderer in Chromium (web host): the
 *   board's render once its list came, and from navigation to the board shown, median of 5 reloads
 *   of a logged-in, settled page
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dispatch } from '../electron/ipc/dispatch';
import { webHostPrinter } from '../electron/print/printer';
import { createAppServices, DATABASE_FILE, type AppServices } from '../electron/services/app-services';
import { OPEN_STATUSES } from '../shared/domain/incident';
import { describeSeeded, keysDirOf, seededKeysDir, seedHistory } from './history-seed';
import { SETTLED } from './page-settled';
import { median } from './write-ratio';

/** The board's call: the open incidents, one page of the largest size (as IncidentBoard asks). */
const BOARD = { statuses: [...OPEN_STATUSES], drills: 'include', limit: 500, clocks: 'open' } as const;
/** A two-character word, as an officer types it, over all statuses: the first page. */
const SEARCH = { search: '泄漏', drills: 'include' } as const;

async function call(h: AppServices['handlers'], channel: string, args: unknown): Promise<unknown> {
  const res = await dispatch(h, channel, args);
  if (!res.ok) throw new Error(`${channel}: ${res.error.message}`);
  return res.value;
}

/** Progress on stderr (stdout carries the figures). */
const note = (what: string): void => {
  if (process.env.BENCH_VERBOSE) console.error(`  [100k] ${what}`);
};

async function timed(name: string, fn: () => Promise<unknown>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  note(`${name}: ${times.map((t) => t.toFixed(0)).join(' ')}`);
  return median(times);
}

const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024;

/** A data folder holding a copy of the seeded file, with its chain key and anchor beside it. */
function freshCopy(seeded: string, root: string, name: string): string {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  rmSync(keysDirOf(dir), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(seeded, join(dir, DATABASE_FILE));
  cpSync(seededKeysDir(seeded), keysDirOf(dir), { recursive: true });
  return dir;
}

/** In the child process: the read figures, then the write under load, on `dir`. */
async function probeReads(dir: string): Promise<Record<string, number>> {
  const t0 = performance.now();
  const services = await createAppServices({ dataDir: dir, host: 'web', printer: webHostPrinter(dir) });
  await call(services.handlers, 'incidents:list', BOARD);
  const coldStart = performance.now() - t0;
  note(`cold start ${coldStart.toFixed(0)}`);
  const h = services.handlers;
  try {
    const board = await timed('board', () => call(h, 'incidents:list', BOARD), 15);
    const search = await timed('search', () => call(h, 'incidents:list', SEARCH), 7);
    const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString();
    const stats = await timed(
      'stats',
      () => call(h, 'data:stats', { from: yearAgo, to: new Date().toISOString(), includeDrills: false }),
      5,
    );
    const dutyLog = await timed('duty-log', () => call(h, 'duty-log:get', {}), 5);
    const writes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const reads = Array.from({ length: 50 }, () => call(h, 'incidents:list', BOARD));
      const t = performance.now();
      await call(h, 'incidents:create', {
        category: 'environment',
        title: `负载下登记${i}`,
        places: ['朔城区'],
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        receivedAt: new Date(Date.now() - 1_800_000).toISOString(),
        narrative: '基准测试',
        facts: { poisonedOrInjured: 12 },
      });
      writes.push(performance.now() - t);
      note(`write during reads ${(performance.now() - t).toFixed(0)}`);
      await Promise.all(reads);
    }
    return {
      'board-list-100k-ms': board,
      'history-search-100k-ms': search,
      'stats-year-100k-ms': stats,
      'cold-start-100k-ms': coldStart,
      'duty-log-100k-ms': dutyLog,
      'write-during-reads-ms': median(writes),
      'rss-100k-mb': maxRssMb(),
    };
  } finally {
    await services.close();
  }
}

/** In the child process: the full JSON export and the process's peak memory meanwhile. */
async function probeExport(dir: string): Promise<Record<string, number>> {
  const services = await createAppServices({ dataDir: dir, host: 'web', printer: webHostPrinter(dir), alarms: false });
  try {
    await call(services.handlers, 'data:export-all', {});
    return { 'export-all-100k-rss-mb': maxRssMb() };
  } finally {
    await services.close();
  }
}

/**
 * In the child process: the export `probeExport` wrote in `from` imported by file name into a fresh,
 * empty install beside it, and the process's peak memory meanwhile.
 */
async function probeImport(from: string): Promise<Record<string, number>> {
  const dir = join(from, '..', 'import-into');
  const fileName = readdirSync(join(from, 'exports')).find((f) => f.endsWith('.json'));
  if (!fileName) throw new Error(`no full export in ${from}`);
  mkdirSync(join(dir, 'exports'), { recursive: true });
  renameSync(join(from, 'exports', fileName), join(dir, 'exports', fileName));
  const services = await createAppServices({ dataDir: dir, host: 'web', printer: webHostPrinter(dir), alarms: false });
  try {
    const t = performance.now();
    await call(services.handlers, 'data:import-all', { fileName });
    note(`import-all: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return { 'import-all-100k-rss-mb': maxRssMb() };
  } finally {
    await services.close();
  }
}

function runProbe(mode: 'reads' | 'export' | 'import', dir: string): Record<string, number> {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--probe', mode, dir],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = out.trim().split('\n').at(-1) ?? '{}';
  // the probe prints one JSON object of numbers as its last line
  return JSON.parse(line) as Record<string, number>;
}

/** The board in Chromium against the web host over the seeded history. */
async function probeRenderer(dir: string): Promise<Record<string, number>> {
  // Loaded here, not at the top: the probe processes run this file too, and the browser harness
  // (playwright-core, vitest) would count in the service process's resident memory.
  const { launchChromium, startWebApp } = await import('../test/helpers/web-app');
  const { signInDuty } = await import('../test/helpers/ui');
  const browser = await launchChromium();
  try {
    const app = await startWebApp(browser, dir);
    try {
      // On the ten-year history, log-in to the header naming the officer can take over the default 30 s.
      app.page.setDefaultTimeout(120_000);
      // The board is shown to a seat on duty (issue 18): log in once; each reload keeps the session.
      await signInDuty(app.page);
      const renders: number[] = [];
      const firstShown: number[] = [];
      for (let i = 0; i < 5; i++) {
        // An officer reloads a settled page: the load before has finished its own work (its strips,
        // alarms and frame calls), which would otherwise hold up the old page's unload and count here.
        await app.page.evaluate(SETTLED);
        await app.page.reload();
        await app.page.waitForFunction(() => (window.__dutyPerf?.boardShownAt.length ?? 0) > 0, null, {
          timeout: 120_000,
        });
        renders.push(await app.page.evaluate(() => window.__dutyPerf?.boardRenders.at(-1) ?? NaN));
        firstShown.push(await app.page.evaluate(() => window.__dutyPerf?.boardShownAt[0] ?? NaN));
      }
      return { 'board-render-100k-ms': median(renders), 'renderer-first-board-ms': median(firstShown) };
    } finally {
      await app.close();
    }
  } finally {
    await browser.close();
  }
}

export interface History100k {
  figures: Record<string, number>;
  seeded: Awaited<ReturnType<typeof seedHistory>>;
}

/**
 * `seededFile`: a history seeded earlier (`--seeded FILE`), to measure again without seeding;
 * `only`: run just these probes (`--only renderer`, or `reads,export`); `npm run bench` runs all.
 */
export async function benchHistory100k(seededFile?: string, only?: readonly string[]): Promise<History100k> {
  const root = mkdtempSync(join(tmpdir(), 'duty-bench-100k-'));
  try {
    const seeded = seededFile ? await describeSeeded(seededFile) : await seedHistory(root);
    const figures: Record<string, number> = {};
    // Each probe on its own copy; one that fails is reported and leaves its figures out, the others run.
    const probes: [string, () => Promise<Record<string, number>>][] = [
      ['reads', async () => runProbe('reads', freshCopy(seeded.file, root, 'reads'))],
      ['export', async () => runProbe('export', freshCopy(seeded.file, root, 'export'))],
      [
        'import',
        async () => {
          const from = freshCopy(seeded.file, root, 'import-from');
          runProbe('export', from);
          return runProbe('import', from);
        },
      ],
      ['renderer', () => probeRenderer(freshCopy(seeded.file, root, 'renderer'))],
    ];
    for (const [name, probe] of probes) {
      if (only && !only.includes(name)) continue;
      try {
        Object.assign(figures, await probe());
      } catch (err) {
        console.error(`100k probe ${name} failed:`, err);
      }
    }
    return { figures, seeded };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export const HISTORY_100K_FIGURES: readonly string[] = [
  'board-list-100k-ms',
  'history-search-100k-ms',
  'stats-year-100k-ms',
  'cold-start-100k-ms',
  'duty-log-100k-ms',
  'export-all-100k-rss-mb',
  'import-all-100k-rss-mb',
  'rss-100k-mb',
  'write-during-reads-ms',
  'board-render-100k-ms',
  'renderer-first-board-ms',
];

/** Every figure, a missing one as failed; `measuredOnly` (a run of some probes) prints just those measured. */
export function printHistory100k(r: History100k, measuredOnly = false): void {
  const s = r.seeded;
  console.error(
    `(100k history: ${s.incidents} incidents, ${s.open} open, ${s.timelineEntries} timeline entries, ${s.clockRecords} clock records; seeded in ${s.seedSeconds.toFixed(0)} s)`,
  );
  for (const name of HISTORY_100K_FIGURES) {
    const v = r.figures[name];
    if (measuredOnly && v === undefined) continue;
    console.log(`${name}: ${v === undefined || Number.isNaN(v) ? 'failed' : Number(v.toFixed(1))}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const probe = process.argv.indexOf('--probe');
  const run =
    probe >= 0
      ? (process.argv[probe + 1] === 'export'
          ? probeExport
          : process.argv[probe + 1] === 'import'
            ? probeImport
            : probeReads)(process.argv[probe + 2] ?? '').then((f) => console.log(JSON.stringify(f)))
      : benchHistory100k(
          process.argv.includes('--seeded') ? process.argv[process.argv.indexOf('--seeded') + 1] : undefined,
          process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]?.split(',') : undefined,
        ).then((r) => printHistory100k(r, process.argv.includes('--only')));
  run.catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
