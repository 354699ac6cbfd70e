import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { ENV_INPUT } from '../helpers/services';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

describe('statistics and backups in Chromium against the web host', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('shows the figures for a few incidents and lists a backup made with 立即备份', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    try {
      await signInDuty(page);
      const h = app.services.handlers;
      const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
      const made = [
        await dispatch(h, 'incidents:create', { ...ENV_INPUT, occurredAt: ago(120), receivedAt: ago(100) }),
        await dispatch(h, 'incidents:create', {
          ...ENV_INPUT,
          title: '应县河道油污',
          places: ['应县'],
          occurredAt: ago(90),
          receivedAt: ago(80),
        }),
        await dispatch(h, 'incidents:create', {
          ...ENV_INPUT,
          title: '演练：怀仁市管道泄漏',
          places: ['怀仁市'],
          drill: true,
          occurredAt: ago(60),
          receivedAt: ago(50),
        }),
      ];
      expect(made.every((r) => r.ok)).toBe(true);

      await page.getByRole('menuitem', { name: '统计' }).click();
      await expect.poll(() => page.getByTestId('stat-incidents').innerText()).toContain('2');
      await expect.poll(() => page.getByTestId('stats-page').innerText()).toContain('不含演练 1 起');
      const byPlace = page.getByTestId('stats-by-place');
      await expect.poll(() => byPlace.innerText()).toContain('山阴县');
      expect(await byPlace.innerText()).toContain('应县');
      expect(await byPlace.innerText()).not.toContain('怀仁市');
      // A chart is drawn (recharts renders SVG bars).
      await expect.poll(() => byPlace.locator('svg .recharts-bar-rectangle').count()).toBe(2);

      await page.getByTestId('stats-drills').click();
      await expect.poll(() => page.getByTestId('stat-incidents').innerText()).toContain('3');
      await expect.poll(() => byPlace.innerText()).toContain('怀仁市');

      await page.getByRole('menuitem', { name: '数据与备份' }).click();
      await expect.poll(() => page.getByTestId('backup-list').innerText()).toContain('还没有备份');
      // The overdue incidents' alarm notices sit over the page's corner: the officer closes them first.
      const closers = page.locator('.ant-notification-notice-close');
      for (let i = 0; i < 10 && (await closers.count()) > 0; i++) {
        await closers.first().click();
        await page.waitForTimeout(400);
      }
      await page.getByTestId('backup-now').click();
      await expect.poll(() => page.getByTestId('backup-list').innerText()).toContain('手动备份');
      const listed = await page.getByTestId('backup-list').innerText();
      const state = await dispatch(h, 'data:backups', {});
      expect(state.ok).toBe(true);
      // dispatch answers Result<unknown>; the channel's declared output has this shape
      const backups = state.ok ? (state.value as { backups: { fileName: string }[] }).backups : [];
      expect(backups).toHaveLength(1);
      expect(listed).toContain(backups[0]!.fileName);
    } finally {
      await app.close();
    }
  }, 90_000);
});
