/**
 * board-render-1000-ms and the rendered part of a countdown tick: the real renderer in Chromium
 * against the web host, with 1,000 open incidents (about 3,000 clocks).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInDuty } from '../test/helpers/ui';
import { launchChromium, startWebApp } from '../test/helpers/web-app';
import { SETTLED } from './page-settled';
import { median } from './write-ratio';

export async function seedIncidents(
  services: Awaited<ReturnType<typeof startWebApp>>['services'],
  count: number,
): Promise<void> {
  await services.incidents.setDuty({ leader: '带班领导', officer: '值班员' });
  const places = ['朔城区', '平鲁区', '山阴县', '应县', '右玉县', '怀仁市', '朔州经济开发区'];
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const occurred = now - ((i * 7) % 300) * 60_000;
    await services.incidents.create({
      category: (['environment', 'radiation', 'comms'] as const)[i % 3]!,
      title: `事件${i + 1}`,
      places: [places[i % places.length]!],
      occurredAt: new Date(occurred).toISOString(),
      discoveredAt: null,
      receivedAt: new Date(occurred + 5 * 60_000).toISOString(),
      reporterUnit: '',
      reporterName: '',
      reporterPhone: '',
      receiveChannel: '电话',
      narrative: '',
      facts:
        i % 3 === 1
          ? { sourceClass: 3, sourceEvent: 'lost' }
          : i % 3 === 2
            ? { countiesAffected: 1 }
            : { poisonedOrInjured: 12 },
      drill: false,
      levelOverride: null,
      responseOverride: null,
    });
  }
}

export async function benchBoard(count = 1000): Promise<{ boardRenderMs: number; tickRenderMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'duty-bench-board-'));
  const browser = await launchChromium();
  try {
    const app = await startWebApp(browser, dir);
    await seedIncidents(app.services, count);
    // The board is shown to a seat on duty (issue 18): log in once; a reload keeps the session.
    await signInDuty(app.page);
    const renders: number[] = [];
    for (let i = 0; i < 5; i++) {
      // As an officer reloads: a settled page (see history-100k.ts).
      await app.page.evaluate(SETTLED);
      await app.page.reload();
      await app.page.waitForFunction(() => (window.__dutyPerf?.boardRenders.length ?? 0) > 0, null, {
        timeout: 60_000,
      });
      renders.push(await app.page.evaluate(() => window.__dutyPerf!.boardRenders.at(-1)!));
    }
    // Ticks of the settled board: the first seconds after a load also hold what the load started
    // (the strip, the alarms of 3,000 clocks, the frame's calls), which is not a tick's cost.
    await app.page.evaluate(SETTLED);
    const from = await app.page.evaluate(() => window.__dutyPerf!.ticks.length);
    await app.page.waitForFunction((n) => (window.__dutyPerf?.ticks.length ?? 0) >= n + 10, from, { timeout: 60_000 });
    const ticks = await app.page.evaluate((n) => window.__dutyPerf!.ticks.slice(n, n + 10), from);
    await app.close();
    return { boardRenderMs: median(renders), tickRenderMs: median(ticks) };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
