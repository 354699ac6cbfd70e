/**
 * The tamper-evident record in the real renderer (issue 18; GB/T 22239-2019 8.1.4.3, 8.1.4.7): a
 * timeline row edited with sqlite3 while the console was closed is named in a red banner above the
 * page for every logged-in user, after a reload too; and a printed form carries the chain's short
 * code in its footer, the same code its print record keeps.
 */
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { listPrintRecords } from '../../electron/db/report-repository';
import { makeServices, ENV_INPUT } from '../helpers/services';
import { DATABASE_FILE } from '../../electron/services/app-services';
import type { IntegrityStatus } from '../../shared/ipc/channels/integrity';
import { useTempDirs } from '../helpers/temp-dir';
import { caller } from '../electron/services/response/call';
import { signInDuty } from '../helpers/ui';
import { seedAccounts, startWebApp, useBrowser } from '../helpers/web-app';

describe('the record chain in the console', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it(
    'a row edited outside the console shows a red banner naming it; a printed form shows the chain short code',
    { timeout: 180_000 },
    async () => {
      const dir = tempDir();
      // Records made by the console, then the file edited with sqlite3 while it is closed.
      const first = await makeServices(dir);
      await seedAccounts(first);
      const call = caller(first.handlers);
      await call('duty:set', { leader: '李堃', officer: '赵珺' });
      const inc = await call('incidents:create', ENV_INPUT);
      await call('incidents:add-note', { id: inc.id, kind: '备注', text: '已电话核实' });
      await first.close();
      const file = new sqlite3.Database(join(dir, DATABASE_FILE));
      await new Promise<void>((resolve, reject) =>
        file.exec("UPDATE timeline_entries SET text = '备注：一切正常' WHERE text = '备注：已电话核实'", (err) =>
          err ? reject(err) : resolve(),
        ),
      );
      await new Promise<void>((resolve) => file.close(() => resolve()));

      const app = await startWebApp(browser(), dir);
      const { page } = app;
      page.setDefaultTimeout(30_000);
      try {
        await signInDuty(page, '李堃', '赵珺');
        const banner = page.getByTestId('integrity-banner');
        await banner.waitFor();
        const finding =
          /事件 2026-0001 的时间线第2条（表 timeline_entries，编号 2，记于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}）在值班台之外被改动/;
        expect(await page.getByTestId('integrity-finding').first().innerText()).toMatch(finding);
        expect(await banner.innerText()).toContain('记录链核验未通过');
        // Above the page: the banner comes before the board in the layout.
        const bannerBox = await banner.boundingBox();
        const boardBox = await page.locator('.ant-layout-content').boundingBox();
        expect(bannerBox!.y).toBeLessThan(boardBox!.y);
        await page.screenshot({ path: 'test-output/integrity-banner.png' });

        // Still there after a reload (the services keep the finding), for the same logged-in seat.
        await page.reload();
        await signInDuty(page, '李堃', '赵珺');
        await page.getByTestId('integrity-finding').first().waitFor();
        expect(await page.getByTestId('integrity-finding').first().innerText()).toMatch(finding);

        // A printed form: the duty log's preview carries the chain's head code in every page's footer.
        const status = await dispatch(app.services.handlers, 'integrity:status', {});
        if (!status.ok) throw new Error(status.error.message);
        // dispatch answers Result<unknown>; the channel's declared output is IntegrityStatus
        const head = (status.value as IntegrityStatus).headCode;
        expect(head).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
        await page.locator('.ant-menu-item', { hasText: '值班日志' }).click();
        await page.getByTestId('duty-log-print').click();
        const preview = page.frameLocator('[data-testid="print-preview"]');
        await preview.getByTestId('page-chain-code').first().waitFor();
        expect(await preview.getByTestId('page-chain-code').first().innerText()).toBe(`核验码 ${head!}`);
        await page.getByTestId('print-preview').screenshot({ path: 'test-output/integrity-print-code.png' });
        // Printed: the record keeps the code the paper shows.
        await page.getByTestId('print-button').click();
        await page.getByTestId('print-confirm').click();
        await page.getByText(/已记录打印：值班日志-/).waitFor();
        const records = await app.services.db.read((q) => listPrintRecords(q));
        expect(records.map((r) => r.chainCode)).toEqual([head]);
      } finally {
        await app.close();
      }
    },
  );
});
