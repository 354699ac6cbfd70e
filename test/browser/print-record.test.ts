// Browser printing: the page's own print dialog cannot tell the console whether it printed, so the
// officer confirms; only a confirmed print is recorded, and the officer sees each step.
import { describe, expect, it } from 'vitest';
import { listPrintRecords } from '../../electron/db/report-repository';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

describe('printing from the browser', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it(
    'records a print only after 已打印, shows feedback, and records nothing after 未打印',
    { timeout: 180_000 },
    async () => {
      const app = await startWebApp(browser(), tempDir());
      const { page } = app;
      page.setDefaultTimeout(30_000);
      try {
        await signInDuty(page, '李堃', '赵珺');
        await page.locator('.ant-menu-item', { hasText: '值班日志' }).click();
        await page.getByTestId('duty-log-print').click();
        await page.frameLocator('[data-testid="print-preview"]').locator('h1.title').waitFor();
        // What the print record table holds (no screen lists print records; the duty log is not an incident).
        const history = () => app.services.db.read((q) => listPrintRecords(q));

        // Cancelled: the dialog was opened (visible), the officer says it did not print, nothing recorded.
        await page.getByTestId('print-button').click();
        await page.getByText('已打开浏览器打印对话框').waitFor();
        await page.locator('.ant-modal-confirm-title', { hasText: '是否已打印？' }).waitFor();
        await page.getByTestId('print-not-printed').click();
        await page.getByText('未打印，不作记录').waitFor();
        // The question is gone before the officer prints again (its buttons fade out meanwhile).
        await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
        expect(await history()).toEqual([]);

        // Printed: confirmed, recorded once, and the officer is told so.
        await page.getByTestId('print-button').click();
        await page.locator('.ant-modal-confirm', { hasText: '是否已打印？' }).getByTestId('print-confirm').click();
        await page.getByText(/已记录打印：值班日志-/).waitFor();
        const records = await history();
        expect(records).toHaveLength(1);
        expect(records[0]).toMatchObject({ formKind: 'duty-log', target: 'printer', officer: '赵珺' });
        expect(records[0]!.title).toMatch(/^值班日志-\d{4}-\d{2}-\d{2}$/);
      } finally {
        await app.close();
      }
    },
  );
});
