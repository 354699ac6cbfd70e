import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { exportsFolder } from '../../electron/exports/export-file';
import { ENV_INPUT, makeServices } from '../helpers/services';
import { dutySeats, SEAT_PASSWORD } from '../helpers/seat-calls';
import { useTempDirs } from '../helpers/temp-dir';
import { confirmLeader, signInDuty, TEST_PASSWORD } from '../helpers/ui';
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

      // An incident registered after the backup, then the backup restored with the leader's password:
      // every seat is logged out, the officers log in again, and the board holds what the backup held.
      const later = await dispatch(h, 'incidents:create', {
        ...ENV_INPUT,
        title: '备份之后的接报',
        occurredAt: ago(20),
        receivedAt: ago(10),
      });
      expect(later.ok).toBe(true);
      await page.getByTestId(`restore-${backups[0]!.fileName}`).click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /恢\s*复/ })
        .click();
      await confirmLeader(page);
      await expect.poll(() => page.getByTestId('restore-done').innerText()).toContain('本机所有席位均已退出登录');
      await page.getByRole('button', { name: '重新登录' }).click();
      await page.getByTestId('login-screen').waitFor();
      await signInDuty(page);
      await page.getByRole('menuitem', { name: '事件看板' }).click();
      await page.getByText('应县河道油污').first().waitFor();
      await page.reload();
      await page.getByTestId('on-duty').filter({ hasText: '赵珺' }).waitFor();
      await page.getByText('应县河道油污').first().waitFor();
      await page.getByText(ENV_INPUT.title).first().waitFor();
      expect(await page.getByText('备份之后的接报').count()).toBe(0);
    } finally {
      await app.close();
    }
  }, 90_000);

  it('a new install imports a full export from a seat: the leader confirms, every seat logs out, the officers log in with the imported accounts', async () => {
    // The duty room's old machine: its own accounts and password, one incident.
    const title = '旧机器上登记的事件：朔城区管网泄漏';
    const old = await makeServices(tempDir());
    let text: string;
    try {
      const { seat } = await dutySeats(old);
      const at = new Date(Date.now() - 10 * 60_000).toISOString();
      await seat('incidents:create', { ...ENV_INPUT, title, places: ['朔城区'], occurredAt: at, receivedAt: at });
      text = readFileSync((await seat('data:export-all', {})).path, 'utf8');
    } finally {
      await old.close();
    }
    const dir = tempDir();
    const app = await startWebApp(browser(), dir);
    const { page } = app;
    page.setDefaultTimeout(30_000);
    try {
      // The new install, set up to log in: its administrator, 李堃 and 赵珺 with this install's password.
      await signInDuty(page);
      mkdirSync(exportsFolder(dir), { recursive: true });
      writeFileSync(join(exportsFolder(dir), '完整数据-旧机器.json'), text);
      await page.getByRole('menuitem', { name: '数据与备份' }).click();
      await page.getByPlaceholder('导出文件夹中的文件名').fill('完整数据-旧机器.json');
      await page.getByRole('button', { name: '按文件名导入' }).click();
      await confirmLeader(page);
      await expect
        .poll(() => page.getByTestId('import-done').innerText())
        .toContain('请各位值班人员使用导入数据中的账户和密码重新登录');
      await page.getByRole('button', { name: '重新登录' }).click();
      await page.getByTestId('login-screen').waitFor();

      // Logged out; this install's password no longer opens 赵珺's account, the imported one does.
      const logIn = async (password: string) => {
        await page.getByTestId('login-name').fill('赵珺');
        await page.getByTestId('login-password').fill(password);
        await page.getByTestId('login-leader-name').fill('李堃');
        await page.getByTestId('login-leader-password').fill(password);
        await page.getByTestId('login-submit').click();
      };
      await logIn(TEST_PASSWORD);
      await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('姓名或密码错误');
      await logIn(SEAT_PASSWORD);
      await page.getByTestId('on-duty').filter({ hasText: '赵珺' }).waitFor();
      await page.getByText(title).first().waitFor();

      // A reload keeps the seat logged in with the imported accounts and shows the imported record.
      await page.reload();
      await page.getByTestId('on-duty').filter({ hasText: '赵珺' }).waitFor();
      await page.getByText(title).first().waitFor();
      expect(await page.getByTestId('session-user').innerText()).toContain('赵珺');
    } finally {
      await app.close();
    }
  }, 90_000);
});
