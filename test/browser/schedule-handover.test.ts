import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

/** Today's duty day in Beijing (the shift starts at 08:30, before it the day is yesterday's). */
function dutyToday(): string {
  return new Date(Date.now() + 8 * 3_600_000 - (8 * 60 + 30) * 60_000).toISOString().slice(0, 10);
}

describe('值班表 and 交接班 in Chromium: today, Esc, from today, mismatch flag, no self-handover', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('plans from today with today marked, Esc asks before discarding names, the header flags the schedule, a self-handover is refused', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    const today = dutyToday();
    try {
      await signInDuty(page, '李堃', '赵珺');
      await expect.poll(() => page.getByTestId('duty-schedule-mismatch').count()).toBe(0);

      await page.locator('.ant-menu-item', { hasText: '值班表' }).click();
      await page.getByTestId('schedule-generate').click();
      const dialog = page.locator('.ant-modal', { hasText: '生成值班表' });
      await dialog.getByRole('combobox').nth(0).click();
      await page.keyboard.type('王镕 ');
      await dialog.getByRole('combobox').nth(1).click();
      await page.keyboard.type('钱赟 孙敏 ');
      // Esc asks first; 继续填写 keeps every typed name.
      await page.keyboard.press('Escape');
      const ask = page.locator('.ant-modal-confirm', { hasText: '放弃已填写的内容？' });
      await ask.waitFor();
      await ask.getByRole('button', { name: '继续填写' }).click();
      await expect.poll(() => dialog.innerText()).toContain('钱赟');
      expect(await dialog.innerText()).toContain('孙敏');
      expect(await dialog.innerText()).toContain('王镕');
      expect(await dialog.getByTestId('schedule-from-month-start').isChecked()).toBe(false);
      await dialog.getByRole('button', { name: /生\s*成/ }).click();
      await expect
        .poll(() => page.locator('.ant-modal', { hasText: '生成值班表' }).isVisible(), { timeout: 15_000 })
        .toBe(false);

      // Planned from today: today is the first row, marked by weight, outline and the word 今天.
      const rows = page.getByTestId('schedule-table').locator('tbody tr');
      await expect.poll(() => rows.first().innerText()).toContain('（今天）');
      expect(await rows.first().getAttribute('data-today')).toBe('true');
      const stored = await app.services.handlers['schedule:get']({ month: today.slice(0, 7) });
      expect(stored.shifts[0]?.date).toBe(today);
      expect(stored.plan).toMatchObject({ leaders: ['王镕'], officers: ['钱赟', '孙敏'] });

      // The header's officers differ from the shift in progress: flagged, with the schedule's pair.
      const current = stored.shifts[0]!;
      const flag = page.getByTestId('duty-schedule-mismatch');
      await expect.poll(() => flag.innerText()).toContain(`带班${current.leader}、值班${current.officer}`);

      // Handover: prefilled with the scheduled officer who is not the one handing over; oneself is refused.
      await page.locator('.ant-menu-item', { hasText: '交接班' }).click();
      await page.getByTestId('handover-draft').waitFor();
      const to = page.getByTestId('handover-to-officer');
      await expect.poll(() => to.inputValue()).toBe(current.officer);
      await to.fill('赵珺');
      await page.getByTestId('handover-notes').fill('夜间无异常');
      await page.getByTestId('handover-submit').click();
      await expect
        .poll(() => page.getByTestId('handover-draft').innerText())
        .toContain('接班值班员不能是交班值班员本人（赵珺）');
      expect(await app.services.handlers['handover:list']({ limit: 5 })).toEqual([]);
      await to.fill(current.officer);
      await page.getByTestId('handover-submit').click();
      await page.getByTestId('handover-pending').waitFor();

      // After a reload: the pending handover with every field, and the flag still there.
      await page.reload();
      await page.locator('.ant-menu-item', { hasText: '交接班' }).click();
      await expect.poll(() => page.getByTestId('handover-pending').innerText()).toContain(current.officer);
      const [h] = await app.services.handlers['handover:list']({ limit: 5 });
      expect(h).toMatchObject({
        status: 'pending',
        from: { leader: '李堃', officer: '赵珺' },
        to: { leader: current.leader, officer: current.officer },
        equipment: '设备运行正常',
        notes: '夜间无异常',
      });
      await expect.poll(() => flag.innerText()).toContain(`值班${current.officer}`);
      await page.locator('.ant-menu-item', { hasText: '值班表' }).click();
      await expect.poll(() => rows.first().innerText()).toContain('（今天）');

      // January 2027: no notice in the data yet; the schedule says so and marks 元旦 by 放假办法.
      const monthInput = page.getByTestId('schedule-month');
      await monthInput.click();
      await monthInput.fill('2027-01');
      await monthInput.press('Enter');
      await expect.poll(() => page.getByTestId('holiday-notice').innerText()).toContain('2027年节假日安排尚未收录');
    } finally {
      await app.close();
    }
  }, 120_000);
});
