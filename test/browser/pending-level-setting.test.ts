/**
 * Issue 12 "Unknown level": the 待初步判定 reminder runs for a duty-room setting (default 30 min),
 * labelled as the room's own rule. Changing it in 设置 moves the reminder of an incident still
 * without a level; after a reload the setting and every other setting are as saved.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import type { IncidentDetail } from '../../shared/domain/incident-view';
import type { Result } from '../../shared/ipc/result';
import { chineseDateTime } from '../../shared/time';
import { useTempDirs } from '../helpers/temp-dir';
import { confirmLeader, signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

function incident(r: Result<unknown>): IncidentDetail {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as IncidentDetail; // dispatch is untyped by channel; this channel answers an IncidentDetail
}

const MIN = 60_000;

describe('待初步判定 reminder from the settings page', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it(
    '45 minutes saved in 设置 moves the reminder; other settings stay after a reload',
    { timeout: 120_000 },
    async () => {
      const app = await startWebApp(browser(), tempDir());
      const { page } = app;
      try {
        await signInDuty(page);
        // Wide enough for the whole header menu on one line, 设置 included.
        await page.setViewportSize({ width: 1920, height: 1000 });
        const received = Math.floor(Date.now() / MIN) * MIN - 10 * MIN;
        incident(
          await dispatch(app.services.handlers, 'incidents:create', {
            category: 'environment',
            title: '应县河道异味',
            places: ['应县'],
            occurredAt: new Date(received - 20 * MIN).toISOString(),
            receivedAt: new Date(received).toISOString(),
            reporterUnit: '应县生态环境分局',
            reporterName: '刘喆',
            reporterPhone: '',
            receiveChannel: '电话',
            narrative: '群众反映河道有异味，情况待核实。',
            facts: {},
            drill: false,
          }),
        );
        // settings:get's declared output is a settings record
        const before = (await dispatch(app.services.handlers, 'settings:get', {})) as Result<Record<string, unknown>>;
        if (!before.ok) throw new Error(before.error.message);

        const pendingRow = () =>
          page.getByTestId('clock-table').locator('tr', { has: page.getByTestId('clock-row-room.pending-level') });
        await page.reload();
        await page.getByTestId('incident-link').filter({ hasText: '应县河道异味' }).click();
        await expect.poll(() => pendingRow().innerText(), { timeout: 10_000 }).toContain('30分钟内（本值班室规定）');
        expect(await pendingRow().innerText()).toContain(chineseDateTime(received + 30 * MIN));
        expect(await pendingRow().getByTestId('clock-room-rule').innerText()).toContain('本值班室规定（非预案条款）');
        await page.keyboard.press('Escape');

        await page.getByRole('menuitem', { name: '设置' }).click();
        const field = page.getByTestId('setting-pending-level');
        await field.fill('45');
        await page.getByTestId('settings-save').click();
        if (
          await page
            .getByTestId('leader-password')
            .isVisible()
            .catch(() => false)
        )
          await confirmLeader(page);
        await expect.poll(() => page.locator('.ant-message').innerText()).toContain('设置已保存');

        await page.reload();
        await page.getByRole('menuitem', { name: '设置' }).click();
        await expect.poll(() => page.getByTestId('setting-pending-level').inputValue()).toBe('45');
        // settings:get's declared output is a settings record
        const after = (await dispatch(app.services.handlers, 'settings:get', {})) as Result<Record<string, unknown>>;
        if (!after.ok) throw new Error(after.error.message);
        expect(after.value).toEqual({ ...before.value, pendingLevelMinutes: 45 });

        await page.getByRole('menuitem', { name: '事件看板' }).click();
        await page.getByTestId('incident-link').filter({ hasText: '应县河道异味' }).click();
        await expect.poll(() => pendingRow().innerText()).toContain('45分钟内（本值班室规定）');
        expect(await pendingRow().innerText()).toContain(chineseDateTime(received + 45 * MIN));
        await page.getByTestId('clock-table').screenshot({ path: 'test-output/pending-level-setting.png' });
      } finally {
        await app.close();
      }
    },
  );
});
