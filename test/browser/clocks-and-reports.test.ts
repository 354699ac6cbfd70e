import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { confirmLeader, pickOption, signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

describe('reporting clocks and the report chain in Chromium', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('a back-dated incident is overdue; a phone report to the province completes it and starts the 30-minute written clock; a signed 初报 completes another', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page, services } = app;
    try {
      await services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
      const now = Date.now();
      await services.incidents.create({
        category: 'environment',
        title: '怀仁市化工厂泄漏',
        places: ['怀仁市'],
        occurredAt: new Date(now - 200 * 60_000).toISOString(),
        receivedAt: new Date(now - 180 * 60_000).toISOString(),
        discoveredAt: null,
        reporterUnit: '怀仁市生态环境分局',
        reporterName: '',
        reporterPhone: '',
        receiveChannel: '电话',
        narrative: '储罐泄漏，周边村民不适',
        facts: { poisonedOrInjured: 15 },
        drill: false,
        levelOverride: null,
        responseOverride: null,
      });
      await page.reload();
      await signInDuty(page);
      await page.getByTestId('incident-link').filter({ hasText: '怀仁市化工厂泄漏' }).click();

      const province = page
        .getByTestId('clock-table')
        .locator('tr', { has: page.getByTestId('clock-row-env.city-gov-to-province') });
      await expect.poll(() => province.locator('[data-clock-state]').getAttribute('data-clock-state')).toBe('overdue');
      await expect.poll(() => province.innerText()).toContain('5.1.1(4)');
      await expect.poll(() => page.getByTestId('clock-row-env.city-gov-written').count()).toBe(0);

      // Completing by phone: done, late, and the written follow-up appears with its 30 minutes.
      await page.getByTestId('complete-env.city-gov-to-province').click();
      await pickOption(page, '[data-testid="complete-channel"]', '电话');
      // Confirmed without the recipient's name: the field says so (and the page raises no error).
      await page.getByRole('button', { name: '确认完成' }).click();
      await expect
        .poll(() => page.locator('.ant-form-item-explain-error', { hasText: '请填写接收人姓名' }).count())
        .toBe(1);
      await page.getByTestId('complete-recipient-name').fill('省政府总值班室刘喆');
      await page.getByRole('button', { name: '确认完成' }).click();
      await expect.poll(() => province.locator('[data-clock-state]').getAttribute('data-clock-state')).toBe('done');
      const written = page
        .getByTestId('clock-table')
        .locator('tr', { has: page.getByTestId('clock-row-env.city-gov-written') });
      await expect.poll(() => written.locator('[data-clock-state]').getAttribute('data-clock-state')).toBe('pending');
      await expect.poll(() => written.innerText()).toMatch(/30 ?分钟内/);

      // The report chain: draft the 初报, sign it, dispatch it completing the county department's clock.
      await page.getByTestId('draft-初报').click();
      const initial = page.getByTestId('report-初报');
      await initial.getByTestId('sign-button').click();
      await page.getByTestId('signed-by').fill('王副主任');
      await page
        .getByRole('button', { name: 'OK' })
        .or(page.getByRole('button', { name: '确 定' }))
        .or(page.getByRole('button', { name: '确定' }))
        .first()
        .click();
      await confirmLeader(page);
      await initial.getByTestId('send-button').click();
      // Choosing the recipient ticks exactly the clocks owed to it.
      await pickOption(page, '[data-testid="sent-to"]', '本级人民政府');
      // The recipients' list closes after a choice, so 报送方式 below it can be reached at once.
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
      await pickOption(page, '[data-testid="sent-channel"]', '传真');
      // From the keyboard: the recipient field takes a typed unit with Enter and closes again.
      await page.locator('[data-testid="sent-to"] input').focus();
      await page.keyboard.type('市应急管理局');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
      await page.keyboard.press('Tab');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid')))
        .toBe('sent-channel');
      await page.getByTestId('confirmed-by').fill('孙赟');
      await expect
        .poll(() =>
          page
            .getByTestId('send-clocks')
            .locator('label', { hasText: '向本级人民政府报告' })
            .locator('input')
            .isChecked(),
        )
        .toBe(true);
      await page
        .getByRole('button', { name: 'OK' })
        .or(page.getByRole('button', { name: '确 定' }))
        .or(page.getByRole('button', { name: '确定' }))
        .first()
        .click();
      await expect.poll(() => initial.innerText()).toContain('已报送');
      const county = page
        .getByTestId('clock-table')
        .locator('tr', { has: page.getByTestId('clock-row-env.county-dept-to-gov') });
      await expect.poll(() => county.locator('[data-clock-state]').getAttribute('data-clock-state')).toBe('done');
      await expect.poll(() => county.innerText()).toContain('孙赟');
      // After a reload the dispatch reads as it was chosen: by fax, to both recipients.
      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);
      await page.getByTestId('incident-link').filter({ hasText: '怀仁市化工厂泄漏' }).click();
      await expect
        .poll(() => page.getByTestId('report-初报').innerText())
        .toContain('传真 → 本级人民政府、市应急管理局');
      await expect.poll(() => county.innerText()).toContain('孙赟');
    } finally {
      await app.close();
    }
  }, 120_000);
});
