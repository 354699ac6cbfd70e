import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

describe('the law at hand: a clause citation opens the gazette text', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it(
    'opens the cited clause highlighted, finds a clause by words, and still works after a reload',
    { timeout: 90_000 },
    async () => {
      const app = await startWebApp(browser(), tempDir());
      const { page } = app;
      try {
        await signInDuty(page);
        const created = await dispatch(app.services.handlers, 'incidents:create', {
          category: 'radiation',
          title: '某探伤公司Ⅳ类源丢失',
          places: ['平鲁区'],
          occurredAt: new Date(Date.now() - 20 * 60_000).toISOString(),
          facts: { sourceEvent: 'lost', sourceClass: 4 },
        });
        expect(created.ok).toBe(true);
        await page.reload();
        await page.getByTestId('incident-link').first().click();
        await expect.poll(() => page.getByTestId('incident-title').innerText()).toBe('某探伤公司Ⅳ类源丢失');

        // Every reporting window names its clause; the first 4.1.1(1) link opens that item of 42号.
        const link = page
          .locator('[data-testid="clock-table"] [data-testid="citation-link"]', { hasText: '4.1.1(1)' })
          .first();
        await page.screenshot({ path: 'test-output/law-before.png' });
        await link.click();
        const panel = page.getByTestId('law-panel');
        await expect
          .poll(() => page.getByTestId('law-panel-title').innerText())
          .toContain('朔政办发〔2021〕42号 4.1.1(1)');
        await expect
          .poll(() => panel.getByTestId('law-highlight').innerText())
          .toMatch(/^（1）发现发生辐射事故时，事发单位在1小时内书面报告/);
        await expect.poll(() => panel.getByRole('heading').first().innerText()).toContain('朔州市辐射事故应急预案');
        await page.screenshot({ path: 'test-output/law-panel.png' });

        // Search by words, pick a hit: that paragraph is highlighted.
        await panel.getByLabel('按词语查找条款').fill('30分钟 书面');
        await expect.poll(() => panel.locator('.ant-list-item').count()).toBeGreaterThanOrEqual(2);
        await panel
          .locator('.ant-list-item', { hasText: '市人民政府可以先通过电话口头报告省人民政府' })
          .first()
          .click();
        await expect.poll(() => panel.getByTestId('law-highlight').innerText()).toContain('30分钟内报送书面信息');
        await expect.poll(() => page.getByTestId('law-panel-title').innerText()).toContain('朔政办发〔2021〕43号');

        // After a reload the citation still opens the text (the gazette ships with the app).
        await page.reload();
        await page.getByTestId('incident-link').first().click();
        await page.locator('[data-testid="clock-table"] [data-testid="citation-link"]').first().click();
        await expect.poll(() => page.getByTestId('law-highlight').count()).toBe(1);
      } finally {
        await app.close();
      }
    },
  );
});
