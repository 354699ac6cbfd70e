import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import type { IncidentDetail } from '../../shared/domain/incident-view';
import { terminationConditions } from '../../shared/response';
import { ENV_INPUT } from '../helpers/services';
import { useTempDirs } from '../helpers/temp-dir';
import { confirmLeader, signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

describe('response actions and the warning board in Chromium against the web host', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('starts plan C 三级, ticks two items, is refused the end with the missing conditions named, confirms them, ends, and sees the post-response tasks', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    try {
      await signInDuty(page);
      const created = await dispatch(app.services.handlers, 'incidents:create', {
        ...ENV_INPUT,
        occurredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        receivedAt: new Date(Date.now() - 2 * 60_000).toISOString(),
      });
      expect(created.ok).toBe(true);
      // incidents:create answers with the IncidentDetail it stored
      const id = (created as { value: IncidentDetail }).value.id;

      await page.getByRole('menuitem', { name: '事件看板' }).click();
      await page.getByTestId('incident-link').filter({ hasText: ENV_INPUT.title }).click();
      const panel = page.getByTestId('response-panel');
      await panel.getByTestId('response-start').click();
      await confirmLeader(page);
      await expect.poll(() => panel.getByTestId('response-current').innerText()).toContain('三级响应');
      await expect.poll(() => panel.getByTestId('response-item').count()).toBeGreaterThan(10);

      // The start names the leader whose password granted it, from the account the record carries
      // (issue 18); after a reload it reads back so, and every other field of the response as it was.
      const started = panel.getByTestId('response-started');
      await expect.poll(() => started.innerText()).toMatch(/由指挥长决定启动（带班领导 李堃 确认）$/);
      const shown = async () => ({
        state: await panel.getAttribute('data-state'),
        current: await panel.getByTestId('response-current').innerText(),
        started: await started.innerText(),
        ended: await panel.getByTestId('response-ended').count(),
        levels: await panel.getByTestId('response-levels').count(),
        items: await panel
          .getByTestId('response-item')
          .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-item-id')} ${e.getAttribute('data-state')}`)),
        conditions: await panel
          .getByTestId('termination-condition')
          .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-confirmed')} ${e.textContent}`)),
      });
      const beforeReload = await shown();
      expect(beforeReload).toMatchObject({ state: 'active', current: '三级响应', ended: 0, levels: 0 });
      const stored = await dispatch(app.services.handlers, 'response:get', { incidentId: id });
      await page.reload();
      await page.getByRole('menuitem', { name: '事件看板' }).click();
      await page.getByTestId('incident-link').filter({ hasText: ENV_INPUT.title }).click();
      await expect.poll(() => panel.getByTestId('response-item').count()).toBe(beforeReload.items.length);
      expect(await shown()).toEqual(beforeReload);
      expect(await dispatch(app.services.handlers, 'response:get', { incidentId: id })).toEqual(stored);
      // The start's timeline entry, sealed by the record chain, names the granting leader too.
      await expect
        .poll(() =>
          page
            .getByTestId('timeline-entry')
            .filter({ hasText: '启动三级应急响应（决定：指挥长）；带班领导 李堃 确认' })
            .count(),
        )
        .toBe(1);

      // Tick two items, each with a note.
      for (const note of ['已派员赶赴现场', '已组织专家会商']) {
        await panel
          .locator('[data-testid="response-item"][data-state="open"]')
          .first()
          .getByTestId('tick-item')
          .click();
        await page.locator('#record-text:visible').fill(note);
        await page.locator('#record-ok:visible').click();
        await expect
          .poll(() =>
            panel.locator('[data-testid="response-item"][data-state="done"]').filter({ hasText: note }).count(),
          )
          .toBe(1);
      }

      // The end is refused, naming every unconfirmed condition, before any password is asked.
      const conditions = terminationConditions('environment');
      await panel.getByTestId('response-end').click();
      const refused = panel.getByTestId('end-refused');
      await expect.poll(() => refused.innerText()).toContain('不能终止应急响应');
      for (const c of conditions) expect(await refused.innerText()).toContain(c.text);
      expect(await page.getByTestId('leader-password').count()).toBe(0);
      expect((await app.services.incidents.get(id)).status).toBe('响应中');

      for (let n = 0; n < conditions.length; n++) {
        await panel
          .locator('[data-testid="termination-condition"][data-confirmed="no"]')
          .first()
          .getByTestId('confirm-condition')
          .click();
        await page.locator('#record-text:visible').fill('指挥长');
        await page.locator('#record-ok:visible').click();
        await confirmLeader(page);
        await expect
          .poll(() => panel.locator('[data-testid="termination-condition"][data-confirmed="yes"]').count())
          .toBe(n + 1);
      }

      const confirmedTexts = await panel
        .locator('[data-testid="termination-condition"][data-confirmed="yes"]')
        .evaluateAll((els) => els.map((e) => e.textContent));
      expect(confirmedTexts).toHaveLength(conditions.length);
      for (const text of confirmedTexts) expect(text).toContain('确认人：指挥长（带班领导 李堃 确认，值班员赵珺记录）');

      // The incident's reports are still unsent: the end asks first and names them.
      await panel.getByTestId('response-end').click();
      await expect
        .poll(() => page.getByTestId('unsent-item').count())
        // incidents:create answers with the IncidentDetail it stored
        .toBe((created as { value: IncidentDetail }).value.clocks.length);
      await page.locator('#unsent-confirm-ok').click();
      await confirmLeader(page);
      await expect.poll(() => panel.getAttribute('data-state')).toBe('ended');
      expect(await panel.getByTestId('response-ended').innerText()).toMatch(/由指挥长宣布终止（带班领导 李堃 确认）$/);
      const tasks = panel.getByTestId('post-task');
      await expect.poll(() => tasks.count()).toBe(2);
      await expect.poll(() => tasks.first().innerText()).toContain('损害评估');
      expect(await tasks.first().innerText()).toContain('无规定期限');
      expect(await tasks.first().innerText()).toContain('6.1');

      const detail = await app.services.incidents.get(id);
      expect(detail.status).toBe('已终止');
      expect(detail.timeline.filter((e) => e.kind === 'action' && e.text.startsWith('完成措施'))).toHaveLength(2);
      await expect
        .poll(() => page.getByTestId('timeline-entry').filter({ hasText: '应急响应终止（宣布：指挥长' }).count())
        .toBe(1);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('shows a warning on the board page with its colour, issuer rule and actions, and refuses a lift by another body', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    try {
      await signInDuty(page);
      const issued = await dispatch(app.services.handlers, 'warnings:issue', {
        plan: 'radiation',
        level: '三级',
        direction: 'received',
        issuerKind: 'city',
        issuer: '朔州市人民政府',
        area: '朔城区',
        issuedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      });
      expect(issued.ok).toBe(true);
      await page.getByRole('menuitem', { name: '预警' }).click();
      const card = page.getByTestId('warning-card').first();
      await expect.poll(() => card.innerText()).toContain('三级（黄色）预警');
      expect(await card.innerText()).toContain('3.1.2');
      // Registered by the host's own call, with no leader's password: who granted it is not known, and says so.
      expect(await card.innerText()).toContain('值班员赵珺登记，确认的带班领导未记录');
      await expect.poll(() => card.getByTestId('warning-action').count()).toBeGreaterThan(0);

      await card.getByTestId('warning-lift').click();
      await page.locator('#warning-act-by').fill('朔城区人民政府');
      await page.locator('#warning-act-doc').fill('朔城政发〔2026〕1号');
      await page.locator('#warning-act-ok').click();
      await confirmLeader(page);
      await expect.poll(() => page.locator('.ant-message').innerText()).toContain('不能解除此预警');
      await page.locator('#warning-act-by').fill('朔州市人民政府');
      await page.locator('#warning-act-ok').click();
      await confirmLeader(page);
      await expect.poll(() => page.getByTestId('warning-card').count()).toBe(0);
    } finally {
      await app.close();
    }
  }, 120_000);
});
