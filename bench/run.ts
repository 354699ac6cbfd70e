/**
 * `npm run bench`: one line per figure, `name: value`, each a median or a ratio from this run.
 * Needs the built renderer (npx electron-vite build) and Debian's Chromium for the board figures.
 * A part that fails prints its figures as `failed` with the reason on stderr, and the run goes on:
 * one run always ends with every figure named.
 */
import { benchBoard } from './board-render';
import { benchClockTick } from './clock-tick';
import { benchHistory100k, HISTORY_100K_FIGURES, printHistory100k } from './history-100k';
import { benchPostgres } from './postgres';
import { benchIncidentWriteRatio } from './write-ratio';
import { benchYearExportXlsxAlone } from './year-export';

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** Runs one part; on failure its figures are printed as failed and the next part runs. */
async function part(names: readonly string[], run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    console.error(`bench part failed (${names.join(', ')}):`, err);
    for (const name of names) console.log(`${name}: failed`);
  }
}

async function main(): Promise<void> {
  await part(['incident-write-ratio', 'incident-storage-ratio'], async () => {
    const write = await benchIncidentWriteRatio();
    console.log(`incident-write-ratio: ${round(write.ratio)}`);
    console.log(`incident-storage-ratio: ${round(write.storageRatio)}`);
  });
  // PostgreSQL for several seats (issue 17): on DUTY_BENCH_DATABASE_URL or a throwaway local cluster.
  await part(['pg-incident-write-ratio', 'seat-propagation-ms'], async () => {
    const pg = await benchPostgres();
    console.log(`pg-incident-write-ratio: ${round(pg.writeRatio)}`);
    console.log(`seat-propagation-ms: ${round(pg.propagationMs, 1)}`);
  });
  await part(['board-render-1000-ms', 'clock-tick-ms', 'clock-tick-render-ms'], async () => {
    const board = await benchBoard(1000);
    console.log(`board-render-1000-ms: ${round(board.boardRenderMs, 1)}`);
    // The pure recompute of 3,000 clocks (shared/clocks) — what every tick costs whatever is on screen.
    console.log(`clock-tick-ms: ${round(benchClockTick())}`);
    // The same tick as rendered by React in Chromium for the board of 1,000 incidents.
    console.log(`clock-tick-render-ms: ${round(board.tickRenderMs)}`);
  });
  await part(['year-export-xlsx-s'], async () => {
    // In a fresh process, away from the parts above (see year-export.ts).
    console.log(`year-export-xlsx-s: ${round(benchYearExportXlsxAlone())}`);
  });
  // The ten-year history (100,000 incidents): one line per figure, see bench/history-100k.ts.
  await part(HISTORY_100K_FIGURES, async () => printHistory100k(await benchHistory100k()));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
