import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { useTempDirs } from '../helpers/temp-dir';
import { clickOpenedDialog, signInDuty } from '../helpers/ui';
import { readAllRows } from '../helpers/virtual-list';
import { startWebApp, useBrowser } from '../helpers/web-app';

/** Beijing wall time n minutes ago, as the officer types it into the pickers. */
function beijing(minutesAgo: number): string {
  const d = new Date(Date.now() - minutesAgo * 60_000 + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** Types a time into a registration picker from the keyboard: focus (as Tab does), then the digits. */
async function typeDateTime(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.type(value.replace(/\D/g, ''));
  await expect.poll(() => page.locator(selector).inputValue()).toBe(value);
}

describe('incident board in Chromium against the web host', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('registers a back-dated incident, shows it late on the board, changes status, voids a note, and keeps it all after a restart; its long timeline is virtualised', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    try {
      await signInDuty(page);

      await page.getByTestId('register-button').click();
      await page.locator('#title').fill('桑干河支流死鱼');
      await page.locator('#places').click();
      await page.keyboard.type('山阴县');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await typeDateTime(page, '#occurredAt', beijing(300));
      await typeDateTime(page, '#receivedAt', beijing(290));
      await page.locator('#reporterUnit').fill('山阴县生态环境局');
      await page
        .locator('[data-fact="poisonedOrInjured"] input, input[data-fact="poisonedOrInjured"]')
        .first()
        .fill('12');
      await expect.poll(() => page.getByTestId('grade-preview').innerText()).toContain('较大');
      await page.getByTestId('register-submit').click();

      // The drawer opens on the new incident: back-dated, so its clocks are already late.
      await expect.poll(() => page.getByTestId('incident-title').innerText()).toBe('桑干河支流死鱼');
      await expect
        .poll(() => page.locator('[data-testid="clock-table"] [data-clock-state="overdue"]').count())
        .toBeGreaterThan(0);

      // The overdue clock alarms: banner with the clause, and an acknowledge button that stops the sound.
      await expect.poll(() => page.getByTestId('alarm-banner').innerText()).toContain('桑干河支流死鱼');
      await page.getByTestId('alarm-ack').click();
      await expect.poll(() => page.getByTestId('alarm-ack').count()).toBe(0);
      await expect.poll(() => page.getByTestId('alarm-banner').count()).toBe(1);

      await page.getByTestId('status-核实中').click();
      await expect.poll(() => page.getByTestId('incident-status').innerText()).toContain('核实中');

      await page.getByTestId('note-text').fill('现场已派员核实');
      await page.getByTestId('note-submit').click();
      const note = page.getByTestId('timeline-entry').filter({ hasText: '现场已派员核实', hasNotText: '作废记录' });
      await note.getByTestId('void-button').click();
      await page.getByTestId('void-reason-input').fill('误记');
      await clickOpenedDialog(page, page.getByRole('button', { name: '确认作废' }));
      await expect.poll(() => note.getAttribute('data-voided')).toBe('1');

      await page.keyboard.press('Escape');
      const row = page.getByTestId('incident-table').locator('tr', { hasText: '桑干河支流死鱼' });
      await expect.poll(() => row.innerText()).toContain('核实中');
      await expect.poll(() => row.locator('[data-clock-state="overdue"]').count()).toBe(1);
      await expect.poll(() => page.getByTestId('upcoming-strip').innerText()).toContain('桑干河支流死鱼');

      // Restart the services on the same data folder and reload: everything is still there.
      await app.restart();
      await expect.poll(() => page.getByTestId('on-duty').innerText()).toContain('赵珺');
      await page.getByTestId('incident-link').filter({ hasText: '桑干河支流死鱼' }).click();
      await expect.poll(() => page.getByTestId('incident-status').innerText()).toContain('核实中');
      const kept = page.getByTestId('timeline-entry').filter({ hasText: '现场已派员核实', hasNotText: '作废记录' });
      await expect.poll(() => kept.getAttribute('data-voided')).toBe('1');
      await expect.poll(() => kept.getByTestId('void-reason').innerText()).toContain('误记');

      // Sixty more notes: the timeline is long, so only the entries in view are in the page (issue 14).
      const id = Number(
        (await page.getByTestId('incident-link').first().getAttribute('href'))?.replace('#incident-', ''),
      );
      const before = (await app.services.incidents.get(id)).timeline.length;
      for (let n = 1; n <= 60; n++) {
        const r = await dispatch(app.services.handlers, 'incidents:add-note', {
          id,
          kind: '续报信息',
          text: `第${n}次续报`,
        });
        if (!r.ok) throw new Error(r.error.message);
      }
      await page.keyboard.press('Escape');
      await page.getByTestId('incident-link').filter({ hasText: '桑干河支流死鱼' }).click();
      const timeline = page.getByTestId('timeline');
      await expect.poll(() => timeline.getAttribute('data-virtual')).toBe('yes');
      const inView = await page.getByTestId('timeline-entry').count();
      expect(inView).toBeLessThan(30);
      // The newest entry is voided from the long list as from a short one.
      const newest = page.getByTestId('timeline-entry').filter({ hasText: '第60次续报', hasNotText: '作废记录' });
      await newest.getByTestId('void-button').click();
      await page.getByTestId('void-reason-input').fill('重复录入');
      await clickOpenedDialog(page, page.getByRole('button', { name: '确认作废' }));
      await expect.poll(() => newest.getAttribute('data-voided')).toBe('1');
      // Scrolled through, every entry once, newest first: the first void, the notes, and 接报 last.
      const all = await readAllRows(timeline, {
        holder: '.ant-listy-holder',
        row: '[data-testid=timeline-entry]',
        key: 'data-entry-id',
      });
      expect(all.rows).toHaveLength(before + 61);
      expect(all.maxRendered).toBeLessThan(30);
      expect(all.rows[1]).toContain('第60次续报');
      expect(all.rows[1]).toContain('重复录入');
      expect(all.rows.filter((t) => t.includes('第1次续报'))).toHaveLength(1);
      expect(all.rows.find((t) => t.includes('现场已派员核实') && !t.includes('作废记录'))).toContain('误记');
      expect(all.rows.at(-1)).toContain('接报');
      await page.screenshot({ path: 'test-output/timeline-virtual-end.png' });
    } finally {
      await app.close();
    }
  }, 240_000);
});
