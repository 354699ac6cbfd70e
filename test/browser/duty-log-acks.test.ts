import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

const MIN = 60_000;

describe('值班日志 lists alarm acknowledgements, in Chromium against the web host', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it(
    'an alarm acknowledged from the banner is in the day log with who and which clocks; a remark saved keeps it and the figures',
    { timeout: 120_000 },
    async () => {
      const app = await startWebApp(browser(), tempDir());
      const { page } = app;
      try {
        await signInDuty(page, '李堃', '赵珺');
        const now = Date.now();
        // 较大 (12 poisoned), received 5 hours ago: every clock is overdue and alarms.
        const inc = await app.services.handlers['incidents:create']({
          category: 'environment',
          title: '朔城区河道死鱼',
          places: ['朔城区'],
          occurredAt: new Date(now - 310 * MIN).toISOString(),
          receivedAt: new Date(now - 300 * MIN).toISOString(),
          discoveredAt: null,
          reporterUnit: '朔城区生态环境分局',
          reporterName: '',
          reporterPhone: '',
          receiveChannel: '电话',
          narrative: '',
          facts: { poisonedOrInjured: 12 },
          drill: false,
          levelOverride: null,
          responseOverride: null,
        });
        await expect
          .poll(() => page.getByTestId('alarm-banner').innerText(), { timeout: 15_000 })
          .toContain('朔城区河道死鱼');
        await page.getByTestId('alarm-ack').click();
        await expect.poll(() => page.getByTestId('alarm-ack').count()).toBe(0);

        await page.locator('.ant-menu-item', { hasText: '值班日志' }).click();
        const section = page.getByTestId('duty-log-section-clocks');
        await expect.poll(() => section.innerText()).toContain('赵珺确认告警（停止响铃），共3项');
        const ackText = await section.locator('tr', { hasText: '告警确认' }).innerText();
        for (const c of inc.clocks) expect(ackText).toContain(c.title);
        expect(ackText).toContain('确认时已超时');
        expect(ackText).toContain('督促生态环境部门（市局或县分局）向本级人民政府报告');
        // The headline keeps the room's own clocks apart from those it monitors, as the services count them.
        const { log } = await app.services.handlers['duty-log:get']({});
        const own = `按时${log.counts.clocksOnTime}项、迟报${log.counts.clocksLate}项、漏报${log.counts.clocksMissed}项`;
        const others = `按时${log.counts.monitoredOnTime}项、迟报${log.counts.monitoredLate}项、未报${log.counts.monitoredMissed}项`;
        await expect.poll(() => page.getByTestId('duty-log-clocks-room').innerText()).toBe(own);
        expect(await page.getByTestId('duty-log-clocks-monitored').innerText()).toBe(others);
        await page.screenshot({ path: 'test-output/duty-log-acks.png', fullPage: true });

        // A remark saved, the page reloaded: the acknowledgement and the figures are as they were.
        const before = await section.innerText();
        await page.getByTestId('remark-text').fill('10时确认告警后电话督促朔城区生态环境分局');
        await page.getByTestId('remark-add').click();
        await expect
          .poll(() => page.getByTestId('duty-remark-text').allInnerTexts())
          .toEqual(['10时确认告警后电话督促朔城区生态环境分局']);
        await page.reload();
        await page.locator('.ant-menu-item', { hasText: '值班日志' }).click();
        await expect
          .poll(() => page.getByTestId('duty-remark-text').allInnerTexts())
          .toEqual(['10时确认告警后电话督促朔城区生态环境分局']);
        expect(await page.getByTestId('duty-log-section-clocks').innerText()).toBe(before);
        expect(await page.getByTestId('duty-log-clocks-room').innerText()).toBe(own);
        expect(await page.getByTestId('duty-log-clocks-monitored').innerText()).toBe(others);
      } finally {
        await app.close();
      }
    },
  );
});
