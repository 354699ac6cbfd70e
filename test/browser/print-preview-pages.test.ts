// The print preview shows the printed pages: in Chromium, the preview's pages (with their numbers
// and 续表 marks) are as many as the PDF's (pdfinfo), for a long report, the duty log and a roster.
// Editing happens in the form view; the preview then shows the saved version, page by page.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
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

/** The preview's page count once paginated, checked against the .page sheets in its frame. */
async function previewPages(page: WebApp['page']): Promise<number> {
  const label = page.getByTestId('preview-pages').last();
  await expect.poll(() => label.getAttribute('data-pages'), { timeout: 30_000 }).toMatch(/^\d+$/);
  const count = Number(await label.getAttribute('data-pages'));
  const frame = page.getByTestId('print-preview').last().contentFrame();
  expect(await frame.locator('.page').count()).toBe(count);
  // Each sheet carries its number as printed.
  for (let i = 1; i <= count; i++)
    expect(await frame.locator(`.page[data-page="${i}"] .folio`).innerText()).toBe(`— ${i} —`);
  return count;
}

/** Exports the preview's form as PDF through the UI; its path and page count (pdfinfo). */
async function exportedPdf(page: WebApp['page']): Promise<{ path: string; pages: number }> {
  const before = await page.getByText(/PDF 已保存：/).count();
  await page.getByTestId('pdf-button').last().click();
  const done = page.getByText(/PDF 已保存：/).nth(before);
  await done.waitFor({ timeout: 90_000 });
  const path = /PDF 已保存：(.+\.pdf)/.exec(await done.innerText())?.[1];
  if (!path) throw new Error('no PDF path in the message');
  const { stdout } = await run('pdfinfo', [path]);
  return { path, pages: Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]) };
}

describe('print preview pages in Chromium', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('a long report, the duty log and a roster: the preview has the PDF’s pages; a form edit saves and the preview shows it', async () => {
    const dir = tempDir();
    const shots = process.env.SCREENSHOT_DIR ?? dir;
    const app = await startWebApp(browser(), dir);
    const { page } = app;
    page.setDefaultTimeout(30_000);
    page.setDefaultNavigationTimeout(90_000);
    try {
      await app.services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
      const inc = await app.services.incidents.create(RADIATION);
      // A 初报 with 30 source rows (saved through the service): a form of several pages.
      const draft = await callService<Report>(app, 'reports:draft', { incidentId: inc.id, kind: '初报' });
      const v1 = draft.versions[0]!.content;
      if (v1.kind !== 'radiation-initial') throw new Error(v1.kind);
      const sources = Array.from({ length: 30 }, (_, i) => ({
        nuclide: i % 2 ? 'Am-241' : 'Cs-137',
        factoryActivityBq: '1.11E+10',
        factoryDate: '2015-03-18',
        sourceCode: `0315CS${String(i + 1).padStart(6, '0')}`,
        activityAtAccidentBq: '9.10E+09',
        unsealedState: '',
      }));
      const data = { ...v1.data, sources };
      await callService(app, 'reports:save', { reportId: draft.id, content: { kind: 'radiation-initial', data } });

      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);
      await page.getByTestId('incident-link').filter({ hasText: RADIATION.title }).click();
      await page.getByTestId('report-初报').getByTestId('open-report').click();
      await page.getByTestId('report-form').waitFor();
      // One field edited in the form view and saved: a third version.
      await expect
        .poll(() => page.locator('#radiation-initial_sources_29_sourceCode').inputValue())
        .toBe('0315CS000030');
      await page.locator('#radiation-initial_unitName').fill('山西朔州某某选煤有限公司');
      await page.getByTestId('save-version').click();
      await page.getByText('已保存为第3稿').waitFor();

      // The preview of the saved version: its pages are the PDF's.
      await page.getByRole('tab', { name: /预览（第3稿）/ }).click();
      const preview = page.getByTestId('print-preview').last().contentFrame();
      await expect
        .poll(() => preview.locator('[data-field="unitName"]').innerText())
        .toContain('山西朔州某某选煤有限公司');
      const reportPages = await previewPages(page);
      expect(reportPages).toBeGreaterThanOrEqual(2);
      // Continuation pages say 续表 and repeat the header.
      expect(await preview.locator('.page[data-page="2"] .cont-mark').first().innerText()).toBe('续表');
      expect(await preview.locator('.page[data-page="2"] thead').first().innerText()).toContain('放射源编码');
      await preview.locator('.page[data-page="2"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/preview-pages-report.png` });
      const reportPdf = await exportedPdf(page);
      expect(reportPdf.pages).toBe(reportPages);
      const { stdout } = await run('pdftotext', ['-raw', reportPdf.path, '-']);
      expect(stdout.replace(/\s+/g, '')).toContain('山西朔州某某选煤有限公司');

      // Saved: after a reload the form shows the edit and every field not touched as it was.
      const [saved] = await callService<Report[]>(app, 'reports:list', { incidentId: inc.id });
      expect(saved!.versions.at(-1)!.content).toEqual({
        kind: 'radiation-initial',
        data: { ...data, unitName: '山西朔州某某选煤有限公司' },
      });
      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);
      await page.getByTestId('incident-link').filter({ hasText: RADIATION.title }).click();
      await page.getByTestId('report-初报').getByTestId('open-report').click();
      await page.getByTestId('report-form').waitFor();
      await expect
        .poll(() => page.locator('#radiation-initial_unitName').inputValue())
        .toBe('山西朔州某某选煤有限公司');
      for (const key of ['contact', 'phone', 'place', 'narrative', 'legalRepresentative', 'address'] as const)
        expect(await page.locator(`#radiation-initial_${key}`).inputValue(), key).toBe(data[key]);
      for (const i of [0, 17, 29])
        expect(await page.locator(`#radiation-initial_sources_${i}_sourceCode`).inputValue()).toBe(
          sources[i]!.sourceCode,
        );

      // The duty log's preview and PDF (from a fresh page: the incident's drawers closed).
      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);
      await page.locator('.ant-menu-item', { hasText: '值班日志' }).click();
      await page.getByTestId('duty-log-print').click();
      const logPages = await previewPages(page);
      expect((await exportedPdf(page)).pages).toBe(logPages);
      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);

      // A roster (landscape).
      await page.getByRole('menuitem', { name: '通讯录' }).click();
      await page.getByTestId('roster-print').click();
      const rosterPages = await previewPages(page);
      await page.screenshot({ path: `${shots}/preview-pages-roster.png` });
      expect((await exportedPdf(page)).pages).toBe(rosterPages);
    } catch (err) {
      await page.screenshot({ path: `${shots}/preview-pages-failed.png` });
      throw err;
    } finally {
      await app.close();
    }
  }, 400_000);
});
