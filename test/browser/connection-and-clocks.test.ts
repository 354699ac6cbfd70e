/**
 * What an officer sees when the services go away and come back, and that running clocks are never
 * hidden by the board's filter or by closing an incident, in Chromium against the web host.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import type { Handlers } from '../../electron/ipc/dispatch';
import { createAppServices } from '../../electron/services/app-services';
import { webHostPrinter } from '../../electron/print/printer';
import type { IncidentDetail } from '../../shared/domain/incident-view';
import { terminationConditions } from '../../shared/response';
import { ENV_INPUT } from '../helpers/services';
import { useTempDirs } from '../helpers/temp-dir';
import { confirmLeader, signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

const OUT = 'test-output';

/** Polls with room for a loaded machine (the default second is too short for a page reload). */
const poll = <T>(fn: () => Promise<T> | T, timeout = 15_000) => expect.poll(fn, { timeout });

async function register(handlers: Handlers, title: string, minutesAgo = 100): Promise<IncidentDetail> {
  const r = await dispatch(handlers, 'incidents:create', {
    ...ENV_INPUT,
    title,
    occurredAt: new Date(Date.now() - (minutesAgo + 10) * 60_000).toISOString(),
    receivedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
  });
  if (!r.ok) throw new Error(r.error.message);
  // an ok answer carries the channel's declared output
  return r.value as IncidentDetail;
}

describe('connection state and running clocks in Chromium against the web host', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('shows 连接中断 at once when the services stop, greys the countdowns, keeps the last data, and recovers by itself on restart', async () => {
    mkdirSync(OUT, { recursive: true });
    const dataDir = tempDir();
    const app = await startWebApp(browser(), dataDir);
    const { page } = app;
    try {
      await signInDuty(page);
      await register(app.services.handlers, '朔城区水源地油污');
      const row = page.getByTestId('incident-table').locator('tr', { hasText: '朔城区水源地油污' });
      await poll(() => row.count()).toBe(1);
      const strip = page.getByTestId('upcoming-strip');
      await poll(() => strip.innerText()).toContain('朔城区水源地油污');
      expect(await strip.getAttribute('data-state')).toBe('live');
      expect(await page.getByTestId('connection-banner').count()).toBe(0);
      // Proves below that the page recovers without being reloaded.
      await page.evaluate(() => ((window as unknown as { keptAlive: number }).keptAlive = 42));

      // The console goes away under the open page.
      const stoppedAt = Date.now();
      await app.stopServices();
      const banner = page.getByTestId('connection-banner');
      await banner.waitFor({ timeout: 10_000 });
      expect(Date.now() - stoppedAt).toBeLessThan(10_000);
      expect(await banner.innerText()).toContain('连接中断');
      expect(await banner.getAttribute('role')).toBe('alert');
      // Alarm-level (red) and not dismissable.
      expect(await banner.evaluate((el) => el.classList.contains('ant-alert-error'))).toBe(true);
      expect(await banner.locator('.ant-alert-close-icon').count()).toBe(0);
      // Countdowns are no longer presented as live: greyed, and the strip says so; never the all-clear.
      await poll(() => strip.getAttribute('data-state')).toBe('stale');
      expect(await strip.innerText()).toContain('连接中断，倒计时可能不准');
      expect(await strip.innerText()).toContain('朔城区水源地油污');
      const badge = row.locator('[data-clock-state]').first();
      expect(await badge.evaluate((el) => getComputedStyle(el).filter)).toContain('grayscale');
      // The board keeps the last data, marked stale; never 暂无事件.
      expect(await row.count()).toBe(1);
      await page.getByTestId('board-stale').waitFor();
      expect(await page.getByTestId('incident-table').innerText()).not.toContain('暂无事件');
      // A click that needs the services says why it cannot work.
      await page.getByTestId('incident-link').filter({ hasText: '朔城区水源地油污' }).click();
      await poll(() => page.locator('.ant-message').innerText()).toContain('连接中断');
      await page.keyboard.press('Escape');
      await page.screenshot({ path: `${OUT}/connection-lost.png` });

      // While the page is cut off, another start of the console records a new incident.
      const other = await createAppServices({ dataDir, host: 'web', printer: webHostPrinter(dataDir), alarms: false });
      await register(other.handlers, '应县河道异味', 20);
      await other.close();

      // Back on the same data folder: the page reconnects by itself and reloads everything.
      await app.startServices();
      await poll(() => banner.count()).toBe(0);
      await poll(() => strip.getAttribute('data-state')).toBe('live');
      await poll(() => page.getByTestId('incident-table').locator('tr', { hasText: '应县河道异味' }).count()).toBe(1);
      expect(await row.count()).toBe(1);
      expect(await page.getByTestId('board-stale').count()).toBe(0);
      // The grey fades out with a CSS transition: wait for it to end.
      await poll(() => badge.evaluate((el) => getComputedStyle(el).filter)).toBe('none');
      expect(await page.getByTestId('on-duty').innerText()).toContain('赵珺');
      // a global the test put on the page itself; the DOM lib does not declare it
      expect(await page.evaluate(() => (window as unknown as { keptAlive?: number }).keptAlive)).toBe(42);
      // The page's token survived the restart: calls work again.
      await page.getByTestId('incident-link').filter({ hasText: '朔城区水源地油污' }).click();
      await poll(() => page.getByTestId('incident-title').innerText()).toBe('朔城区水源地油污');
      await page.keyboard.press('Escape');
      await page.screenshot({ path: `${OUT}/connection-recovered.png` });
    } finally {
      await app.close();
    }
  }, 240_000);

  it('a board opened while the services are down shows the error state, never an empty board or the all-clear', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    try {
      await signInDuty(page);
      await register(app.services.handlers, '平鲁区矿井透水');
      await poll(() => page.getByTestId('incident-table').innerText()).toContain('平鲁区矿井透水');
      await app.stopServices();
      await page.getByTestId('connection-banner').waitFor({ timeout: 10_000 });
      // Leaving the board and coming back reads the list afresh, and that read fails.
      await page.getByRole('menuitem', { name: '设置' }).click();
      await page.getByRole('menuitem', { name: '事件看板' }).click();
      const error = page.getByTestId('board-error');
      await error.waitFor();
      expect(await error.innerText()).toContain('无法读取事件列表');
      expect(await error.innerText()).toContain('这不表示没有事件');
      expect(await page.getByTestId('incident-table').count()).toBe(0);
      expect(await page.locator('body').innerText()).not.toContain('暂无事件');
      const strip = page.getByTestId('upcoming-strip');
      await poll(() => strip.getAttribute('data-state')).toBe('error');
      expect(await strip.innerText()).not.toContain('没有到期');
      await page.screenshot({ path: `${OUT}/connection-lost-fresh-board.png` });
      // Back: the same board, by itself.
      await app.startServices();
      await poll(() => page.getByTestId('incident-table').innerText()).toContain('平鲁区矿井透水');
      expect(await page.getByTestId('board-error').count()).toBe(0);
    } finally {
      await app.close();
    }
  }, 240_000);

  it('rotating the token keeps this page working and tells every other page 令牌已更换', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    try {
      await signInDuty(page);
      const oldUrl = app.host.appUrl;
      const other = await app.context.newPage();
      await other.goto(oldUrl);
      // Another tab is another seat: it logs in on its own.
      await signInDuty(other);

      await page.getByRole('menuitem', { name: '设置' }).click();
      await page.getByTestId('rotate-token').click();
      await page.locator('#rotate-token-ok').click();
      const newUrl = page.getByTestId('new-app-url');
      await newUrl.waitFor();
      expect(await newUrl.innerText()).toBe(app.host.appUrl);
      expect(app.host.appUrl).not.toBe(oldUrl);

      // The other tab is locked out and says so clearly.
      const banner = other.getByTestId('connection-banner');
      await banner.waitFor({ timeout: 10_000 });
      expect(await banner.innerText()).toContain('令牌已更换');
      await other.screenshot({ path: `${OUT}/token-rotated-other-tab.png` });

      // This page carries on with the new token: no banner, and calls work.
      await page.waitForTimeout(1500);
      expect(await page.getByTestId('connection-banner').count()).toBe(0);
      await page.getByRole('menuitem', { name: '事件看板' }).click();
      await register(app.services.handlers, '新令牌下登记');
      await poll(() => page.getByTestId('incident-table').innerText()).toContain('新令牌下登记');

      // The other tab works again once opened with the new address.
      await other.goto(app.host.appUrl);
      await poll(() => other.getByTestId('incident-table').innerText()).toContain('新令牌下登记');
      expect(await other.getByTestId('connection-banner').count()).toBe(0);
      await other.close();
    } finally {
      await app.close();
    }
  }, 240_000);

  it('the strip names a due clock whatever the board filter, and opens the incident the filter hides', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    try {
      await signInDuty(page);
      const hidden = await register(app.services.handlers, '怀仁市尾矿库渗漏');
      await register(app.services.handlers, '右玉县河面浮油');
      await dispatch(app.services.handlers, 'incidents:set-status', { id: hidden.id, status: '核实中' });
      const table = page.getByTestId('incident-table');
      await poll(() => table.innerText()).toContain('怀仁市尾矿库渗漏');

      // Filter the board to 接报 only: the 核实中 incident leaves the board, not the strip.
      for (const s of ['核实中', '响应中']) {
        await page
          .getByTestId('filter-status')
          .locator('.ant-select-selection-item', { hasText: s })
          .locator('.ant-select-selection-item-remove')
          .click();
      }
      await poll(() => table.innerText()).not.toContain('怀仁市尾矿库渗漏');
      expect(await table.innerText()).toContain('右玉县河面浮油');
      const strip = page.getByTestId('upcoming-strip');
      await poll(() => strip.innerText()).toContain('怀仁市尾矿库渗漏');
      expect(await strip.innerText()).toContain(hidden.serial);
      await page.screenshot({ path: `${OUT}/strip-filtered-board.png` });
      // The strip's link opens the hidden incident.
      await strip.getByTestId('upcoming-clock').filter({ hasText: '怀仁市尾矿库渗漏' }).first().click();
      await poll(() => page.getByTestId('incident-title').innerText()).toBe('怀仁市尾矿库渗漏');
      // Its status is unchanged: the filter only narrowed the board.
      expect((await app.services.incidents.get(hidden.id)).status).toBe('核实中');
    } finally {
      await app.close();
    }
  }, 240_000);

  it('closing an incident with unsent reports asks first and names them; it then stays on the board and in the strip; a reload keeps every field', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    try {
      await signInDuty(page);
      const inc = await register(app.services.handlers, '山阴县化工厂泄漏');
      await page.getByTestId('incident-link').filter({ hasText: '山阴县化工厂泄漏' }).click();
      await poll(() => page.getByTestId('incident-title').innerText()).toBe('山阴县化工厂泄漏');

      // First answer: go back. Nothing changes.
      await page.getByTestId('status-已终止').click();
      const items = page.getByTestId('unsent-item');
      await poll(() => items.count()).toBe(inc.clocks.length);
      for (const c of inc.clocks) expect(await page.getByTestId('unsent-confirm').innerText()).toContain(c.title);
      await page.screenshot({ path: `${OUT}/unsent-confirm.png` });
      await page.getByRole('button', { name: '返回，先报送' }).click();
      await poll(() => items.count()).toBe(0);
      expect((await app.services.incidents.get(inc.id)).status).toBe('接报');

      // Second: confirm. The incident is closed, and the timeline says what was left unsent.
      await page.getByTestId('status-已终止').click();
      await page.locator('#unsent-confirm-ok').click();
      await poll(() => page.getByTestId('incident-status').innerText()).toContain('已终止');
      await poll(() => page.getByTestId('timeline-entry').filter({ hasText: '经确认，仍有未报送的报告' }).count()).toBe(
        1,
      );
      await page.locator('.ant-drawer-close').click();
      await poll(() => page.locator('.ant-drawer-open').count()).toBe(0);

      // Still on the default board, flagged, and still named in the strip.
      const row = page.getByTestId('incident-table').locator('tr', { hasText: '山阴县化工厂泄漏' });
      await poll(() => row.count()).toBe(1);
      await poll(() => row.getByTestId('closed-with-open-clocks').count()).toBe(1);
      expect(await row.innerText()).toContain('已终止');
      // Counted with the open ones, and said why it is there.
      await poll(() => page.getByTestId('board-count').innerText()).toBe(
        '已显示 1 起，共 1 起（其中 1 起已结束，仍有未报送的报告）',
      );
      await poll(() => page.getByTestId('upcoming-strip').innerText()).toContain('山阴县化工厂泄漏');
      await page.screenshot({ path: `${OUT}/closed-with-unsent-on-board.png` });

      // Reload: the status change is kept and nothing else was touched.
      await page.reload();
      await poll(() => row.count()).toBe(1);
      const after = await app.services.incidents.get(inc.id);
      expect(after.status).toBe('已终止');
      // The status change is one more version of the incident; every other field is as it was.
      expect(after.version).toBe((inc.version ?? 0) + 1);
      const { status: _s, updatedAt: _u, timeline: _t, lastActivityAt: _l, version: _v, ...rest } = after;
      const { status: _s0, updatedAt: _u0, timeline: _t0, lastActivityAt: _l0, version: _v0, ...before } = inc;
      expect(rest).toEqual(before);
      await page.getByTestId('incident-link').filter({ hasText: '山阴县化工厂泄漏' }).click();
      await poll(() => page.getByTestId('incident-status').innerText()).toContain('已终止');
      const drawer = page.locator('.ant-drawer-body');
      for (const text of [
        ENV_INPUT.reporterUnit,
        ENV_INPUT.reporterName,
        ENV_INPUT.reporterPhone,
        ENV_INPUT.narrative,
        ENV_INPUT.places[0]!,
      ]) {
        expect(await drawer.innerText()).toContain(text);
      }
    } finally {
      await app.close();
    }
  }, 240_000);

  it('ending a response with unsent reports asks first and names them', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    try {
      await signInDuty(page);
      const inc = await register(app.services.handlers, '朔州经济开发区废水外溢');
      const h = app.services.handlers;
      await dispatch(h, 'response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' });
      for (const c of terminationConditions('environment'))
        await dispatch(h, 'response:confirm-condition', { incidentId: inc.id, conditionId: c.id, by: '指挥长' });
      await page.getByTestId('incident-link').filter({ hasText: '朔州经济开发区废水外溢' }).click();
      const panel = page.getByTestId('response-panel');
      await poll(() => panel.getAttribute('data-state')).toBe('active');
      await panel.getByTestId('response-end').click();
      await poll(() => page.getByTestId('unsent-item').count()).toBe(inc.clocks.length);
      expect(await page.getByTestId('unsent-confirm').innerText()).toContain(inc.clocks[0]!.title);
      await page.getByRole('button', { name: '返回，先报送' }).click();
      expect((await app.services.incidents.get(inc.id)).status).toBe('响应中');
      await panel.getByTestId('response-end').click();
      await page.locator('#unsent-confirm-ok').click();
      // Ending a response is the 带班领导's act: it asks for the leader's password at that moment.
      await confirmLeader(page);
      await poll(() => panel.getAttribute('data-state')).toBe('ended');
      expect((await app.services.incidents.get(inc.id)).status).toBe('已终止');
    } finally {
      await app.close();
    }
  }, 240_000);
});
