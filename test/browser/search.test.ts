import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import type { IncidentDetail } from '../../shared/domain/incident-view';
import { ENV_INPUT } from '../helpers/services';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

describe('board search in Chromium: keywords, hidden matches, an over-long query', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('平鲁 探伤 finds both words, offers the 已终止 match the filter hides, and refuses an over-long query in Chinese', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    try {
      await signInDuty(page);
      const create = async (title: string, places: string[]) => {
        // Received just now: no alarm notices over the board while it is searched.
        const r = await dispatch(app.services.handlers, 'incidents:create', {
          ...ENV_INPUT,
          title,
          places,
          occurredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
          receivedAt: new Date().toISOString(),
        });
        if (!r.ok) throw new Error(r.error.message);
        // an ok answer carries the channel's declared output
        return r.value as IncidentDetail;
      };
      await create('探伤机放射源丢失', ['平鲁区']);
      await create('探伤作业人员受照', ['应县']);
      await create('平鲁区河道油污', ['平鲁区']);
      const ended = await create('探伤室门机联锁失效', ['平鲁区']);
      const end = await dispatch(app.services.handlers, 'incidents:set-status', {
        id: ended.id,
        status: '已终止',
        note: '误报',
        confirmUnsent: true,
      });
      if (!end.ok) throw new Error(end.error.message);

      const search = page.getByTestId('board-search').locator('input');
      const titles = () => page.getByTestId('incident-link').allInnerTexts();
      await search.fill('平鲁 探伤');
      await search.press('Enter');
      await expect.poll(titles).toEqual(['探伤机放射源丢失']);
      const hint = page.getByTestId('hidden-matches');
      await expect.poll(() => hint.innerText()).toContain('另有1条已终止的事件');
      await hint.getByRole('button', { name: '一并显示' }).click();
      await expect.poll(async () => (await titles()).sort()).toEqual(['探伤室门机联锁失效', '探伤机放射源丢失'].sort());
      await expect.poll(() => hint.count()).toBe(0);

      // Over the limit: said so, and the previous answer is not left on screen.
      await search.fill('探'.repeat(101));
      await search.press('Enter');
      await expect
        .poll(() => page.getByTestId('search-error').innerText())
        .toContain('搜索内容过长（101字），最多100字');
      expect(await page.getByTestId('incident-link').count()).toBe(0);
      await search.fill('平鲁');
      await search.press('Enter');
      await expect.poll(() => page.getByTestId('search-error').count()).toBe(0);
      // 已终止 stays included after 一并显示: two open incidents in 平鲁区 and the ended one.
      await expect.poll(async () => (await titles()).length).toBe(3);

      // Searching changed nothing: after a reload every incident is as it was.
      await page.reload();
      await expect
        .poll(async () => (await titles()).filter((t) => t !== '探伤室门机联锁失效').sort())
        .toEqual(['探伤作业人员受照', '探伤机放射源丢失', '平鲁区河道油污'].sort());
      const kept = await app.services.incidents.get(ended.id);
      expect(kept).toMatchObject({ title: '探伤室门机联锁失效', places: ['平鲁区'], status: '已终止' });
    } finally {
      await app.close();
    }
  }, 120_000);
});
