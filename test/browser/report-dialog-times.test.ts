// The 签发 and 报送 dialogs start from the time they are opened (Beijing), each time: a dialog
// opened, cancelled and opened again minutes later does not offer the first opening's minute.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../shared/domain/report';
import { chineseDateTime, shanghaiDateTime } from '../../shared/time';
import { useTempDirs } from '../helpers/temp-dir';
import { ENV_INPUT } from '../helpers/services';
import { clickOpenedDialog, confirmLeader, signInDuty } from '../helpers/ui';
import { callService, startWebApp, useBrowser } from '../helpers/web-app';

const MIN = 60_000;
const fmt = (ms: number): string => chineseDateTime(ms);

describe('the 签发 and 报送 dialogs in Chromium', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('each opening offers the time it was opened; the chosen times are recorded and survive a reload', async () => {
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
      // The page's clock, set by the test: minutes pass between two openings without waiting.
      const start = Math.ceil((Date.now() + 1) / MIN) * MIN;
      await page.clock.setFixedTime(start);
      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);
      await page.getByTestId('incident-link').filter({ hasText: ENV_INPUT.title }).click();
      const row = page.getByTestId('report-初报');
      const field = (id: string) => page.locator(`#${id}`).inputValue();
      const ok = () =>
        clickOpenedDialog(
          page,
          page
            .locator('.ant-modal:visible')
            .getByRole('button', { name: /^(OK|确 ?定)$/ })
            .last(),
        );
      const cancel = async () => {
        await clickOpenedDialog(
          page,
          page
            .locator('.ant-modal:visible')
            .getByRole('button', { name: /^(Cancel|取 ?消)$/ })
            .last(),
        );
        await page.locator('.ant-modal:visible').waitFor({ state: 'detached' });
      };

      // 签发: opened, cancelled, opened again two minutes later.
      await row.getByTestId('sign-button').click();
      await expect.poll(() => field('signedAt')).toBe(shanghaiDateTime(start));
      await cancel();
      const signedAt = start + 2 * MIN;
      await page.clock.setFixedTime(signedAt);
      await row.getByTestId('sign-button').click();
      await expect.poll(() => field('signedAt')).toBe(shanghaiDateTime(signedAt));
      await page.getByTestId('signed-by').fill('王副主任');
      await ok();
      await confirmLeader(page);
      await expect.poll(() => row.innerText()).toContain('已签发');

      // 报送: the same, a minute apart.
      await row.getByTestId('send-button').click();
      await expect.poll(() => field('sentAt')).toBe(shanghaiDateTime(signedAt));
      await cancel();
      const sentAt = signedAt + MIN;
      await page.clock.setFixedTime(sentAt);
      await row.getByTestId('send-button').click();
      await expect.poll(() => field('sentAt')).toBe(shanghaiDateTime(sentAt));
      await page.locator('[data-testid="sent-to"] input').fill('市政府');
      await page.keyboard.press('Enter');
      await page.getByTestId('confirmed-by').fill('孙赟');
      await ok();
      await expect.poll(() => row.innerText()).toContain('已报送');

      // Recorded as chosen; everything not touched in the dialogs stays as it was.
      const [sent] = await callService<Report[]>(app, 'reports:list', { incidentId: inc.id });
      expect(sent).toMatchObject({
        // 签发 from a seat is the act of the leader whose password granted it.
        signedBy: '李堃',
        signedAt: new Date(signedAt).toISOString(),
        sentAt: new Date(sentAt).toISOString(),
        sentTo: '市政府',
        sentChannel: '书面',
        confirmedBy: '孙赟',
        sentVersion: 1,
      });
      expect(sent!.versions.map((v) => v.content)).toEqual(drafted.versions.map((v) => v.content));
      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);
      await page.getByTestId('incident-link').filter({ hasText: ENV_INPUT.title }).click();
      await expect.poll(() => row.innerText()).toContain(`签发：李堃（${fmt(signedAt)}）`);
      await expect.poll(() => row.innerText()).toContain(`报送：${fmt(sentAt)} 书面 → 市政府，孙赟确认收到`);
    } finally {
      await app.close();
    }
  }, 120_000);
});
