import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import type { IncidentDetail } from '../../shared/domain/incident-view';
import type { Result } from '../../shared/ipc/result';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';
import { expectFieldsKept } from '../helpers/incident-fields';

/** The incident a call that must succeed answers with. */
function incident(r: Result<unknown>): IncidentDetail {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as IncidentDetail; // dispatch is untyped by channel; these channels answer an IncidentDetail
}

describe('an edit in the UI changes only what the officer changed', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it(
    '修改要素 keeps the reporter, narrative, channel, manual level and drill mark; a contact edit keeps the other numbers',
    { timeout: 120_000 },
    async () => {
      const app = await startWebApp(browser(), tempDir());
      const { page } = app;
      try {
        await signInDuty(page);
        const created = incident(
          await dispatch(app.services.handlers, 'incidents:create', {
            category: 'environment',
            title: '桑干河支流死鱼（演练）',
            places: ['山阴县'],
            occurredAt: new Date(Date.now() - 90 * 60_000).toISOString(),
            receivedAt: new Date(Date.now() - 80 * 60_000).toISOString(),
            reporterUnit: '山阴县生态环境分局',
            reporterName: '王磊',
            reporterPhone: '13912345678',
            receiveChannel: '传真',
            narrative: '村民发现河道内大量死鱼，水体发黑。',
            facts: { deaths: 1 },
            drill: true,
            levelOverride: '较大',
          }),
        );
        const before = incident(await dispatch(app.services.handlers, 'incidents:get', { id: created.id }));

        // The officer changes one fact in the UI and saves.
        await page.reload();
        await page.getByTestId('incident-link').first().click();
        await page.getByTestId('edit-incident').click();
        const injured = page
          .locator('input[data-fact="poisonedOrInjured"], [data-fact="poisonedOrInjured"] input')
          .first();
        await injured.fill('12');
        const dialog = page.getByRole('dialog', { name: '修改事件要素 / 定级' });
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await dialog.waitFor({ state: 'hidden' });

        await page.reload();
        const after = incident(await dispatch(app.services.handlers, 'incidents:get', { id: created.id }));
        expect(after.facts).toEqual({ deaths: 1, poisonedOrInjured: 12 });
        expectFieldsKept(before, after, ['facts']);
        // And on screen after the reload: still a drill, still the reporter and the manual level.
        await expect
          .poll(() => page.getByTestId('incident-table').innerText(), { timeout: 10_000 })
          .toContain('桑干河支流死鱼');
        await page.getByTestId('incident-link').first().click();
        const drawer = page.locator('.ant-drawer-body').last();
        await expect.poll(() => drawer.innerText()).toContain('山阴县生态环境分局');
        const text = await drawer.innerText();
        for (const t of ['王磊 13912345678', '传真', '村民发现河道内大量死鱼', '【演练】', '人工定级'])
          expect(text).toContain(t);
        // The timeline names the one fact changed, by its label: never the facts object or its keys.
        expect(text).toContain('修改：中毒或重伤人数 （空） → 12');
        expect(text).not.toMatch(/poisonedOrInjured|\{"/);
        await page.screenshot({ path: 'test-output/edit-facts-kept-fields.png' });

        // A mistyped reporter phone, corrected in the same dialog: only the phone changes.
        const beforePhone = incident(await dispatch(app.services.handlers, 'incidents:get', { id: created.id }));
        await page.getByTestId('edit-incident').click();
        const phone = page.getByTestId('edit-reporter-phone');
        expect(await phone.inputValue()).toBe('13912345678');
        expect(await page.getByTestId('edit-title').inputValue()).toBe('桑干河支流死鱼（演练）');
        await phone.fill('0349-5021234');
        await page.getByTestId('edit-reason').fill('报告人电话记错');
        await page.screenshot({ path: 'test-output/edit-reporter-phone.png' });
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page.reload();
        const afterPhone = incident(await dispatch(app.services.handlers, 'incidents:get', { id: created.id }));
        expect(afterPhone.reporterPhone).toBe('0349-5021234');
        expectFieldsKept(beforePhone, afterPhone, ['reporterPhone']);
        await page.getByTestId('incident-link').first().click();
        await expect.poll(() => drawer.innerText()).toContain('王磊 0349-5021234');
        expect(await drawer.innerText()).toContain('修改：联系电话 13912345678 → 0349-5021234');

        // A contact, in the roster UI: add one with an office number and a title, then change the mobile only.
        await page.keyboard.press('Escape');
        await page.getByRole('menuitem', { name: '通讯录' }).click();
        await page.getByTestId('roster-tree').getByTestId('add-contact-office-office').click();
        await page.getByTestId('contact-name').fill('市指挥部办公室值班室');
        await page.getByTestId('contact-office').fill('2021234');
        await page.locator('#contact-save').click();
        await expect.poll(() => page.getByTestId('roster-tree').innerText()).toContain('市指挥部办公室值班室');
        // The add dialog closes with an animation; open the edit only once it is gone.
        await page.getByTestId('contact-name').waitFor({ state: 'hidden' });
        await page
          .getByTestId('roster-tree')
          .getByRole('button', { name: /修\s*改/ })
          .first()
          .click();
        await page.getByTestId('contact-mobile').waitFor();
        await page.getByTestId('contact-mobile').fill('13800000002');
        await page.locator('#contact-save').click();
        await page.reload();
        await page.getByRole('menuitem', { name: '通讯录' }).click();
        const tree = page.getByTestId('roster-tree');
        await expect.poll(() => tree.innerText()).toContain('13800000002');
        expect(await tree.innerText()).toContain('0349-2021234');
        expect(await tree.innerText()).toContain('市指挥部办公室值班室');
      } finally {
        await app.close();
      }
    },
  );
});
