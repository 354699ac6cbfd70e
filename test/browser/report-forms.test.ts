// The report form view in Chromium: fill in a radiation 初报 with table rows, save, reload, and
// find every field exactly as recorded — in the form, in the saved version, and in the PDF.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { listPrintRecords } from '../../electron/db/report-repository';
import type { Report } from '../../shared/domain/report';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { callService, startWebApp, useBrowser } from '../helpers/web-app';
import type { WebApp } from '../helpers/web-app';

const run = promisify(execFile);

const RADIATION = {
  category: 'radiation' as const,
  title: '朔城区选煤厂核子秤放射源丢失',
  places: ['朔城区'],
  occurredAt: '2026-11-29T00:30:00.000Z',
  receivedAt: '2026-11-29T01:00:00.000Z',
  discoveredAt: null,
  reporterUnit: '朔城区生态环境分局',
  reporterName: '王镕',
  reporterPhone: '0349-2012345',
  receiveChannel: '电话' as const,
  narrative: '检修时发现核子秤铅罐开启、放射源缺失',
  facts: { sourceClass: 4, sourceEvent: 'lost', peopleExposed: true },
  drill: false,
  levelOverride: null,
  responseOverride: null,
};

const reports = (app: WebApp, incidentId: number) => callService<Report[]>(app, 'reports:list', { incidentId });

/** Exports the open report's preview as PDF through the UI and returns its text, whitespace removed. */
async function exportedPdfText(page: WebApp['page']): Promise<string> {
  const before = await page.getByText(/PDF 已保存：/).count();
  await page.getByTestId('pdf-button').click();
  const done = page.getByText(/PDF 已保存：/).nth(before);
  // Paginated, then printed by Chromium: a minute or more on a loaded two-core machine.
  await done.waitFor({ timeout: 120_000 });
  const path = /PDF 已保存：(.+\.pdf)/.exec(await done.innerText())?.[1];
  if (!path) throw new Error('no PDF path in the message');
  const { stdout } = await run('pdftotext', ['-raw', path, '-']);
  return stdout.replace(/\s+/g, '');
}

const SOURCES = [
  ['Cs-137', '1.11E+10', '2015-03-18', '0315CS012345', '9.10E+09', ''],
  ['Am-241', '3.7E+09', '2016年', '0316AM000777', '3.6E+09', '固态'],
];
const SOURCE_KEYS = [
  'nuclide',
  'factoryActivityBq',
  'factoryDate',
  'sourceCode',
  'activityAtAccidentBq',
  'unsealedState',
];
const DEVICE = ['X射线探伤机', 'XXG-2505', '丹东某某仪器厂', 'DD-2019-0456', '检修车间', '5mA / 250kV'];
const DEVICE_KEYS = ['name', 'model', 'maker', 'serial', 'place', 'mainParameters'];

describe('report form view in Chromium', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('edits a radiation 初报 with source and device rows, saves, reloads: every field as recorded, and the PDF prints the rows', async () => {
    const dir = tempDir();
    const app = await startWebApp(browser(), dir);
    const { page } = app;
    // A loaded 2-core machine needs room for a reload of the full bundle.
    page.setDefaultTimeout(30_000);
    page.setDefaultNavigationTimeout(90_000);
    // Screenshots for review go to SCREENSHOT_DIR when set, else into the test's own folder.
    const shots = process.env.SCREENSHOT_DIR ?? dir;
    try {
      await app.services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
      const inc = await app.services.incidents.create(RADIATION);
      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);
      await page.getByTestId('incident-link').filter({ hasText: RADIATION.title }).click();
      await page.getByTestId('draft-初报').click();
      await page.getByTestId('report-初报').getByTestId('open-report').click();
      const form = page.getByTestId('report-form');
      await form.waitFor();
      const [drafted] = await reports(app, inc.id);
      // the report content's known shape for this form kind
      const v1 = drafted!.versions[0]!.content.data as unknown as Record<string, unknown>;

      // Typed by the officer: a few header fields, a tick and a count, two source rows, one device row.
      await page.locator('#radiation-initial_unitName').fill('山西朔州某某选煤有限公司');
      await page.locator('#radiation-initial_licenceNumber').fill('晋环辐证〔F0123〕');
      await form.getByText('人员污染', { exact: true }).click();
      await page.locator('#radiation-initial_accidentType_contaminatedCount').fill('1');
      for (const [i, row] of SOURCES.entries()) {
        await page.getByTestId('add-sources').click();
        for (const [j, key] of SOURCE_KEYS.entries())
          if (row[j]) await page.locator(`#radiation-initial_sources_${i}_${key}`).fill(row[j]);
      }
      await page.getByTestId('add-devices').click();
      for (const [j, key] of DEVICE_KEYS.entries())
        await page.locator(`#radiation-initial_devices_0_${key}`).fill(DEVICE[j]!);
      // A row added by mistake and removed again leaves nothing behind.
      await page.getByTestId('add-devices').click();
      await page.getByTestId('remove-devices-1').click();
      await page.screenshot({ path: `${shots}/report-form.png`, fullPage: false });
      await page.getByTestId('save-version').click();
      await page.getByText('已保存为第2稿').waitFor();

      const expected = {
        ...v1,
        unitName: '山西朔州某某选煤有限公司',
        licenceNumber: '晋环辐证〔F0123〕',
        // the draft's accidentType is an object of the form's checkboxes
        accidentType: { ...(v1.accidentType as object), contamination: true, contaminatedCount: 1 },
        sources: SOURCES.map((r) => Object.fromEntries(SOURCE_KEYS.map((k, j) => [k, r[j]]))),
        devices: [Object.fromEntries(DEVICE_KEYS.map((k, j) => [k, DEVICE[j]]))],
      };
      const [saved] = await reports(app, inc.id);
      expect(saved!.versions.map((v) => v.version)).toEqual([1, 2]);
      // Every field: the touched ones as typed, every other exactly as the draft recorded it.
      expect(saved!.versions[1]!.content).toEqual({ kind: 'radiation-initial', data: expected });

      // Reload the console and open the report again: the form shows the saved version.
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.getByTestId('incident-link').filter({ hasText: RADIATION.title }).click();
      await page.getByTestId('report-初报').getByTestId('open-report').click();
      await page.getByTestId('report-form').waitFor();
      await expect
        .poll(() => page.locator('#radiation-initial_unitName').inputValue())
        .toBe('山西朔州某某选煤有限公司');
      expect(await page.locator('#radiation-initial_contact').inputValue()).toBe(v1.contact);
      expect(await page.locator('#radiation-initial_phone').inputValue()).toBe(v1.phone);
      expect(await page.locator('#radiation-initial_place').inputValue()).toBe(v1.place);
      expect(await page.locator('#radiation-initial_narrative').inputValue()).toBe(v1.narrative);
      for (const [i, row] of SOURCES.entries()) {
        for (const [j, key] of SOURCE_KEYS.entries())
          expect(await page.locator(`#radiation-initial_sources_${i}_${key}`).inputValue()).toBe(row[j]);
      }
      expect(await page.locator('#radiation-initial_devices_1_name').count()).toBe(0);

      // The preview shows the saved version, rows included.
      await page.getByRole('tab', { name: /预览（第2稿）/ }).click();
      const preview = page.frameLocator('[data-testid="print-preview"]');
      await expect.poll(() => preview.locator('table[data-table="sources"]').innerText()).toContain('0316AM000777');
      await page.screenshot({ path: `${shots}/report-preview.png`, fullPage: false });

      // The PDF prints the rows.
      await page.getByTestId('pdf-button').click();
      const done = page.getByText(/PDF 已保存：/);
      // Paginated, then printed by Chromium: a minute or more on a loaded two-core machine.
      await done.waitFor({ timeout: 120_000 });
      const path = /PDF 已保存：(.+\.pdf)/.exec(await done.innerText())?.[1];
      expect(path).toBeTruthy();
      const { stdout } = await run('pdftotext', ['-raw', path!, '-']);
      const text = stdout.replace(/\s+/g, '');
      for (const cell of [
        'Cs-137',
        '0315CS012345',
        'Am-241',
        '0316AM000777',
        '固态',
        'X射线探伤机',
        'XXG-2505',
        'DD-2019-0456',
        '山西朔州某某选煤有限公司',
      ]) {
        expect(text, cell).toContain(cell.replace(/\s+/g, ''));
      }
    } finally {
      await app.close();
    }
  }, 300_000);

  it('prints a correction and a radiation 终结报告 (pdftotext), and a dispatch to the wrong recipient asks before completing anything', async () => {
    const dir = tempDir();
    const shots = process.env.SCREENSHOT_DIR ?? dir;
    const app = await startWebApp(browser(), dir);
    const { page } = app;
    page.setDefaultTimeout(30_000);
    page.setDefaultNavigationTimeout(90_000);
    try {
      await app.services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
      const inc = await app.services.incidents.create({
        ...RADIATION,
        facts: { ...RADIATION.facts, accidentUnit: '山西朔州某某选煤有限公司' },
      });
      const at = new Date().toISOString();
      // The 初报 drafted, signed and sent; a 续报 drafted and signed (through the services).
      const initial = await callService<Report>(app, 'reports:draft', { incidentId: inc.id, kind: '初报' });
      await callService(app, 'reports:sign', { reportId: initial.id, signedBy: '王副主任', signedAt: at });
      const firstTo = inc.clocks.find((c) => !c.record)!.to;
      await callService(app, 'reports:dispatch', {
        reportId: initial.id,
        sentAt: at,
        sentTo: [firstTo],
        channel: '书面',
        confirmedBy: '刘喆',
        clockIds: [],
      });
      const follow = await callService<Report>(app, 'reports:draft', { incidentId: inc.id, kind: '续报' });
      await callService(app, 'reports:sign', { reportId: follow.id, signedBy: '王副主任', signedAt: at });

      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);
      await page.getByTestId('incident-link').filter({ hasText: RADIATION.title }).click();

      // 报送 of the 续报 to one recipient with a clock owed to another ticked: the console asks first.
      const open = (await app.services.incidents.get(inc.id)).clocks.filter((c) => !c.record);
      const owedElsewhere = open.find((c) => c.to !== firstTo)!;
      await page.getByTestId('report-续报一').getByTestId('send-button').click();
      await page.locator('[data-testid="sent-to"]').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: firstTo }).first().click();
      await page.getByTestId('confirmed-by').fill('孙赟');
      await page.getByTestId('send-clocks').locator('label', { hasText: owedElsewhere.title }).first().click();
      await page
        .getByRole('button', { name: 'OK' })
        .or(page.getByRole('button', { name: '确 定' }))
        .or(page.getByRole('button', { name: '确定' }))
        .first()
        .click();
      await page.getByTestId('dispatch-mismatch').waitFor();
      expect(await page.getByTestId('dispatch-mismatch').innerText()).toContain(owedElsewhere.to);
      await page.screenshot({ path: `${shots}/dispatch-mismatch.png` });
      await page.getByRole('button', { name: '返回修改' }).click();
      // Nothing was completed and the 续报 is still unsent.
      expect((await app.services.incidents.get(inc.id)).clocks.filter((c) => c.record)).toHaveLength(0);
      expect((await reports(app, inc.id)).find((r) => r.id === follow.id)!.status).toBe('signed');
      await page.locator('.ant-modal-close').last().click();

      // A correction of the sent 初报: fill in, save, sign, and print it.
      await page
        .getByTestId('report-初报')
        .getByRole('button', { name: /^更\s*正$/ })
        .click();
      const correction = page.getByTestId('report-更正报告（第一次）');
      await correction.waitFor();
      await correction.getByTestId('open-report').click();
      await page.locator('#radiation-initial_legalRepresentative').fill('李堃');
      await page.getByTestId('save-version').click();
      await page.getByText('已保存为第2稿').waitFor();
      await page.locator('.ant-modal-close').last().click();
      const corr = (await reports(app, inc.id)).find((r) => r.kind === '更正')!;
      await callService(app, 'reports:sign', { reportId: corr.id, signedBy: '王副主任', signedAt: at });
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.getByTestId('incident-link').filter({ hasText: RADIATION.title }).click();
      await page.getByTestId('report-更正报告（第一次）').getByTestId('open-report').click();
      const correctionText = await exportedPdfText(page);
      await page.screenshot({ path: `${shots}/correction-preview.png` });
      expect(correctionText).toContain('更正报告');
      expect(correctionText).toMatch(
        /本报告更正\d{4}年\d{1,2}月\d{1,2}日\d{1,2}时\d{2}分报送的《辐射事故初始报告表》（初报）/,
      );
      expect(correctionText).toContain('更正事项：法定代表人：（空）→李堃');
      expect(correctionText).toContain('本更正报告报送时间：');
      expect(correctionText).toContain('签发人：王副主任');
      // The newest print record names the report and the version printed (the correction's 第2稿).
      const printed = await app.services.db.read((q) => listPrintRecords(q));
      expect(printed[0]).toMatchObject({ reportId: corr.id, reportVersion: 2, target: 'pdf' });
      await page.locator('.ant-modal-close').last().click();

      // The 终报 of a radiation incident is the 终结报告 of 42号 4.1.2(3): fill in, add a department row.
      await page.getByTestId('draft-终报').click();
      await page.getByTestId('report-终报').getByTestId('open-report').click();
      await page
        .locator('#radiation-final_measuresProcessResults')
        .fill('划定警戒区，巡测排查，17时找回放射源并收贮。');
      await page.locator('#radiation-final_remainingIssues').fill('责令限期整改放射源管理制度。');
      await page.getByTestId('add-departments').click();
      await page.locator('#radiation-final_departments_0_department').fill('朔城区公安分局');
      await page.locator('#radiation-final_departments_0_work').fill('现场警戒、排查放射源去向');
      await page.screenshot({ path: `${shots}/final-form.png` });
      // Closing with unsaved edits asks first; 继续填写 keeps them.
      await page.locator('.ant-modal-close').last().click();
      await page.screenshot({ path: `${shots}/close-ask.png` });
      await expect.poll(() => page.locator('.ant-modal-confirm-title').last().innerText()).toBe('有未保存的修改');
      await page.getByRole('button', { name: /继续\s*填写/ }).click();
      expect(await page.locator('#radiation-final_departments_0_work').inputValue()).toBe('现场警戒、排查放射源去向');
      await page.getByTestId('save-version').click();
      await page.getByText('已保存为第2稿').waitFor();
      const final = (await reports(app, inc.id)).find((r) => r.kind === '终报')!;
      expect(final.formKind).toBe('radiation-final');
      await callService(app, 'reports:sign', { reportId: final.id, signedBy: '王副主任', signedAt: at });
      await page.locator('.ant-modal-close').last().click();
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.getByTestId('incident-link').filter({ hasText: RADIATION.title }).click();
      await page.getByTestId('report-终报').getByTestId('open-report').click();
      const finalText = await exportedPdfText(page);
      await page.screenshot({ path: `${shots}/final-preview.png` });
      expect(finalText).toContain('辐射事故终结报告');
      expect(finalText).not.toContain('辐射事故后续报告表');
      for (const v of [
        '二、处理事故的措施、过程和结果',
        '五、处理后的遗留问题',
        '六、参加处置工作的有关部门和工作内容',
        '朔城区公安分局',
        '现场警戒、排查放射源去向',
        '山西朔州某某选煤有限公司',
        '签发人：王副主任',
      ]) {
        expect(finalText, v).toContain(v);
      }
    } finally {
      await app.close();
    }
  }, 400_000);
});
