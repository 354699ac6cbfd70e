/**
 * The board pages on the services (issue 14): a search with more matches than a page shows the
 * first 100 with the total, 加载更多 brings the rest, and what is shown is what the services
 * derive — read from the stored derivations once they are current, and the same after a reload.
 * A long board is virtualised: only a window of its rows is in the page, scrolling reaches the
 * last, and Tab walks its links past the first window.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import type { IncidentDetail } from '../../shared/domain/incident-view';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { readAllRows, tabThrough, VIRTUAL_TABLE } from '../helpers/virtual-list';
import { startWebApp, useBrowser } from '../helpers/web-app';

describe('board paging in Chromium', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('a search over 130 matches shows 100 of 130, 加载更多 shows all 130 once each; the same after the store is filled and a reload; the long board renders a window, scrolls to its last row and is walked by Tab; with 110 of them ended the search names all 110 it hides', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    page.setDefaultTimeout(30_000);
    try {
      await signInDuty(page);
      const made: string[] = [];
      const madeIds: number[] = [];
      const all: string[] = [];
      // 其他 has no reporting clocks, so no alarm notice covers the board while it is paged.
      for (let i = 0; i < 160; i++) {
        const title = i % 6 === 5 ? `道路积水${i}` : `仓库泄漏${String(i).padStart(3, '0')}`;
        const r = await dispatch(app.services.handlers, 'incidents:create', {
          category: 'other',
          title,
          places: ['朔城区'],
          occurredAt: new Date(Date.now() - 3_600_000 + i * 1000).toISOString(),
          receivedAt: new Date(Date.now() - 3_000_000 + i * 1000).toISOString(),
          reporterUnit: '朔城区应急管理局',
          reporterName: '王建国',
          reporterPhone: '0349-2021234',
          receiveChannel: '电话',
          narrative: '现场核实中',
          facts: {},
          levelOverride: null,
          responseOverride: null,
          drill: false,
        });
        if (!r.ok) throw new Error(r.error.message);
        // incidents:create answers with the IncidentDetail it stored
        if (title.startsWith('仓库泄漏')) {
          made.push((r.value as IncidentDetail).title);
          madeIds.push((r.value as IncidentDetail).id);
        }
        all.push(title);
      }
      expect(made).toHaveLength(134);

      const table = page.getByTestId('incident-table');
      const links = { ...VIRTUAL_TABLE, text: '[data-testid=incident-link]' };

      // The default board: 160 open incidents, newest first (none has a clock), in a virtualised table.
      const newestFirst = [...all].reverse();
      await expect.poll(() => page.getByTestId('board-count').innerText()).toBe('已显示 160 起，共 160 起');
      expect(await table.getAttribute('data-virtual')).toBe('yes');
      const inView = await page.getByTestId('incident-link').count();
      expect(inView).toBeGreaterThan(5);
      expect(inView).toBeLessThan(60);
      // Tab from the first link walks the rows beyond the first window; Enter opens the one reached.
      await page.getByTestId('incident-link').first().focus();
      await tabThrough(page, inView + 10);
      const reached = newestFirst[inView + 10]!;
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(reached);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('incident-title').innerText()).toBe(reached);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
      const board = await readAllRows(table, links);
      expect(board.rows).toEqual(newestFirst);
      expect(board.maxRendered).toBeLessThan(60);
      // Scrolled to its end, the last row is in view.
      await expect.poll(() => page.getByTestId('incident-link').last().innerText()).toBe(newestFirst.at(-1));
      expect(await page.getByTestId('incident-link').last().isVisible()).toBe(true);
      await page.screenshot({ path: 'test-output/board-virtual-end.png' });

      const direct = await dispatch(app.services.handlers, 'incidents:list', { search: '泄漏', limit: 100 });
      if (!direct.ok) throw new Error(direct.error.message);
      // dispatch answers Result<unknown>; the channel's declared output has this shape
      expect((direct.value as { total: number }).total).toBe(134);

      const searchAndPage = async (): Promise<string[]> => {
        const search = page.getByTestId('board-search').locator('input');
        await search.fill('泄漏');
        await search.press('Enter');
        const count = page.getByTestId('board-count');
        await expect.poll(() => count.innerText()).toBe('已显示 100 起，共 134 起');
        await page.getByTestId('board-more').click();
        await expect.poll(() => count.innerText()).toBe('已显示 134 起，共 134 起');
        expect(await page.getByTestId('board-more').count()).toBe(0);
        // 134 rows: virtualised, read by scrolling through them.
        expect(await table.getAttribute('data-virtual')).toBe('yes');
        const read = await readAllRows(table, links);
        expect(read.maxRendered).toBeLessThan(60);
        return read.rows;
      };
      const expected = [...made].sort().reverse();
      // Newest first, each match once.
      expect(await searchAndPage()).toEqual(expected);

      // Once the store holds every incident's derivation, the pages read it: the same rows after a reload.
      await app.services.derived.settle();
      await page.reload();
      await signInDuty(page);
      expect(await searchAndPage()).toEqual(expected);
      await page.screenshot({ path: `${tempDir()}/board-paging.png` });

      // 110 of the matches ended: the search under the open statuses names all 110 it hides (the
      // count is the server's, not that of the first page read), and 一并显示 brings them back.
      for (const id of madeIds.slice(0, 110)) {
        const ended = await dispatch(app.services.handlers, 'incidents:set-status', {
          id,
          status: '已终止',
          note: '处置完毕',
          confirmUnsent: true,
        });
        if (!ended.ok) throw new Error(ended.error.message);
      }
      const count = page.getByTestId('board-count');
      await expect.poll(() => count.innerText()).toBe('已显示 24 起，共 24 起');
      const hint = page.getByTestId('hidden-matches');
      await expect.poll(() => hint.innerText()).toContain('状态筛选之外另有110条已终止的事件符合搜索条件');
      await hint.getByRole('button', { name: '一并显示' }).click();
      await expect.poll(() => count.innerText()).toBe('已显示 100 起，共 134 起');
      await expect.poll(() => hint.count()).toBe(0);
    } finally {
      await app.close();
    }
  }, 180_000);
});
