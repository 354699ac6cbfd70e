/**
 * Screenshots for the README: the real renderer in Chromium against the web host, with a few
 * sample incidents. `npx tsx scripts/screenshots.ts [--out docs]` (needs `npx electron-vite build`).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { signInDuty } from '../test/helpers/ui';
import { launchChromium, startWebApp } from '../test/helpers/web-app';

const outFlag = process.argv.indexOf('--out');
const out = resolve((outFlag >= 0 ? process.argv[outFlag + 1] : undefined) ?? 'docs');

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'duty-shots-'));
  const browser = await launchChromium();
  try {
    const app = await startWebApp(browser, dir);
    const { services, page } = app;
    await services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const now = Date.now();
    const base = {
      discoveredAt: null,
      reporterName: '',
      reporterPhone: '',
      receiveChannel: '电话' as const,
      drill: false,
      levelOverride: null,
      responseOverride: null,
    };
    await services.incidents.create({
      ...base,
      category: 'environment',
      title: '怀仁市化工厂储罐泄漏',
      places: ['怀仁市'],
      occurredAt: new Date(now - 95 * 60_000).toISOString(),
      receivedAt: new Date(now - 80 * 60_000).toISOString(),
      reporterUnit: '怀仁市生态环境分局',
      narrative: '储罐泄漏，周边村民不适',
      facts: { poisonedOrInjured: 15 },
    });
    await services.incidents.create({
      ...base,
      category: 'radiation',
      title: '平鲁区探伤机放射源丢失',
      places: ['平鲁区'],
      occurredAt: new Date(now - 30 * 60_000).toISOString(),
      receivedAt: new Date(now - 20 * 60_000).toISOString(),
      reporterUnit: '平鲁区生态环境分局',
      narrative: 'Ⅲ类源丢失',
      facts: { sourceClass: 3, sourceEvent: 'lost' },
    });
    await services.incidents.create({
      ...base,
      category: 'comms',
      title: '山阴县光缆中断',
      places: ['山阴县', '应县'],
      occurredAt: new Date(now - 12 * 60_000).toISOString(),
      receivedAt: new Date(now - 8 * 60_000).toISOString(),
      reporterUnit: '中国移动朔州分公司',
      narrative: '两县通信中断',
      facts: { countiesAffected: 2 },
    });
    await services.incidents.create({
      ...base,
      category: 'environment',
      title: '应急演练：桑干河水质异常',
      places: ['朔城区'],
      occurredAt: new Date(now - 5 * 60_000).toISOString(),
      receivedAt: new Date(now - 4 * 60_000).toISOString(),
      reporterUnit: '市生态环境局',
      narrative: '演练',
      facts: { waterProtectionZone: true },
      drill: true,
    });
    await page.reload();
    await signInDuty(page);
    await page.getByTestId('incident-table').waitFor();
    await page.waitForTimeout(1500);
    // The board with its live alarm notices (one per incident, bottom right).
    await page.screenshot({ path: join(out, 'board.png') });
    await page.getByTestId('incident-link').filter({ hasText: '怀仁市化工厂储罐泄漏' }).click();
    await page.getByTestId('clock-table').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(out, 'incident.png') });
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });

    // Roster search merged per unit.
    await page.getByRole('menuitem', { name: '通讯录' }).click();
    await page.getByTestId('roster-title').waitFor();
    await page.getByTestId('roster-search').locator('input').fill('市生态环境局');
    await page.getByTestId('roster-search').locator('input').press('Enter');
    await page.getByTestId('search-results').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(out, 'roster-search.png') });

    // The 值班表 from today, today marked, and the header's flag against the schedule.
    const month = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
    }).format(new Date(now));
    await services.handlers['schedule:generate']({
      month,
      leaders: ['王镕', '张喆'],
      officers: ['钱赟', '孙敏', '周强'],
      replace: false,
      reason: '',
      fromMonthStart: false,
    });
    await page.getByRole('menuitem', { name: '值班表' }).click();
    await page.getByTestId('schedule-table').locator('[data-today]').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(out, 'schedule.png') });
    await app.close();
    console.log(`screenshots written to ${out}`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
