import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import type { IncidentDetail } from '../../shared/domain/incident-view';
import { ENV_INPUT } from '../helpers/services';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

/** The board's list calls a page makes, with what each asked for. */
function listCalls(page: import('playwright-core').Page): Record<string, unknown>[] {
  const calls: Record<string, unknown>[] = [];
  page.on('request', (r) => {
    if (decodeURIComponent(new URL(r.url()).pathname) === '/api/incidents:list') {
      // the page posts each call's input as JSON
      calls.push(JSON.parse(r.postData() ?? '{}') as Record<string, unknown>);
    }
  });
  return calls;
}

describe('the board as the console opens (its list asked for with the log-in answers)', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('a page opened before logging in never shows the early refusal; logged in and after a reload the board shows what is still owed, asked for once', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    try {
      await app.services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
      // Received just now: its clocks run, none overdue.
      const made = await dispatch(app.services.handlers, 'incidents:create', {
        ...ENV_INPUT,
        occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
        receivedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      });
      if (!made.ok) throw new Error(made.error.message);
      // an ok answer carries the channel's declared output
      const inc = made.value as IncidentDetail;
      const [sent, owed] = inc.clocks;
      if (!sent || !owed) throw new Error('登记应产生两项以上报告时限');
      const done = await dispatch(app.services.handlers, 'clocks:complete', {
        incidentId: inc.id,
        clockId: sent.clockId,
        completedAt: new Date().toISOString(),
        channel: '电话',
        recipientUnit: '市应急管理局',
        recipientName: '王明',
      });
      if (!done.ok) throw new Error(done.error.message);

      // The page opened before anyone logged in: its early list was refused, and is not shown.
      await page.getByTestId('login-name').waitFor();
      await signInDuty(page);
      const links = page.getByTestId('incident-link');
      await expect.poll(() => links.allInnerTexts()).toEqual([ENV_INPUT.title]);
      const row = page.locator('.ant-table-row').filter({ has: links });
      const checkBoard = async () => {
        expect(await page.locator('.ant-alert-error').count()).toBe(0);
        // The row's most urgent clock is the one still owed; the one reported is not on the board.
        await expect.poll(() => row.innerText()).toContain(owed.title);
        expect(await row.innerText()).not.toContain(sent.title);
      };
      await checkBoard();

      // A reload of the logged-in seat: no log-in screen, the board as before, its list asked for once.
      const calls = listCalls(page);
      await page.reload();
      await expect.poll(() => links.allInnerTexts()).toEqual([ENV_INPUT.title]);
      expect(await page.getByTestId('login-name').count()).toBe(0);
      await checkBoard();
      // Long enough for any second call the page would make (the frame's own calls come sooner).
      await page.waitForTimeout(1500);
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ clocks: 'open' });

      // The tab shows the console's own icon, served by the host (a browser asks for one on every load).
      const icon = await page.locator('link[rel=icon]').evaluate((el) => (el as HTMLLinkElement).href);
      const served = await page.request.get(icon);
      expect(served.status()).toBe(200);
      expect(served.headers()['content-type']).toBe('image/png');

      // The incident itself still shows the reported clock with its record.
      await links.first().click();
      await expect.poll(() => page.locator('.ant-drawer').innerText()).toContain('王明');
    } finally {
      await app.close();
    }
  });
});
