import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_INPUT } from '../helpers/services';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

const MIN = 60_000;

describe('alarm notices in Chromium: one per incident, live, folded beyond three', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('a due-soon notice counts down live; five alarmed incidents give three notices and 另有2项, also after a reload', async () => {
    const dir = tempDir();
    const app = await startWebApp(browser(), dir);
    const { page } = app;
    try {
      await signInDuty(page);
      const create = (title: string, receivedMs: number) =>
        app.services.handlers['incidents:create']({
          ...ENV_INPUT,
          levelOverride: null,
          responseOverride: null,
          discoveredAt: null,
          title,
          occurredAt: new Date(receivedMs - 10 * MIN).toISOString(),
          receivedAt: new Date(receivedMs).toISOString(),
        });
      // The earliest clock of this kind of report, measured on one received now (due long after the test).
      const probe = await create('刚接报事件', Date.now());
      const firstMinutes = Math.min(...probe.clocks.map((c) => (Date.parse(c.dueAt) - Date.parse(c.startsAt)) / MIN));
      expect(firstMinutes).toBeGreaterThan(15);

      // One incident due in about five minutes: one notice, whose countdown runs on.
      const soon = await create('即将到期事件', Date.now() - (firstMinutes - 5) * MIN);
      const titles = page.getByTestId('alarm-notice-title');
      await expect.poll(() => titles.count(), { timeout: 15_000 }).toBe(1);
      expect(await titles.first().getAttribute('data-incident')).toBe(String(soon.id));
      expect(await titles.first().innerText()).toContain('【即将到期】');
      const body = page.getByTestId('alarm-notice-body').first();
      const first = await body.innerText();
      expect(first).toMatch(/剩[45]分\d\d秒/);
      expect(first).toContain('即将到期事件');
      await expect.poll(() => body.innerText(), { timeout: 5_000 }).not.toBe(first);
      expect(await body.innerText()).toMatch(/剩[45]分\d\d秒/);

      // Four incidents long overdue, each with several late clocks: one notice each, three shown.
      for (let i = 1; i <= 4; i++) await create(`超时事件${i}`, Date.now() - (firstMinutes + 30 + i) * MIN);
      await expect.poll(() => titles.count(), { timeout: 15_000 }).toBe(3);
      const more = page.getByTestId('alarm-notice-more');
      await expect.poll(() => more.innerText()).toContain('另有2项报告时限告警');
      const shownIds = await titles.evaluateAll((els) => els.map((e) => e.getAttribute('data-incident')));
      expect(new Set(shownIds).size).toBe(3);
      // Most urgent first: the overdue ones, read as 超时N分, never as a time of day; the due-soon one is folded.
      await expect.poll(() => page.getByTestId('alarm-notice-body').first().innerText()).toMatch(/超时(\d+小时)?\d+分/);
      expect(await more.innerText()).toContain('即将到期事件');
      expect(await page.locator('.ant-notification').innerText()).not.toMatch(/\d\d:\d\d/);

      // A reload reads the same notices from the services.
      await page.reload();
      await expect.poll(() => titles.count(), { timeout: 15_000 }).toBe(3);
      await expect.poll(() => more.innerText()).toContain('另有2项报告时限告警');

      if (process.env.H5_SHOTS) await page.waitForTimeout(1500);
      if (process.env.H5_SHOTS) await page.screenshot({ path: join(process.env.H5_SHOTS, 'alarm-notices.png') });
      // Closing a notice keeps it closed; the next folded one takes its place.
      await page.getByTestId('alarm-notice').first().locator('.ant-notification-notice-close').click();
      await expect.poll(() => more.innerText()).toContain('另有1项报告时限告警');
      await expect.poll(() => titles.count()).toBe(3);

      // While the officer works in a drawer or a dialog, the notices step aside from its buttons; the
      // banner stays. They come back, as they were, once it closes.
      await page.getByTestId('incident-link').filter({ hasText: '超时事件1' }).click();
      const drawer = page.locator('.ant-drawer-open');
      await drawer.getByTestId('incident-title').waitFor();
      await expect.poll(() => page.getByTestId('alarm-notice').count()).toBe(0);
      expect(await page.getByTestId('alarm-notice-more').count()).toBe(0);
      expect(await page.getByTestId('alarm-banner').isVisible()).toBe(true);
      // The last clock row's actions are reachable: a click on its 不适用 opens its dialog.
      await drawer.getByRole('button', { name: '不适用' }).last().click();
      const naDialog = page.locator('.ant-modal-wrap:not([style*="display: none"])').last();
      await naDialog.waitFor();
      expect(await page.getByTestId('alarm-notice').count()).toBe(0);
      await page.keyboard.press('Escape');
      await naDialog.waitFor({ state: 'hidden' });
      await page.keyboard.press('Escape');
      await expect.poll(() => titles.count()).toBe(3);
      await expect.poll(() => more.innerText()).toContain('另有1项报告时限告警');
    } finally {
      await app.close();
    }
  }, 120_000);
});
