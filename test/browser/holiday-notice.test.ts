// 节假日安排 in Chromium (issue 16): the 带班领导 enters the State Council's 2027 notice from the
// keyboard; the schedule's marks change at once and after a reload, with the notice named as their
// source; a 调休 day on a Monday is refused in Chinese and changes nothing.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

/** Waits for what a round trip to the services shows (the machine may be busy): longer than expect.poll's second. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

async function openMonth(page: Page, month: string): Promise<void> {
  await page.locator('.ant-menu-item', { hasText: '值班表' }).click();
  const input = page.getByTestId('schedule-month');
  await input.click();
  await input.fill(month);
  await input.press('Enter');
  await poll(() => page.getByTestId('holiday-source').innerText()).toContain(`${month.slice(0, 4)}年节假日依据`);
}

/** The 类别 cell of a day's row in the schedule table. */
const kindOf = (page: Page, day: string) =>
  page.getByTestId('schedule-table').locator('tbody tr', { hasText: day }).first().locator('td').nth(2).innerText();

/** Types a date into a masked date input from the keyboard: focus, clear, digits. */
async function typeDate(page: Page, input: Locator, value: string): Promise<void> {
  await input.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value.replace(/\D/g, ''));
  await poll(() => input.inputValue()).toBe(value);
}

describe('节假日安排 entered by hand in Chromium', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('enters the 2027 notice, sees the schedule re-marked, reloads, and finds every field as saved', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    page.setDefaultTimeout(30_000);
    try {
      await signInDuty(page);
      await app.services.handlers['schedule:generate']({
        month: '2027-02',
        leaders: ['李堃', '王镕'],
        officers: ['赵珺', '钱赟', '孙敏'],
        replace: false,
        reason: '',
        fromMonthStart: false,
      });
      await openMonth(page, '2027-02');
      await poll(() => page.getByTestId('holiday-notice').innerText()).toContain('2027年节假日安排尚未收录');
      expect(await page.getByTestId('holiday-source').innerText()).toContain('《全国年节及纪念日放假办法》推算');
      await poll(() => kindOf(page, '2月9日')).toBe('工作日');
      expect(await kindOf(page, '2月20日')).toBe('周末');

      // The dialog opens with the statutory days of 2027 filled in.
      await page.getByTestId('holiday-edit').click();
      const form = page.getByTestId('holiday-form');
      await poll(() => page.getByTestId('holiday-period').count()).toBe(7);
      const spring = page.getByTestId('holiday-period').nth(1);
      expect(await spring.getByLabel('放假起始日期').inputValue()).toBe('2027-02-05');
      expect(await spring.getByLabel('放假结束日期').inputValue()).toBe('2027-02-08');

      // A 调休 day on a Monday: refused in Chinese, the dialog stays open, nothing stored.
      await form.getByLabel('文号').fill('国办发明电〔2026〕7号');
      await typeDate(page, spring.getByLabel('放假结束日期'), '2027-02-12');
      await spring.getByLabel('调休上班日期').focus();
      await page.keyboard.type('2027-02-22');
      await page.keyboard.press('Enter');
      await page.getByTestId('holiday-save').click();
      await poll(() => page.getByTestId('holiday-error').innerText()).toContain(
        '春节：调休上班日2月22日是星期一，调休上班日应为星期六或星期日',
      );
      expect(await app.services.handlers['holidays:list']({})).toEqual([]);

      // Corrected: 20 February (a Saturday) instead.
      await spring.locator('.ant-select-selection-item-remove').first().click();
      await spring.getByLabel('调休上班日期').focus();
      await page.keyboard.type('2027-02-20');
      await page.keyboard.press('Enter');
      await page.screenshot({ path: 'test-output/holiday-notice-dialog.png' });
      await page.getByTestId('holiday-save').click();
      await form.waitFor({ state: 'detached' });
      await poll(() => kindOf(page, '2月20日')).toBe('调休上班（春节）');
      expect(await kindOf(page, '2月9日')).toBe('法定节假日（春节）');
      expect(await page.getByTestId('holiday-notice').count()).toBe(0);
      expect(await page.getByTestId('holiday-source').innerText()).toContain(
        '2027年节假日依据：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕7号），由李堃录入',
      );

      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);
      await openMonth(page, '2027-02');
      await poll(() => kindOf(page, '2月20日')).toBe('调休上班（春节）');
      expect(await kindOf(page, '2月12日')).toBe('法定节假日（春节）');
      expect(await kindOf(page, '2月13日')).toBe('周末');
      await page.screenshot({ path: 'test-output/holiday-notice-schedule.png' });

      // Every field as saved, the untouched ones as they were prefilled.
      await page.getByTestId('holiday-edit').click();
      await poll(() => page.getByTestId('holiday-entered').innerText()).toContain('2027年已录入：李堃于');
      const rows = page.getByTestId('holiday-period');
      await poll(() => rows.count()).toBe(7);
      const seen = [];
      for (let i = 0; i < 7; i++) {
        const r = rows.nth(i);
        seen.push([
          (await r.locator('.ant-select').first().innerText()).trim(),
          await r.getByLabel('放假起始日期').inputValue(),
          await r.getByLabel('放假结束日期').inputValue(),
          (await r.locator('.ant-select').nth(1).locator('.ant-select-selection-item').allInnerTexts())
            .map((t) => t.trim())
            .join(','),
        ]);
      }
      expect(seen).toEqual([
        ['元旦', '2027-01-01', '2027-01-01', ''],
        ['春节', '2027-02-05', '2027-02-12', '2027-02-20'],
        ['清明节', '2027-04-05', '2027-04-05', ''],
        ['劳动节', '2027-05-01', '2027-05-02', ''],
        ['端午节', '2027-06-09', '2027-06-09', ''],
        ['中秋节', '2027-09-15', '2027-09-15', ''],
        ['国庆节', '2027-10-01', '2027-10-03', ''],
      ]);
      expect(await page.getByTestId('holiday-form').getByLabel('通知标题').inputValue()).toBe(
        '国务院办公厅关于2027年部分节假日安排的通知',
      );
      expect(await page.getByTestId('holiday-form').getByLabel('文号').inputValue()).toBe('国办发明电〔2026〕7号');
      expect(await page.getByTestId('holiday-form').getByLabel('年份').inputValue()).toBe('2027');
    } finally {
      await app.close();
    }
  }, 150_000);
  it('a year the package covers opens with its arrangement: saving only the 文号 keeps 春节 and its 调休 after a reload', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    page.setDefaultTimeout(30_000);
    try {
      await signInDuty(page);
      await app.services.handlers['schedule:generate']({
        month: '2026-02',
        leaders: ['李堃', '王镕'],
        officers: ['赵珺', '钱赟', '孙敏'],
        replace: false,
        reason: '',
        fromMonthStart: true,
      });
      await openMonth(page, '2026-02');
      await poll(() => kindOf(page, '2月16日')).toBe('法定节假日（春节）');
      expect(await kindOf(page, '2月14日')).toBe('调休上班（春节）');

      await page.getByTestId('holiday-edit').click();
      await poll(() => page.getByTestId('holiday-entered').innerText()).toContain('随软件提供的2026年安排');
      const rows = page.getByTestId('holiday-period');
      await poll(() => rows.count()).toBe(7);
      const spring = rows.nth(1);
      expect(await spring.getByLabel('放假起始日期').inputValue()).toBe('2026-02-15');
      expect(await spring.getByLabel('放假结束日期').inputValue()).toBe('2026-02-23');
      expect(
        (await spring.locator('.ant-select').nth(1).locator('.ant-select-selection-item').allInnerTexts()).map((t) =>
          t.trim(),
        ),
      ).toEqual(['2026-02-14', '2026-02-28']);
      await page.getByTestId('holiday-form').getByLabel('文号').fill('国办发明电〔2025〕7号');
      await page.getByTestId('holiday-save').click();
      await page.getByTestId('holiday-form').waitFor({ state: 'detached' });
      await poll(() => page.getByTestId('holiday-source').innerText()).toContain('国办发明电〔2025〕7号');

      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);
      await openMonth(page, '2026-02');
      await poll(() => kindOf(page, '2月16日')).toBe('法定节假日（春节）');
      expect(await kindOf(page, '2月23日')).toBe('法定节假日（春节）');
      expect(await kindOf(page, '2月14日')).toBe('调休上班（春节）');
      expect(await kindOf(page, '2月28日')).toBe('调休上班（春节）');
      expect(await kindOf(page, '2月24日')).toBe('工作日');
    } finally {
      await app.close();
    }
  }, 150_000);
});
