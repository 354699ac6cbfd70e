// A report's preview never passes off the saved version as what the officer typed: with unsaved
// edits in 填写, the preview says so and printing and PDF export wait until the edits are saved.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../shared/domain/report';
import type { EnvironmentInfoContent, InfoReport } from '../../shared/forms/types';
import { useTempDirs } from '../helpers/temp-dir';
import { ENV_INPUT } from '../helpers/services';
import { signInDuty } from '../helpers/ui';
import { callService, startWebApp, useBrowser } from '../helpers/web-app';

describe('a report preview with unsaved edits in Chromium', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('says the preview is the saved version and disables 打印 and 导出PDF until the edits are saved', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page, services } = app;
    page.setDefaultTimeout(30_000);
    try {
      await services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
      const inc = await services.incidents.create({
        ...ENV_INPUT,
        levelOverride: null,
        responseOverride: null,
        discoveredAt: null,
      });
      const drafted = await callService<Report>(app, 'reports:draft', { incidentId: inc.id, kind: '初报' });
      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);
      await page.getByTestId('incident-link').filter({ hasText: ENV_INPUT.title }).click();
      await page.getByTestId('report-初报').getByTestId('open-report').click();
      await page.getByTestId('report-form').waitFor();
      const preview = page.getByRole('tab', { name: /预览/ });
      const print = page.getByTestId('print-button');
      const pdf = page.getByTestId('pdf-button');
      const frameText = () => page.frameLocator('[data-testid="print-preview"]').locator('body').innerText();

      // Nothing typed: the preview is what prints.
      await preview.click();
      await expect.poll(() => print.isEnabled()).toBe(true);
      expect(await pdf.isEnabled()).toBe(true);
      expect(await page.getByTestId('preview-unsaved').count()).toBe(0);

      // Typed in 填写, not saved: the preview says so, and nothing prints.
      await page.getByRole('tab', { name: '填写' }).click();
      await page.locator('#info-report_content_pollutants').fill('氨氮约2吨');
      await preview.click();
      await page.getByTestId('preview-unsaved').waitFor();
      expect(await page.getByTestId('preview-unsaved').innerText()).toContain('未保存的修改');
      expect(await print.isEnabled()).toBe(false);
      expect(await pdf.isEnabled()).toBe(false);
      expect(await frameText()).not.toContain('氨氮约2吨');

      // Back to the form, saved: the preview is the new version and prints again.
      await page.getByTestId('preview-back-to-form').click();
      await page.getByTestId('save-version').click();
      await page.getByText('已保存为第2稿').waitFor();
      await page.getByRole('tab', { name: /预览（第2稿）/ }).click();
      await expect.poll(frameText).toContain('氨氮约2吨');
      await expect.poll(() => print.isEnabled()).toBe(true);
      expect(await pdf.isEnabled()).toBe(true);
      expect(await page.getByTestId('preview-unsaved').count()).toBe(0);

      // Saved as typed; every other field as drafted, in the store and after a reload.
      const [saved] = await callService<Report[]>(app, 'reports:list', { incidentId: inc.id });
      // this environmental incident's reports are information reports
      const before = drafted.versions[0]!.content.data as InfoReport;
      expect(saved!.versions[1]!.content).toEqual({
        kind: 'info-report',
        data: { ...before, content: { ...before.content, pollutants: '氨氮约2吨' } },
      });
      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);
      await page.getByTestId('incident-link').filter({ hasText: ENV_INPUT.title }).click();
      await page.getByTestId('report-初报').getByTestId('open-report').click();
      await page.getByTestId('report-form').waitFor();
      expect(await page.locator('#info-report_content_pollutants').inputValue()).toBe('氨氮约2吨');
      const content = before.content as EnvironmentInfoContent;
      expect(await page.locator('#info-report_content_place').inputValue()).toBe(content.place);
      expect(await page.locator('#info-report_content_casualtiesAndLoss').inputValue()).toBe(content.casualtiesAndLoss);
      expect(await page.locator('#info-report_unit').inputValue()).toBe(before.unit);
    } finally {
      await app.close();
    }
  }, 120_000);
});
