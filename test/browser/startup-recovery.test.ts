import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { webHostPrinter } from '../../electron/print/printer';
import { backupDatabase } from '../../electron/services/data/backups';
import { bootServices } from '../../electron/services/startup/startup-service';
import { startWebHost } from '../../electron/web-host/server';
import { staticDirs } from '../../electron/web-host/static-dirs';
import { ENV_INPUT, makeServices } from '../helpers/services';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { RENDERER_DIR, seedAccounts, useBrowser } from '../helpers/web-app';

describe('start-up recovery and a lost data folder, in Chromium against the web host', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('a zero-byte database with a backup: the page names the damage, restores the latest verified backup, and the board shows its incidents after a reload', async () => {
    const dir = tempDir();
    const s = await makeServices(dir);
    await seedAccounts(s);
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const kept = await s.incidents.create({
      ...ENV_INPUT,
      title: '备份里的事件',
      levelOverride: null,
      responseOverride: null,
      discoveredAt: null,
    });
    await backupDatabase(s.db, join(dir, 'backups'), 'manual', new Date('2026-11-29T02:00:00.000Z'));
    await s.close();
    writeFileSync(join(dir, 'duty.sqlite3'), '');

    let host: Awaited<ReturnType<typeof startWebHost>> | null = null;
    const boot = await bootServices({
      dataDir: dir,
      host: 'web',
      printer: webHostPrinter(dir),
      alarms: false,
      emit: (e, p) => host?.emit(e, p),
    });
    host = await startWebHost({ handlers: boot.handlers, rendererDir: RENDERER_DIR, staticDirs: staticDirs() });
    const context = await browser().newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1400, height: 1000 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(host.appUrl);
      const screen = page.getByTestId('startup-recovery');
      await expect.poll(() => screen.innerText(), { timeout: 30_000 }).toContain('值班台无法打开数据');
      const text = await screen.innerText();
      expect(text).toContain('数据库文件 duty.sqlite3 是空的（0 字节）');
      expect(text).toContain('duty-20261129T020000000Z-manual.sqlite3');
      expect(text).toContain('已通过完整性检查');
      await page.screenshot({ path: join(tmpdir(), 'duty-startup-recovery.png') });
      // Nothing was written while the screen was shown.
      expect(statSync(join(dir, 'duty.sqlite3')).size).toBe(0);

      await page.getByTestId('restore-latest').click();
      await page.getByRole('button', { name: '确认恢复' }).click();
      // The restored data has its accounts: the officers log in again. The restore checks the backup
      // whole and starts the services first, which on a loaded machine can take longer than a page wait.
      await page.getByTestId('login-name').or(page.getByTestId('session-user')).first().waitFor({ timeout: 60_000 });
      await signInDuty(page);
      await expect.poll(() => page.getByText('备份里的事件').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await page.reload();
      await expect.poll(() => page.getByText('备份里的事件').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(await page.getByTestId('startup-recovery').count()).toBe(0);
      expect(await page.getByTestId('storage-banner').count()).toBe(0);
      await page.screenshot({ path: join(tmpdir(), 'duty-after-restore.png') });
      expect((await boot.services()!.incidents.get(kept.id)).title).toBe('备份里的事件');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await host.close();
      await boot.close();
    }
  }, 90_000);

  it('the data folder deleted while the page is open: a refused write raises the alarm-level banner at once', async () => {
    const dir = join(tempDir(), 'data');
    let host: Awaited<ReturnType<typeof startWebHost>> | null = null;
    const boot = await bootServices({
      dataDir: dir,
      host: 'web',
      printer: webHostPrinter(dir),
      alarms: false,
      emit: (e, p) => host?.emit(e, p),
    });
    host = await startWebHost({ handlers: boot.handlers, rendererDir: RENDERER_DIR, staticDirs: staticDirs() });
    const services = boot.services()!;
    await seedAccounts(services);
    await services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const context = await browser().newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1400, height: 1000 },
    });
    const page = await context.newPage();
    try {
      await page.goto(host.appUrl);
      await signInDuty(page);
      await expect.poll(() => page.getByTestId('on-duty').innerText(), { timeout: 30_000 }).toContain('赵珺');
      expect(await page.getByTestId('storage-banner').count()).toBe(0);
      rmSync(dir, { recursive: true, force: true });
      await expect(services.incidents.setDuty({ leader: '甲', officer: '乙' })).rejects.toThrow(/数据文件夹已不可用/);
      const banner = page.getByTestId('storage-banner');
      await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(1);
      expect(await banner.innerText()).toContain('数据文件夹已不可用（已被删除或不可写）：本次操作未保存');
      await page.screenshot({ path: join(tmpdir(), 'duty-storage-banner.png') });
      expect(existsSync(dir)).toBe(false);
    } finally {
      await context.close();
      await host.close();
      await boot.close();
    }
  }, 90_000);
});
