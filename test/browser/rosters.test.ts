import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import type { IncidentDetail } from '../../shared/domain/incident-view';
import type { RosterView } from '../../shared/domain/roster';
import { ENV_INPUT } from '../helpers/services';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { readAllRows, VIRTUAL_TABLE } from '../helpers/virtual-list';
import { startWebApp, useBrowser } from '../helpers/web-app';

describe('rosters and call lists in Chromium against the web host', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('adds an office number, reads the long roster by scrolling its tree and its list, finds it by pinyin, builds the call list of an incident and records a call in its timeline', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    try {
      await signInDuty(page);

      // Roster page: the eco HQ opens first; add the office's duty number.
      await page.getByRole('menuitem', { name: '通讯录' }).click();
      await expect.poll(() => page.getByTestId('roster-title').innerText()).toBe('朔州市较大生态环境事件应急指挥部');
      // The basis line, counts at its end, is read whole at this width: wrapped, never cut off.
      const basis = page.getByTestId('roster-basis');
      await expect.poll(() => basis.innerText()).toMatch(/联系人\d+人$/);
      expect(await basis.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      await page.getByTestId('roster-tree').getByTestId('add-contact-office-office').click();
      await page.getByTestId('contact-name').fill('市指挥部办公室值班室');
      await page.getByTestId('contact-office').fill('2021234');
      await page.locator('#contact-save').click();
      await expect
        .poll(() => page.getByTestId('roster-tree').getByTestId('copy-phone').first().innerText())
        .toContain('0349-2021234');

      // The eco HQ is a long roster: its tree and its list hold only the lines in view (issue 14).
      // Scrolled through, each shows every entry once, the new number in its place, the last 工作组 last.
      const got = await dispatch(app.services.handlers, 'rosters:get', { rosterId: 'eco-hq', includeEnded: false });
      if (!got.ok) throw new Error(got.error.message);
      // an ok answer carries the channel's declared output
      const { roster, contacts } = got.value as RosterView;
      const branches = [roster.leaders.length + (roster.members?.length ?? 0), roster.office ? 1 : 0];
      branches.push(roster.units.length, roster.groups.length);
      const entries = 1 + branches.reduce((a, b) => a + b, 0);
      const lastGroup = roster.groups.at(-1)!.name;
      expect(contacts).toHaveLength(1);
      const tree = page.getByTestId('roster-tree');
      expect(await tree.getAttribute('data-virtual')).toBe('yes');
      const lines = await readAllRows(tree, { holder: '.ant-tree-list-holder', row: '[role=treeitem]' });
      expect(lines.rows).toHaveLength(entries + branches.filter((n) => n > 0).length + contacts.length);
      expect(lines.maxRendered).toBeLessThan(lines.rows.length / 2);
      expect(lines.rows.filter((t) => t.includes('0349-2021234'))).toHaveLength(1);
      expect(lines.rows.at(-1)).toContain(lastGroup);
      await page.getByRole('tab', { name: '列表' }).click();
      const table = page.getByTestId('roster-table');
      expect(await table.getAttribute('data-virtual')).toBe('yes');
      const rows = await readAllRows(table, VIRTUAL_TABLE);
      expect(rows.rows).toHaveLength(entries);
      expect(rows.maxRendered).toBeLessThan(entries / 2);
      expect(rows.rows.filter((t) => t.includes('0349-2021234'))).toHaveLength(1);
      expect(rows.rows.at(-1)).toContain(lastGroup);
      await page.screenshot({ path: 'test-output/roster-list-end.png' });
      await page.getByRole('tab', { name: '树形' }).click();

      await page.getByTestId('roster-search').locator('input').fill('stj');
      await page.getByTestId('roster-search').locator('input').press('Enter');
      await expect.poll(() => page.getByTestId('search-results').innerText()).toContain('市生态环境局');

      // An environmental incident at 三级 in 山阴县.
      const created = await dispatch(app.services.handlers, 'incidents:create', {
        ...ENV_INPUT,
        occurredAt: new Date(Date.now() - 60 * 60_000).toISOString(),
        receivedAt: new Date(Date.now() - 50 * 60_000).toISOString(),
        responseOverride: '三级',
      });
      expect(created.ok).toBe(true);
      await page.getByRole('menuitem', { name: '事件看板' }).click();
      await page.getByTestId('incident-link').filter({ hasText: ENV_INPUT.title }).click();

      const list = page.getByTestId('call-list');
      const office = list.getByTestId('call-item').first();
      await expect.poll(() => office.innerText()).toContain('市指挥部办公室');
      await expect.poll(() => office.innerText()).toContain('0349-2021234');
      await expect.poll(() => list.innerText()).toContain('污染处置组');
      await expect.poll(() => list.innerText()).toContain('山阴县人民政府');
      // Every number in the call list copies with one click.
      await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await list.getByTestId('copy-phone').filter({ hasText: '0349-2021234' }).first().click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('0349-2021234');

      await office.getByTestId('record-call').click();
      await page.getByTestId('call-result').getByText('未接').click();
      await page.getByTestId('call-note').fill('值班室无人接听，改拨手机');
      await page.locator('#call-save').click();

      const entry = page.getByTestId('timeline-entry').filter({ hasText: '值班室无人接听' });
      await expect.poll(() => entry.innerText()).toContain('未接');
      await expect.poll(() => entry.innerText()).toContain('0349-2021234');
      await expect.poll(() => entry.innerText()).toContain('通话');
      await expect.poll(() => office.getByTestId('last-call').innerText()).toContain('未接');

      // incidents:create answers with the IncidentDetail it stored
      const id = (created as { value: IncidentDetail }).value.id;
      const detail = await app.services.incidents.get(id);
      const calls = detail.timeline.filter((e) => e.kind === 'call');
      expect(calls).toEqual([expect.objectContaining({ officer: '赵珺' })]);
      expect(calls[0]!.data).toEqual(expect.objectContaining({ key: 'eco-hq/office/office', result: '未接' }));
    } finally {
      await app.close();
    }
  }, 120_000);
});
