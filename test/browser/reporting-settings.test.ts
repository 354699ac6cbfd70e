/**
 * Issue 12 duties set per incident in the drawer: the leader's 续报 interval alarms like any clock
 * (42号 4.1.2 随时), 发生时间 不详 moves the clocks counting from occurrence to discovery, and a
 * radiation accident's end of handling makes the 终结报告 owed 即时 (42号 4.1.2). Each survives a
 * reload, and the fields the officer did not touch stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import type { IncidentDetail } from '../../shared/domain/incident-view';
import type { Result } from '../../shared/ipc/result';
import { chineseDateTime, shanghaiDateTime } from '../../shared/time';
import { useTempDirs } from '../helpers/temp-dir';
import { confirmLeader, fillDateTime, signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';
import { expectFieldsKept } from '../helpers/incident-fields';

function incident(r: Result<unknown>): IncidentDetail {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as IncidentDetail; // dispatch is untyped by channel; these channels answer an IncidentDetail
}

const MIN = 60_000;
describe('reporting requirements per incident', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it(
    '续报 interval, 发生时间不详 and 事故处理完毕 set in the drawer become clocks and survive a reload',
    { timeout: 150_000 },
    async () => {
      const app = await startWebApp(browser(), tempDir());
      const { page } = app;
      const h = app.services.handlers;
      try {
        await signInDuty(page);
        const base = Math.floor(Date.now() / MIN) * MIN;
        const rad = incident(
          await dispatch(h, 'incidents:create', {
            category: 'radiation',
            title: '朔城区核子秤放射源丢失',
            places: ['朔城区'],
            occurredAt: new Date(base - 120 * MIN).toISOString(),
            receivedAt: new Date(base - 100 * MIN).toISOString(),
            reporterUnit: '朔城区生态环境分局',
            reporterName: '王镕',
            reporterPhone: '0349-2012345',
            receiveChannel: '电话',
            narrative: '检修时发现铅罐开启、放射源缺失',
            facts: { sourceClass: 4, sourceEvent: 'lost' },
            drill: false,
          }),
        );
        const comms = incident(
          await dispatch(h, 'incidents:create', {
            category: 'comms',
            title: '平鲁区光缆中断',
            places: ['平鲁区'],
            occurredAt: new Date(base - 90 * MIN).toISOString(),
            discoveredAt: new Date(base - 30 * MIN).toISOString(),
            receivedAt: new Date(base - 20 * MIN).toISOString(),
            reporterUnit: '平鲁区工信局',
            reporterName: '孙赟',
            reporterPhone: '',
            receiveChannel: '电话',
            narrative: '主干光缆被挖断，三个乡镇通信中断',
            facts: {},
            drill: false,
          }),
        );
        const table = page.getByTestId('clock-table');
        const row = (clockId: string) => table.locator('tr', { has: page.getByTestId(`clock-row-${clockId}`) });
        const open = async (title: string) => {
          await page.reload();
          await page.getByTestId('incident-link').filter({ hasText: title }).click();
          await page.getByTestId('reporting-settings').waitFor();
        };

        // Radiation: the leader's 续报 every 45 minutes, then the end of handling.
        await open('朔城区核子秤放射源丢失');
        await page.getByTestId('follow-up-minutes').fill('45');
        const setAt = Date.now();
        await page.getByTestId('follow-up-set').click();
        // Setting the reporting requirements is the leader's act (issue 12; issue 18): the leader's password.
        await confirmLeader(page);
        await expect.poll(() => page.getByTestId('follow-up-current').innerText()).toBe('每45分钟');
        const followUp = row('room.follow-up');
        await expect.poll(() => followUp.innerText()).toContain('续报（每45分钟，带班领导设定）');
        const due = await followUp.innerText();
        // Due 45 minutes after the setting (the minute it was saved, or the next).
        expect(
          [chineseDateTime(setAt + 45 * MIN), chineseDateTime(setAt + 46 * MIN)].some((d) => due.includes(d)),
        ).toBe(true);

        const end = base - 10 * MIN;
        await fillDateTime(
          page,
          '[data-testid="handling-ended-at"] input, input[data-testid="handling-ended-at"]',
          shanghaiDateTime(end),
        );
        await page.getByTestId('handling-ended-set').click();
        await confirmLeader(page);
        await expect.poll(() => page.getByTestId('handling-ended-current').innerText()).toBe(chineseDateTime(end));
        const final = row('rad.final-report');
        await expect.poll(() => final.innerText()).toContain('即时（最迟2小时）');
        expect(await final.innerText()).toContain(chineseDateTime(end + 120 * MIN));
        // Handling ended: the 续报 cycle gives way to the 终结报告.
        await expect.poll(() => followUp.getByTestId('clock-closure').innerText()).toContain('续报由终结报告接续');
        await table.screenshot({ path: 'test-output/reporting-settings-radiation.png' });

        // Comms: 发生时间不详 — the written report counts from discovery, and says so.
        await open('平鲁区光缆中断');
        const written = row('comms.written');
        expect(await written.innerText()).toContain(chineseDateTime(base - 90 * MIN));
        await page.getByTestId('occurred-unknown').click();
        await confirmLeader(page);
        await expect.poll(() => written.innerText()).toContain('发生时间不详，以发现时间计');
        expect(await written.innerText()).toContain(chineseDateTime(base - 30 * MIN));

        // After a reload: the settings hold, and nothing else on either incident moved.
        await open('平鲁区光缆中断');
        expect(await page.getByTestId('occurred-unknown').isChecked()).toBe(true);
        expect(await row('comms.written').innerText()).toContain('发生时间不详，以发现时间计');
        // The incident's own 发生时间 reads 不详 too, with the time typed at registration kept beside it.
        expect(await page.getByTestId('occurred-unknown-shown').innerText()).toBe(
          `不详（以发现时间计时；登记时填写 ${chineseDateTime(base - 90 * MIN)}）`,
        );
        await open('朔城区核子秤放射源丢失');
        expect(await page.getByTestId('follow-up-current').innerText()).toBe('每45分钟');
        expect(await page.getByTestId('handling-ended-current').innerText()).toBe(chineseDateTime(end));
        for (const [before, id] of [
          [rad, rad.id],
          [comms, comms.id],
        ] as const) {
          const after = incident(await dispatch(h, 'incidents:get', { id }));
          expectFieldsKept(before, after, []);
        }
      } finally {
        await app.close();
      }
    },
  );
});
