/**
 * Issue 12, 43号 5.1.1(6) in the UI: an incident registered at 一般 is upgraded to 较大 at a
 * back-dated 变化知悉时间. The new level's clocks count from that time (not from 接报), the report
 * made before it stays under 一般 (the level it served), and the table names each obligation's
 * level and closure. After a reload every field the officer did not touch is as it was. A 报送
 * after the change lists the duty to the department above once (both levels named) and completes
 * its old and new obligations together.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import type { IncidentDetail } from '../../shared/domain/incident-view';
import type { Result } from '../../shared/ipc/result';
import { chineseDateTime, shanghaiDateTime } from '../../shared/time';
import { useTempDirs } from '../helpers/temp-dir';
import { confirmLeader, fillDateTime, pickOption, signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';
import { expectFieldsKept } from '../helpers/incident-fields';

function incident(r: Result<unknown>): IncidentDetail {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as IncidentDetail; // dispatch is untyped by channel; these channels answer an IncidentDetail
}

const MIN = 60_000;

describe('a level change in the UI (43号 5.1.1(6))', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it(
    'upgraded at a back-dated time: the 较大 clocks start then, the earlier report stays under 一般, and untouched fields survive a reload',
    { timeout: 300_000 },
    async () => {
      const app = await startWebApp(browser(), tempDir());
      const { page } = app;
      try {
        await signInDuty(page);
        // Whole minutes: the 变化知悉时间 picker works in minutes.
        const received = Math.floor(Date.now() / MIN) * MIN - 240 * MIN;
        const reportedAt = received + 90 * MIN;
        const T = received + 210 * MIN;
        const created = incident(
          await dispatch(app.services.handlers, 'incidents:create', {
            category: 'environment',
            title: '桑干河支流油污',
            places: ['山阴县'],
            occurredAt: new Date(received - 30 * MIN).toISOString(),
            receivedAt: new Date(received).toISOString(),
            reporterUnit: '山阴县生态环境分局',
            reporterName: '王磊',
            reporterPhone: '13912345678',
            receiveChannel: '电话',
            narrative: '河面发现油污带，约两公里。',
            facts: { environmentAffected: true },
            drill: false,
          }),
        );
        expect(created.grading.level).toBe('一般');
        // 本级政府 reported at the 一般 level, before the change.
        incident(
          await dispatch(app.services.handlers, 'clocks:complete', {
            incidentId: created.id,
            clockId: 'env.county-dept-to-gov',
            completedAt: new Date(reportedAt).toISOString(),
            channel: '书面',
            recipientUnit: '山阴县人民政府',
            recipientName: '孙赟',
          }),
        );
        const before = incident(await dispatch(app.services.handlers, 'incidents:get', { id: created.id }));

        // The officer sets 较大 by hand, known since T (back-dated), with the reason.
        await page.reload();
        await page.getByTestId('incident-link').filter({ hasText: '桑干河支流油污' }).click();
        await page.getByTestId('edit-incident').click();
        const dialog = page.getByRole('dialog', { name: '修改事件要素 / 定级' });
        // The overdue 一般 clock keeps the alarm banner up; the dialog opens below it, its top in view.
        const bottomOf = async (testId: string) => {
          const box = await page.getByTestId(testId).boundingBox();
          return box ? box.y + box.height : 0;
        };
        await expect.poll(() => bottomOf('banner-stack'), { timeout: 15_000 }).toBeGreaterThan(0);
        await expect
          .poll(async () => ((await dialog.boundingBox())?.y ?? -1) - (await bottomOf('banner-stack')), {
            timeout: 15_000,
          })
          .toBeGreaterThanOrEqual(0);
        await page.screenshot({ path: 'test-output/level-change-dialog-below-banner.png' });
        await pickOption(page, '[data-testid="edit-level"]', '较大');
        await fillDateTime(page, '#effectiveAt', shanghaiDateTime(T));
        await page.getByTestId('edit-reason').fill('核实死亡3人');
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await dialog.waitFor({ state: 'hidden' });

        const table = page.getByTestId('clock-table');
        const row = (key: string) => table.locator('tr', { has: page.locator(`[data-obligation="${key}"]`) });
        const check = async () => {
          // The new 较大 obligation to 本级政府 runs T → T + 1 h, counted from T, not from 接报.
          const govNew = row('env.county-dept-to-gov@较大#1');
          await expect.poll(() => govNew.count(), { timeout: 10_000 }).toBe(1);
          const newText = await govNew.innerText();
          expect(newText).toContain('较大');
          expect(newText).toContain(chineseDateTime(T));
          expect(newText).toContain(chineseDateTime(T + 60 * MIN));
          expect(newText).not.toContain(chineseDateTime(received));
          expect(await govNew.locator('[data-clock-state]').getAttribute('data-clock-state')).toMatch(
            /pending|due_soon/,
          );
          // The 11:00-style report stays with the 一般 obligation it served, on time.
          const govOld = row('env.county-dept-to-gov@一般#0');
          const oldText = await govOld.innerText();
          expect(oldText).toContain('一般');
          expect(oldText).toContain(chineseDateTime(received));
          expect(await govOld.getByTestId('clock-closure').innerText()).toBe(
            `${shanghaiDateTime(reportedAt)} 书面报送 山阴县人民政府（孙赟），按时；记录人 赵珺`,
          );
          // The new level's report to the next department up also starts at T; the old one is still open and overdue.
          const upNew = row('env.dept-to-upper-dept@较大#1');
          expect(await upNew.innerText()).toContain(chineseDateTime(T));
          const upOld = row('env.dept-to-upper-dept@一般#0');
          expect(await upOld.locator('[data-clock-state]').getAttribute('data-clock-state')).toBe('overdue');
          // The level history above the table, with the clause.
          const history = await page.getByTestId('level-history').innerText();
          expect(history).toContain(`事件级别 一般 → 较大（自 ${shanghaiDateTime(T)} 起，赵珺：核实死亡3人）`);
          expect(history).toContain('5.1.1(6)');
        };
        await check();
        await table.screenshot({ path: 'test-output/level-change-upgrade.png' });

        // After a reload: the same on screen, and every field the officer did not touch unchanged.
        await page.reload();
        await page.getByTestId('incident-link').filter({ hasText: '桑干河支流油污' }).click();
        await check();
        const after = incident(await dispatch(app.services.handlers, 'incidents:get', { id: created.id }));
        expect(after.levelOverride).toBe('较大');
        expect(after.grading.level).toBe('较大');
        expectFieldsKept(before, after, ['levelOverride']);
        const drawer = page.locator('.ant-drawer-body').last();
        const text = await drawer.innerText();
        for (const t of ['王磊 13912345678', '河面发现油污带', '人工定级']) expect(text).toContain(t);

        // 报送 after the upgrade: the old (overdue) and the new obligation to the department above
        // share a clock id; the dialog lists that duty once, naming both levels, and one 报送
        // completes both (a report to a recipient after T completes every open obligation to it).
        await page.getByTestId('draft-初报').click();
        const initial = page.getByTestId('report-初报');
        await initial.getByTestId('sign-button').click();
        await page.getByTestId('signed-by').fill('李堃');
        const ok = () =>
          page
            .getByRole('button', { name: 'OK' })
            .or(page.getByRole('button', { name: '确 定' }))
            .or(page.getByRole('button', { name: '确定' }))
            .first();
        await ok().click();
        await confirmLeader(page);
        await initial.getByTestId('send-button').click();
        await pickOption(page, '[data-testid="sent-to"]', '上一级生态环境部门');
        await page.getByTestId('confirmed-by').fill('刘喆');
        const boxes = page.getByTestId('send-clocks').locator('input[type="checkbox"]');
        // the element the selector or test id names
        const values = await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
        expect(values.length).toBeGreaterThan(0);
        expect(new Set(values).size, values.join(' ')).toBe(values.length);
        const up = page.getByTestId('send-clocks').locator('label', { hasText: '向上一级生态环境部门报告' });
        expect(await up.count()).toBe(1);
        expect(await up.innerText()).toContain('一般、较大各一项，一并完成');
        expect(await up.locator('input').isChecked()).toBe(true);
        expect(await up.locator('input').getAttribute('value')).toBe('env.dept-to-upper-dept@较大#1');
        await page.getByTestId('send-clocks').screenshot({ path: 'test-output/level-change-dispatch.png' });
        await ok().click();
        await expect.poll(() => initial.innerText(), { timeout: 10_000 }).toContain('已报送');
        const sentState = async () => {
          for (const key of ['env.dept-to-upper-dept@一般#0', 'env.dept-to-upper-dept@较大#1']) {
            await expect
              .poll(() => row(key).locator('[data-clock-state]').getAttribute('data-clock-state'), { timeout: 10_000 })
              .toBe('done');
          }
          // Late against the 一般 deadline, on time against the 较大 one, by the same 报送.
          expect(await row('env.dept-to-upper-dept@一般#0').getByTestId('clock-closure').innerText()).toMatch(
            /书面报送 上一级生态环境部门（刘喆），迟报/,
          );
          expect(await row('env.dept-to-upper-dept@较大#1').getByTestId('clock-closure').innerText()).toMatch(
            /书面报送 上一级生态环境部门（刘喆），按时/,
          );
        };
        await sentState();
        await page.reload();
        await page.getByTestId('incident-link').filter({ hasText: '桑干河支流油污' }).click();
        await sentState();
        await expect.poll(() => page.getByTestId('report-初报').innerText()).toContain('已报送');
        const dispatched = incident(await dispatch(app.services.handlers, 'incidents:get', { id: created.id }));
        const entries = dispatched.timeline.filter((e) => e.text.startsWith('初报（第1稿）以书面报送'));
        expect(entries).toHaveLength(1);
        expect(entries[0]!.text).toContain('完成时限：向上一级生态环境部门报告（一般、较大）');
        for (const key of ['title', 'places', 'facts', 'levelOverride', 'narrative', 'receivedAt'] as const) {
          expect(dispatched[key], key).toEqual(after[key]);
        }
      } finally {
        await app.close();
      }
    },
  );
});
