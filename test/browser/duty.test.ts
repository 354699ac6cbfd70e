import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty, TEST_PASSWORD } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

describe('值班日志 and 交接班 in Chromium against the web host', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it(
    'adds a remark to today’s log and keeps it, then hands over to officers who acknowledge',
    { timeout: 120_000 },
    async () => {
      const app = await startWebApp(browser(), tempDir());
      const { page } = app;
      try {
        await signInDuty(page, '李堃', '赵珺');

        // Today's duty log: compiled sections and the remark box.
        await page.locator('.ant-menu-item', { hasText: '值班日志' }).click();
        await page.getByTestId('duty-log-summary').waitFor();
        await expect.poll(() => page.getByTestId('duty-log-summary').innerText()).toContain('赵珺');
        await page.getByTestId('remark-text').fill('14时检查卫星电话，通话正常');
        await page.getByTestId('remark-add').click();
        await expect
          .poll(() => page.getByTestId('duty-remark-text').allInnerTexts())
          .toEqual(['14时检查卫星电话，通话正常']);
        await expect
          .poll(() => page.getByTestId('duty-log-section-other').innerText())
          .toContain('14时检查卫星电话，通话正常');

        // Kept: in the database and on the page after the console restarts.
        const today = (await app.services.handlers['duty-log:get']({})).today;
        expect(
          (await app.services.handlers['duty-log:get']({ day: today })).remarks.map((r) => [r.text, r.officer]),
        ).toEqual([['14时检查卫星电话，通话正常', '赵珺']]);
        await app.restart();
        await page.locator('.ant-menu-item', { hasText: '值班日志' }).click();
        await expect
          .poll(() => page.getByTestId('duty-remark-text').allInnerTexts())
          .toEqual(['14时检查卫星电话，通话正常']);

        // Export: the file is written by the main process and offered for download.
        await page.getByTestId('duty-log-export-csv').click();
        await expect.poll(() => page.getByTestId('duty-log-export-done').innerText()).toContain('.csv');

        // Handover: the outgoing officer submits, the incoming officers acknowledge.
        await page.locator('.ant-menu-item', { hasText: '交接班' }).click();
        await page.getByTestId('handover-draft').waitFor();
        await page.getByTestId('handover-to-officer').fill('钱赟');
        await page.getByTestId('handover-to-leader').fill('王镕');
        await page.getByTestId('handover-notes').fill('夜间无异常');
        await page.getByTestId('handover-submit').click();
        await page.getByTestId('handover-pending').waitFor();
        await expect.poll(() => page.getByTestId('handover-pending').innerText()).toContain('钱赟');
        // What the incoming officers read before confirming: the notes and the equipment too.
        const notes = await page.getByTestId('handover-pending-notes').innerText();
        for (const t of ['夜间无异常', '设备运行正常']) expect(notes).toContain(t);
        // The outgoing pair is still logged in here: the page says who must log in, and cannot confirm.
        expect(await page.getByTestId('handover-ack-who').innerText()).toContain(
          '接班须由值班员钱赟和带班领导王镕登录本席位后确认',
        );
        expect(await page.getByTestId('handover-ack').isDisabled()).toBe(true);
        await page.screenshot({ path: 'test-output/handover-pending.png', fullPage: true });

        // The incoming officers go on duty by logging in at this seat; their login is the acknowledgement.
        for (const [name, role] of [
          ['钱赟', '值班员'],
          ['王镕', '带班领导'],
        ] as const) {
          const created = await dispatch(app.services.handlers, 'accounts:create', {
            name,
            role,
            phone: '',
            password: TEST_PASSWORD,
          });
          expect(created.ok).toBe(true);
        }
        await page.getByTestId('session-user').click();
        await page.getByTestId('logout').click();
        await page.getByTestId('login-name').waitFor();
        await signInDuty(page, '王镕', '钱赟');
        await page.locator('.ant-menu-item', { hasText: '交接班' }).click();
        await page.getByTestId('handover-pending').waitFor();
        await expect
          .poll(() => page.getByTestId('handover-ack-who').innerText())
          .toContain('本席位已登录：值班员 钱赟、带班领导 王镕');
        await page.getByTestId('ack-note').fill('已核对，同意接班');
        await page.getByTestId('handover-ack').click();
        await expect
          .poll(() => page.locator('.ant-message').innerText())
          .toContain('钱赟（带班领导王镕）已确认接班，现为当前值班人员');
        await expect.poll(() => page.getByTestId('handover-history').innerText()).toContain('已接班');
        await expect.poll(() => page.getByTestId('handover-pending').count()).toBe(0);

        const [h] = await app.services.handlers['handover:list']({ limit: 5 });
        expect(h).toMatchObject({
          status: 'acknowledged',
          from: { officer: '赵珺', leader: '李堃' },
          acknowledgedBy: { officer: '钱赟', leader: '王镕' },
          ackNote: '已核对，同意接班',
          notes: '夜间无异常',
        });
        expect(h!.acknowledgedAt).not.toBeNull();
        expect(await app.services.handlers['duty:get']({})).toEqual({ leader: '王镕', officer: '钱赟' });
        // The log of the day carries the handover.
        await page.locator('.ant-menu-item', { hasText: '值班日志' }).click();
        await expect
          .poll(() => page.getByTestId('duty-log-section-other').innerText())
          .toContain('钱赟（带班领导王镕）确认接班');
      } finally {
        await app.close();
      }
    },
  );
});
