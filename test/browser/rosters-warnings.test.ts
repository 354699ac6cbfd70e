import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import type { IncidentDetail } from '../../shared/domain/incident-view';
import type { RosterSearchHit } from '../../shared/domain/roster';
import { mergeHitsByUnit } from '../../shared/rosters/merge-hits';
import { ENV_INPUT } from '../helpers/services';
import { useTempDirs } from '../helpers/temp-dir';
import { confirmLeader, signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

describe('rosters per unit, call lists by place, and a lift by an alias in Chromium', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('merges 市生态环境局 per unit, lists no 开发区 for 山阴县, records a call without nested brackets, and keeps it after a reload', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    try {
      await signInDuty(page);
      await page.getByRole('menuitem', { name: '通讯录' }).click();
      await page.getByTestId('roster-search').locator('input').fill('市生态环境局');
      await page.getByTestId('roster-search').locator('input').press('Enter');
      const results = page.getByTestId('search-results');
      await expect.poll(() => results.innerText()).toContain('市生态环境局');
      // One result for the unit, naming each roster it sits in.
      const eco = page.getByTestId('search-hit').filter({ has: page.getByText('市生态环境局', { exact: true }) });
      await expect.poll(() => eco.count()).toBe(1);
      const rosters = eco.getByTestId('search-hit-rosters');
      await expect.poll(() => rosters.locator('a').count()).toBeGreaterThan(4);
      expect(await page.getByTestId('search-hit').count()).toBe(1);
      expect(await rosters.innerText()).toContain('组长单位（污染处置组');
      expect(await page.locator('.ant-card-head-title', { hasText: '合并自' }).count()).toBe(1);

      // A contact is found by its 备注, which the result shows.
      const saved = await dispatch(app.services.handlers, 'rosters:save-contact', {
        rosterId: 'comms-hq',
        entryKind: 'unit',
        entryId: 'mobile',
        role: '联络员',
        name: '郝珏',
        mobile: '13800001111',
        note: '夜间应急值守手机',
      });
      if (!saved.ok) throw new Error(saved.error.message);
      await page.getByTestId('roster-search').locator('input').fill('夜间应急');
      await page.getByTestId('roster-search').locator('input').press('Enter');
      await expect.poll(() => page.getByTestId('search-hit-note').innerText()).toBe('备注：夜间应急值守手机');
      expect(await page.getByTestId('search-hit').count()).toBe(1);
      expect(await page.getByTestId('search-hit').innerText()).toContain('郝珏');

      // A common word matches more units than fit: only those in view are in the page, and the list
      // scrolls to the last of them.
      const found = await dispatch(app.services.handlers, 'rosters:search', { query: '市' });
      if (!found.ok) throw new Error(found.error.message);
      // rosters:search answers with its hits
      const units = mergeHitsByUnit(found.value as RosterSearchHit[]);
      // More than a long list's 50 (renderer/src/hooks/useLongList.ts).
      expect(units.length).toBeGreaterThan(50);
      await page.getByTestId('roster-search').locator('input').fill('市');
      await page.getByTestId('roster-search').locator('input').press('Enter');
      await expect.poll(() => results.getAttribute('data-virtual')).toBe('yes');
      await expect
        .poll(() => page.locator('.ant-card-head-title', { hasText: '搜索结果' }).innerText())
        .toContain(`搜索结果（${units.length}项`);
      expect(await page.getByTestId('search-hit').count()).toBeLessThan(units.length);
      await results.locator('.rc-virtual-list-holder').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await expect.poll(() => page.getByTestId('search-hit').last().innerText()).toContain(units.at(-1)?.name ?? '?');

      const created = await dispatch(app.services.handlers, 'incidents:create', {
        ...ENV_INPUT,
        occurredAt: new Date(Date.now() - 60 * 60_000).toISOString(),
        receivedAt: new Date(Date.now() - 50 * 60_000).toISOString(),
        responseOverride: '三级',
      });
      if (!created.ok) throw new Error(created.error.message);
      // incidents:create answers with the IncidentDetail it stored
      const id = (created.value as IncidentDetail).id;
      await page.getByRole('menuitem', { name: '事件看板' }).click();
      await page.getByTestId('incident-link').filter({ hasText: ENV_INPUT.title }).click();
      const list = page.getByTestId('call-list');
      await expect.poll(() => list.innerText()).toContain('山阴县人民政府');
      expect(await list.innerText()).not.toContain('开发区');

      const group = list.getByTestId('call-item').filter({ hasText: '污染处置组' }).first();
      await group.getByTestId('record-call').click();
      await page.getByTestId('call-note').fill('组长已接报');
      await page.locator('#call-save').click();
      const entry = page.getByTestId('timeline-entry').filter({ hasText: '组长已接报' });
      await expect.poll(() => entry.innerText()).toMatch(/呼叫污染处置组（组长：[^（）]+）/);

      await page.reload();
      await page.getByTestId('incident-link').filter({ hasText: ENV_INPUT.title }).click();
      await expect
        .poll(() => page.getByTestId('timeline-entry').filter({ hasText: '组长已接报' }).innerText())
        .toMatch(/呼叫污染处置组（组长：[^（）]+）：接通/);
      const detail = await app.services.incidents.get(id);
      const call = detail.timeline.find((e) => e.kind === 'call');
      expect(call?.text).not.toMatch(/（[^）]*（/);
      expect(detail.title).toBe(ENV_INPUT.title);
      expect(detail.places).toEqual(ENV_INPUT.places);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('a refused lift leaves no document behind; 朔州市政府 lifts what 朔州市人民政府 issued', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    try {
      await signInDuty(page);
      const issued = await dispatch(app.services.handlers, 'warnings:issue', {
        plan: 'radiation',
        level: '三级',
        direction: 'received',
        issuerKind: 'city',
        issuer: '朔州市人民政府',
        area: '朔城区',
        issuedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      });
      expect(issued.ok).toBe(true);
      await page.getByRole('menuitem', { name: '预警' }).click();
      const card = page.getByTestId('warning-card').first();
      await card.getByTestId('warning-lift').click();
      await page.locator('#warning-act-by').fill('山阴县人民政府');
      await page.locator('#warning-act-doc').fill('山政发〔2026〕1号');
      await page.locator('#warning-act-ok').click();
      await confirmLeader(page);
      await expect.poll(() => page.locator('.ant-message').innerText()).toContain('不能解除此预警');
      await page.getByRole('button', { name: /取\s*消/ }).click();
      await card.getByTestId('warning-lift').click();
      await expect.poll(() => page.locator('#warning-act-doc').inputValue()).toBe('');
      expect(await page.locator('#warning-act-by').inputValue()).toBe('朔州市人民政府');

      await page.locator('#warning-act-by').fill('朔州市政府');
      await page.locator('#warning-act-doc').fill('朔政发明电〔2026〕2号');
      await page.locator('#warning-act-ok').click();
      await confirmLeader(page);
      await expect.poll(() => page.getByTestId('warning-card').count()).toBe(0);

      await page.reload();
      await page.getByRole('menuitem', { name: '预警' }).click();
      const all = await dispatch(app.services.handlers, 'warnings:list', {});
      if (!all.ok) throw new Error(all.error.message);
      // dispatch answers Result<unknown>; the channel's declared output has this shape
      const [w] = all.value as { issuer: string; area: string; level: string; lifted: { document: string } | null }[];
      expect(w).toMatchObject({ issuer: '朔州市人民政府', area: '朔城区', level: '三级' });
      expect(w?.lifted?.document).toBe('朔政发明电〔2026〕2号');

      // 登记预警 offers the issuers the plan names for the chosen level and kind (warnings:issuers).
      await page.getByRole('button', { name: '登记预警' }).click();
      const drawer = page.locator('.ant-drawer-open', { hasText: '登记预警' });
      await drawer.getByText('三级（黄色）').click();
      await page.locator('#warning-issuer').click();
      await page.locator('.ant-select-item-option', { hasText: '朔州市政府' }).click();
      await page.locator('#warning-area').fill('山阴县');
      await page.locator('#warning-save').click();
      await confirmLeader(page);
      await expect.poll(() => page.getByTestId('warning-card').count()).toBe(1);
      await page.reload();
      const after = await dispatch(app.services.handlers, 'warnings:list', {});
      if (!after.ok) throw new Error(after.error.message);
      // dispatch answers Result<unknown>; the channel's declared output has this shape
      const [added] = after.value as {
        plan: string;
        direction: string;
        issuerKind: string;
        issuer: string;
        area: string;
        level: string;
      }[];
      expect(added).toMatchObject({
        plan: 'radiation',
        direction: 'received',
        issuerKind: 'city',
        issuer: '朔州市政府',
        area: '山阴县',
        level: '三级',
      });
    } finally {
      await app.close();
    }
  }, 120_000);
});
