/**
 * Screenshots for the README: the real renderer in Chromium against the web host, with a few
 * sample incidents. `npx tsx scripts/screenshots.ts [--out docs]` (needs `npx electron-vite build`).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dispatch } from '../electron/ipc/dispatch';
import { confirmLeader, pickOption, signInDuty } from '../test/helpers/ui';
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
    // The notices closed for the drawer shots (they stay closed); the board shot below shows them.
    const closeNotices = async () => {
      const close = page.locator('.ant-notification-notice-close');
      while ((await close.count()) > 0) {
        await close.first().click();
        await page.waitForTimeout(400);
      }
    };
    await page.locator('.ant-notification-notice-close').first().waitFor();
    await closeNotices();
    await page.getByTestId('incident-link').filter({ hasText: '怀仁市化工厂储罐泄漏' }).click();
    await page.getByTestId('clock-table').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(out, 'incident.png') });

    // The law at hand: a clause citation opens the gazette's text at that clause, highlighted.
    await page.locator('[data-testid="clock-table"] [data-testid="citation-link"]').first().click();
    await page.getByTestId('law-highlight').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(out, 'law-panel.png') });
    await page.locator('.ant-drawer-open:has([data-testid=law-panel]) .ant-drawer-close').click();
    await page.getByTestId('law-panel').waitFor({ state: 'hidden' });

    // 报送 of a signed 初报: the recipients' list closes after a choice, 报送方式 stays in view.
    await page.getByTestId('draft-初报').click();
    const initial = page.getByTestId('report-初报');
    await initial.getByTestId('sign-button').click();
    await page.getByTestId('signed-by').fill('王副主任');
    await page.locator('.ant-modal:has([data-testid=signed-by])').locator('.ant-btn-primary').click();
    await confirmLeader(page);
    await initial.getByTestId('send-button').click();
    await pickOption(page, '[data-testid="sent-to"]', '本级人民政府');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
    await page.getByTestId('confirmed-by').fill('孙赟');
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(out, 'dispatch.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('confirmed-by').waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });

    // A refused registration: the first problem in view and focused, every problem beside the button.
    await page.getByTestId('header-register').click();
    await page.getByTestId('register-form').waitFor();
    await page
      .locator('.ant-drawer-body')
      .last()
      .evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.getByTestId('register-submit').click();
    await page.getByTestId('register-problems').waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(out, 'registration-problems.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('register-form').waitFor({ state: 'hidden' });

    // Four more incidents long overdue: one notice per incident, three shown and 另有N项 beyond.
    for (const [i, county] of ['应县', '右玉县', '山阴县', '平鲁区'].entries()) {
      await services.incidents.create({
        ...base,
        category: 'environment',
        title: `${county}尾矿库渗漏`,
        places: [county],
        occurredAt: new Date(now - (140 + i * 10) * 60_000).toISOString(),
        receivedAt: new Date(now - (130 + i * 10) * 60_000).toISOString(),
        reporterUnit: `${county}生态环境分局`,
        narrative: '尾矿库下游河段浑浊',
        facts: { poisonedOrInjured: 12 },
      });
    }
    await page.getByTestId('alarm-notice-more').waitFor();
    await page.waitForTimeout(1500);
    // The board: countdowns written as spans (剩25分51秒, 超时20分), one live notice per incident.
    await page.screenshot({ path: join(out, 'board.png') });

    await closeNotices();
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

    // A year whose holiday notice is not yet published: said so, 元旦 marked by the 放假办法.
    await services.handlers['schedule:generate']({
      month: '2027-01',
      leaders: ['王镕', '张喆'],
      officers: ['钱赟', '孙敏', '周强'],
      replace: false,
      reason: '',
      fromMonthStart: true,
    });
    const monthInput = page.getByTestId('schedule-month');
    await monthInput.click();
    await monthInput.fill('2027-01');
    await monthInput.press('Enter');
    await page.getByTestId('holiday-notice').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(out, 'schedule-2027.png') });

    // The wall display on a 1080-line screen, opened with the address a 带班领导 makes in 设置.
    const issued = await dispatch(services.handlers, 'warnings:issue', {
      plan: 'radiation',
      level: '三级',
      direction: 'issued',
      issuerKind: 'city',
      issuer: '朔州市人民政府',
      area: '朔城区',
      issuedAt: new Date(now - 30 * 60_000).toISOString(),
      document: '朔政发〔2026〕12号',
    });
    if (!issued.ok) throw new Error(issued.error.message);
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByTestId('wall-key-rotate').click();
    const wallAddress = page.getByTestId('wall-key-address');
    await wallAddress.waitFor();
    const kiosk = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1920, height: 1080 },
    });
    const wall = await kiosk.newPage();
    await wall.goto(await wallAddress.inputValue());
    await wall.getByTestId('wall-incident').first().waitFor();
    await wall.waitForTimeout(1500);
    await wall.screenshot({ path: join(out, 'wall.png') });
    await kiosk.close();
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
