import { describe, expect, it } from 'vitest';
import { callOn } from '../electron/services/duty/call';
import { ENV_INPUT } from '../helpers/services';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

const MIN = 60_000;

describe('交接班 next steps in Chromium against the web host', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it(
    'words the next step from the incident: 督促 for another unit clock overdue, none owed once reports are made; kept after submitting and a reload',
    { timeout: 120_000 },
    async () => {
      const app = await startWebApp(browser(), tempDir());
      const { page } = app;
      const h = app.services.handlers;
      try {
        await signInDuty(page, '李堃', '赵珺');
        const now = Date.now();
        const at = (minutesAgo: number) => new Date(now - minutesAgo * MIN).toISOString();
        const input = { ...ENV_INPUT, levelOverride: null, responseOverride: null, discoveredAt: null };
        // 较大, received 70 minutes ago: the county department's clocks (1 hour) are overdue.
        const overdue = await h['incidents:create']({ ...input, occurredAt: at(80), receivedAt: at(70) });
        // 较大, every report made: nothing owed.
        const done = await h['incidents:create']({
          ...input,
          title: '应县厂区废水外溢',
          occurredAt: at(30),
          receivedAt: at(20),
        });
        for (const c of done.clocks)
          await h['clocks:complete']({
            incidentId: done.id,
            clockId: c.obligationKey ?? c.clockId,
            completedAt: at(10),
            channel: '书面',
            recipientUnit: c.to,
            recipientName: '值班员',
          });

        await page.locator('.ant-menu-item', { hasText: '交接班' }).click();
        const rowOf = (title: string) => page.getByTestId('handover-incidents').locator('tr', { hasText: title });
        await expect
          .poll(() => rowOf(ENV_INPUT.title).innerText())
          .toMatch(/已超时（截止 \d{4}-\d\d-\d\d \d\d:\d\d），尽快督促生态环境部门（市局或县分局）向本级人民政府报告/);
        expect(await rowOf('应县厂区废水外溢').innerText()).toContain(
          '报告时限均已完成：跟踪事件进展，有新情况及时续报',
        );
        expect(await page.getByTestId('handover-draft').innerText()).not.toContain('立即向本级人民政府报告');
        await page.screenshot({ path: 'test-output/handover-next-steps.png', fullPage: true });

        await page.getByTestId('handover-to-officer').fill('钱赟');
        await page.getByTestId('handover-to-leader').fill('王镕');
        await page.getByTestId('handover-notes').fill('县局报告情况需继续督促');
        await page.getByTestId('handover-submit').click();
        await page.getByTestId('handover-pending').waitFor();
        await page.reload();
        await page.locator('.ant-menu-item', { hasText: '交接班' }).click();
        const pending = page.getByTestId('handover-pending');
        await expect.poll(() => pending.innerText()).toContain('钱赟');
        const stored = (await callOn(h, 'handover:list', {}))[0]!;
        const stepOf = (id: number) => stored.sheet.openIncidents.find((i) => i.id === id)!.nextStep;
        expect(
          await pending.getByTestId('handover-incidents').locator('tr', { hasText: ENV_INPUT.title }).innerText(),
        ).toContain(stepOf(overdue.id));
        expect(
          await pending.getByTestId('handover-incidents').locator('tr', { hasText: '应县厂区废水外溢' }).innerText(),
        ).toContain(stepOf(done.id));
        expect(await page.getByTestId('handover-pending-notes').innerText()).toContain('县局报告情况需继续督促');
      } finally {
        await app.close();
      }
    },
  );
});
