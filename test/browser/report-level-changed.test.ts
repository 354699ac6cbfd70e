// 43号 5.1.1(6): a 续报 drafted at 一般 and signed or sent after the incident was raised to 重大
// is not sent ticking the old level unnoticed: each act warns and waits for the officer's confirmation.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../shared/domain/report';
import { useTempDirs } from '../helpers/temp-dir';
import { ENV_INPUT } from '../helpers/services';
import { clickOpenedDialog, confirmLeader, signInDuty } from '../helpers/ui';
import { callService, startWebApp, useBrowser } from '../helpers/web-app';

const RADIATION = {
  ...ENV_INPUT,
  category: 'radiation' as const,
  title: '朔城区选煤厂核子秤放射源丢失',
  places: ['朔城区'],
  narrative: '检修时发现核子秤铅罐开启、放射源缺失',
  facts: { sourceClass: 4, sourceEvent: 'lost', peopleExposed: true },
  levelOverride: null,
  responseOverride: null,
  discoveredAt: null,
};

describe('a report signed and sent after a level change in Chromium', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('warns at 签发 and at 报送 and goes on only when confirmed; cancelled, nothing is recorded', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page, services } = app;
    page.setDefaultTimeout(30_000);
    try {
      await services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
      const inc = await services.incidents.create({
        ...RADIATION,
        receivedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
      });
      const before = inc.grading.level;
      expect(before).not.toBe('重大');
      await callService(app, 'reports:draft', { incidentId: inc.id, kind: '初报' });
      const follow = await callService<Report>(app, 'reports:draft', { incidentId: inc.id, kind: '续报' });
      await services.incidents.update({
        id: inc.id,
        patch: { levelOverride: '重大', effectiveAt: new Date().toISOString(), reason: '核实受照人员增加' },
      });
      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);
      await page.getByTestId('incident-link').filter({ hasText: RADIATION.title }).click();
      const row = page.getByTestId('report-续报一');
      const ok = () =>
        clickOpenedDialog(
          page,
          page
            .locator('.ant-modal:visible')
            .getByRole('button', { name: /^(OK|确 ?定)$/ })
            .last(),
        );
      const warning = page.getByTestId('level-changed');

      // 签发: warned; 返回 leaves it unsigned.
      await row.getByTestId('sign-button').click();
      await page.getByTestId('signed-by').fill('王副主任');
      await ok();
      await confirmLeader(page);
      await warning.waitFor();
      expect(await warning.innerText()).toContain(`所报级别为${before}级，事件现为重大级`);
      await clickOpenedDialog(page, page.getByRole('button', { name: /^返 ?回$/ }));
      await warning.waitFor({ state: 'detached' });
      expect((await callService<Report[]>(app, 'reports:list', { incidentId: inc.id }))[1]!.status).toBe('draft');
      // Confirmed: signed.
      await ok();
      await confirmLeader(page);
      await clickOpenedDialog(page, page.getByTestId('level-changed-confirm'));
      // The 签发 itself is the leader's act: confirmed by their password again.
      await confirmLeader(page);
      await expect.poll(() => row.innerText()).toContain('已签发');

      // 报送: warned the same way, sent once confirmed.
      await row.getByTestId('send-button').click();
      await page.locator('[data-testid="sent-to"] input').fill('市政府');
      await page.keyboard.press('Enter');
      await page.getByTestId('confirmed-by').fill('孙赟');
      await ok();
      await warning.waitFor();
      expect(await warning.innerText()).toContain('再报送');
      await clickOpenedDialog(page, page.getByTestId('level-changed-confirm'));
      await expect.poll(() => row.innerText()).toContain('已报送');

      // Recorded as confirmed; the content is the 续报 as drafted, at its level, untouched.
      await page.reload({ waitUntil: 'domcontentloaded' });
      await signInDuty(page);
      await page.getByTestId('incident-link').filter({ hasText: RADIATION.title }).click();
      await expect.poll(() => row.innerText()).toContain('书面 → 市政府，孙赟确认收到（第1稿）');
      const [, sent] = await callService<Report[]>(app, 'reports:list', { incidentId: inc.id });
      expect(sent!.status).toBe('sent');
      expect(sent!.versions.map((v) => v.content)).toEqual(follow.versions.map((v) => v.content));
    } finally {
      await app.close();
    }
  }, 120_000);
});
