// Every time an officer types is typed the same way (issue 16): digits into a mask, no mouse and no
// 确定. 修改要素 (发生时间), a clock's completion (报送时间) and a report's 报送 each take a time
// typed from the keyboard, save it, and show it after a reload, with the fields not typed unchanged.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chineseDateTime, shanghaiDateTime } from '../../shared/time';
import { useTempDirs } from '../helpers/temp-dir';
import { confirmLeader, pickOption, signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

/** Waits for what a round trip to the services shows (the machine may be busy): longer than expect.poll's second. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

const MIN = 60_000;

/** Focuses a masked date-time input, clears it, types the digits of `value` (YYYY-MM-DD HH:mm) and tabs on. */
async function typeTime(page: Page, input: Locator, value: string): Promise<void> {
  await input.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value.replace(/\D/g, ''));
  await poll(() => input.inputValue()).toBe(value);
  // On to the next field, as the officer does: the calendar under the field closes.
  await page.keyboard.press('Tab');
}

const okButton = (page: Page) =>
  page
    .getByRole('button', { name: 'OK' })
    .or(page.getByRole('button', { name: '确 定' }))
    .or(page.getByRole('button', { name: '确定' }))
    .first();

describe('date-time fields typed from the keyboard in Chromium', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('修改要素, clock completion and 报送 take a typed time, keep it after a reload, and leave the rest alone', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    page.setDefaultTimeout(30_000);
    // Whole minutes, as the fields show them.
    const now = Math.floor(Date.now() / MIN) * MIN;
    const received = now - 180 * MIN;
    const occurred = received - 30 * MIN;
    try {
      await signInDuty(page);
      const created = await app.services.handlers['incidents:create']({
        category: 'environment',
        title: '怀仁市化工厂泄漏',
        places: ['怀仁市'],
        occurredAt: new Date(occurred).toISOString(),
        receivedAt: new Date(received).toISOString(),
        discoveredAt: null,
        reporterUnit: '怀仁市生态环境分局',
        reporterName: '王磊',
        reporterPhone: '13912345678',
        receiveChannel: '电话',
        narrative: '储罐泄漏，周边村民不适',
        facts: { poisonedOrInjured: 15 },
        drill: false,
        levelOverride: null,
        responseOverride: null,
      });
      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);
      const open = async () => {
        await page.getByTestId('incident-link').filter({ hasText: '怀仁市化工厂泄漏' }).click();
        await page.getByTestId('edit-incident').waitFor();
      };
      await open();

      // 修改要素: 发生时间 typed 15 minutes earlier than registered.
      const newOccurred = shanghaiDateTime(occurred - 15 * MIN);
      await page.getByTestId('edit-incident').click();
      const edit = page.getByRole('dialog', { name: /修改事件要素/ });
      await typeTime(page, edit.locator('#occurredAt'), newOccurred);
      await page.getByTestId('edit-reason').fill('核实发生时间');
      await edit.getByRole('button', { name: /保\s*存/ }).click();
      await edit.waitFor({ state: 'hidden' });

      // A clock completed at a typed time.
      const completedAt = shanghaiDateTime(received + 50 * MIN);
      await page.getByTestId('complete-env.city-gov-to-province').click();
      const completion = page.locator('.ant-modal', { has: page.locator('#completedAt') });
      await typeTime(page, completion.locator('#completedAt'), completedAt);
      await pickOption(page, '[data-testid="complete-channel"]', '电话');
      await page.getByTestId('complete-recipient-name').fill('省政府总值班室刘喆');
      await page.getByRole('button', { name: '确认完成' }).click();
      const province = page.getByTestId('clock-table').locator('tr', {
        has: page.getByTestId('clock-row-env.city-gov-to-province'),
      });
      await poll(() => province.getByTestId('clock-closure').innerText()).toContain(completedAt);

      // The 初报 sent at a typed time (after its draft was saved, now, and its 签发).
      const sentAt = shanghaiDateTime(now + 2 * MIN);
      await page.getByTestId('draft-初报').click();
      const initial = page.getByTestId('report-初报');
      await initial.getByTestId('sign-button').click();
      await page.getByTestId('signed-by').fill('王副主任');
      // Signed before it was sent: 签发时间 is typed too.
      const sign = page.locator('.ant-modal', { has: page.locator('#signedAt') });
      await typeTime(page, sign.locator('#signedAt'), shanghaiDateTime(now + MIN));
      await okButton(page).click();
      await confirmLeader(page);
      await initial.getByTestId('send-button').click();
      const send = page.locator('.ant-modal', { has: page.locator('#sentAt') });
      await typeTime(page, send.locator('#sentAt'), sentAt);
      await pickOption(page, '[data-testid="sent-to"]', '本级人民政府');
      await page.getByTestId('confirmed-by').fill('孙赟');
      // The recipient list closes before 确定, as a click elsewhere in the dialog does.
      await send.locator('.ant-modal-title').click();
      await page.screenshot({ path: 'test-output/date-time-keyboard.png' });
      await okButton(page).click();
      await poll(() => initial.innerText()).toContain('已报送');

      // After a reload: each typed time as saved, the rest as registered.
      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);
      await open();
      const county = page.getByTestId('clock-table').locator('tr', {
        has: page.getByTestId('clock-row-env.county-dept-to-gov'),
      });
      await poll(() => county.getByTestId('clock-closure').innerText()).toContain(`${sentAt} 书面报送`);
      expect(await province.getByTestId('clock-closure').innerText()).toContain(`${completedAt} 电话报送`);
      expect(await initial.innerText()).toContain(`（${chineseDateTime(now + MIN)}）`);
      await page.getByTestId('edit-incident').click();
      const again = page.getByRole('dialog', { name: /修改事件要素/ });
      await poll(() => again.locator('#occurredAt').inputValue()).toBe(newOccurred);
      expect(await again.locator('#receivedAt').inputValue()).toBe(shanghaiDateTime(received));
      expect(await again.locator('#discoveredAt').inputValue()).toBe('');

      const stored = await app.services.handlers['incidents:get']({ id: created.id });
      expect(stored).toMatchObject({
        title: '怀仁市化工厂泄漏',
        places: ['怀仁市'],
        discoveredAt: null,
        reporterUnit: '怀仁市生态环境分局',
        reporterName: '王磊',
        reporterPhone: '13912345678',
        narrative: '储罐泄漏，周边村民不适',
      });
      expect(Date.parse(stored.occurredAt)).toBe(occurred - 15 * MIN);
      expect(Date.parse(stored.receivedAt)).toBe(received);
    } finally {
      await app.close();
    }
  }, 240_000);
});
