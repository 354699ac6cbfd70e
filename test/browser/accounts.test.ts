import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../shared/domain/report';
import { dispatch } from '../../electron/ipc/dispatch';
import { useTempDirs } from '../helpers/temp-dir';
import { clickOpenedDialog, confirmLeader, signInDuty, TEST_PASSWORD } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

const OUT = join(tmpdir(), 'duty-accounts');
mkdirSync(OUT, { recursive: true });

const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000 });

/** Whether the element's centre is drawn on top (not covered by the lock screen). */
const onTop = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && el.contains(hit);
  });

async function pressOk(page: Page) {
  await page
    .getByRole('button', { name: 'OK' })
    .or(page.getByRole('button', { name: '确 定' }))
    .or(page.getByRole('button', { name: '确定' }))
    .first()
    .click();
}

async function openSessionMenu(page: Page, item: string) {
  await page.getByTestId('session-user').click();
  await page.getByTestId(item).click();
}

describe('going on duty is logging in: roles, the leader password for 签发, the idle lock over alarms', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it('the first run creates the administrator; a bad password is refused in Chinese; a reload keeps the seat logged in', async () => {
    const app = await startWebApp(browser(), tempDir(), { accounts: false });
    const { page } = app;
    try {
      await page.getByTestId('first-run').waitFor();
      await page.getByTestId('setup-name').fill('系统管理员');
      await page.getByTestId('setup-phone').fill('0349-2022110');
      await page.getByTestId('setup-password').fill('短密码');
      await page.getByTestId('setup-confirm').fill('短密码');
      await page.getByTestId('setup-save').click();
      await poll(() => page.getByTestId('setup-error').innerText()).toContain('密码至少需要8个字符');
      await page.getByTestId('setup-password').fill(TEST_PASSWORD);
      await page.getByTestId('setup-confirm').fill(TEST_PASSWORD);
      await page.getByTestId('setup-save').click();
      await poll(() => page.getByTestId('session-user').innerText()).toContain('系统管理员（管理员）');
      await page.reload();
      await poll(() => page.getByTestId('session-user').innerText()).toContain('系统管理员（管理员）');

      // The administrator creates a 值班员 on the 账户 page; a password equal to the name is refused.
      await openSessionMenu(page, 'accounts-open');
      await page.getByTestId('account-new').click();
      await page.getByTestId('account-name').fill('钱喆');
      await page.getByTestId('account-phone').fill('13900000003');
      await page.getByTestId('account-password').fill('钱喆');
      // Every change to the accounts is confirmed with the password of a 带班领导 or 管理员, for that act.
      const confirmWithPassword = async () => {
        await poll(() => page.locator('.ant-modal', { hasText: '带班领导确认：新建账户' }).count()).toBe(1);
        await page.getByTestId('leader-password').fill(TEST_PASSWORD);
        await clickOpenedDialog(page, page.getByTestId('leader-confirm'));
      };
      await page.getByTestId('account-create').click();
      await confirmWithPassword();
      await poll(() => page.locator('.ant-message').innerText()).toContain('密码至少需要8个字符');
      await page.getByTestId('account-password').fill(TEST_PASSWORD);
      await page.getByTestId('account-create').click();
      await confirmWithPassword();
      await poll(() => page.getByTestId('accounts-table').innerText()).toContain('钱喆');

      // The audit record lists the creation; filtered by kind it shows only that.
      const audit = page.getByTestId('audit-table');
      // The new account's own row (the first run's 创建账户 row is there from the start).
      await poll(() => audit.innerText()).toContain('钱喆');
      await page.getByTestId('audit-name').locator('input').fill('钱喆');
      await page.getByTestId('audit-name').locator('input').press('Enter');
      await poll(() => audit.innerText()).not.toContain('首次运行');
      expect(await audit.innerText()).toContain('钱喆（值班员）');
      await page.screenshot({ path: join(OUT, 'accounts-and-audit.png') });

      // After a reload every field of both accounts is as recorded.
      await page.reload();
      await openSessionMenu(page, 'accounts-open');
      await poll(() => page.getByTestId('accounts-table').innerText()).toContain('13900000003');
      const accounts = await app.services.db.read((q) =>
        q.all<{ name: string; role: string; phone: string; active: number }>(
          'SELECT name, role, phone, active FROM accounts ORDER BY id',
        ),
      );
      expect(accounts).toEqual([
        { name: '系统管理员', role: '管理员', phone: '0349-2022110', active: 1 },
        { name: '钱喆', role: '值班员', phone: '13900000003', active: 1 },
      ]);
      const created = await app.services.db.read((q) =>
        q.all<{ detail: string }>("SELECT detail FROM auth_events WHERE kind = 'account_created' ORDER BY id"),
      );
      expect(created.map((c) => c.detail)).toEqual(['首次运行创建管理员', '钱喆（值班员）']);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('a 带班领导 refused at log-in is said in a dialog the officer closes; the 值班员 is in, the leader is not', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page, services } = app;
    try {
      await page.getByTestId('login-name').fill('赵珺');
      await page.getByTestId('login-password').fill(TEST_PASSWORD);
      await page.getByTestId('login-leader-name').fill('李堃');
      await page.getByTestId('login-leader-password').fill('not-the-password');
      await page.getByTestId('login-submit').click();
      const refusal = page.locator('.ant-modal-confirm', { hasText: '带班领导未能登录' });
      await poll(() => refusal.innerText()).toContain('姓名或密码错误');
      expect(await refusal.innerText()).toContain('值班员 赵珺 已登录');
      // In view on the board, not just in the page: the officer cannot miss it.
      const close = refusal.getByRole('button', { name: '知道了' });
      await close.waitFor({ state: 'visible' });
      await poll(() => onTop(page, 'session-user').then((top) => !top)).toBe(true);
      await page.screenshot({ path: join(OUT, 'leader-login-refused.png') });
      await close.click();
      await refusal.waitFor({ state: 'detached' });
      // The seat has its officer and no leader, after a reload too.
      await page.reload();
      await poll(() => page.getByTestId('session-user').innerText()).toContain('赵珺（值班员）');
      expect(await page.getByTestId('session-user').innerText()).not.toContain('李堃');
      const seats = await services.db.read((q) =>
        q.all<{ leader_id: number | null }>(
          "SELECT s.leader_id FROM seat_sessions s JOIN accounts a ON a.id = s.officer_id WHERE a.name = '赵珺'",
        ),
      );
      expect(seats).toEqual([{ leader_id: null }]);
    } finally {
      await app.close();
    }
  });

  it('值班员 logs in and is refused 签发; the 带班领导 logs in and signs with their password; the record names the leader', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page, services } = app;
    try {
      // The 值班员 alone: a wrong password first, then the right one.
      await page.getByTestId('login-name').fill('赵珺');
      await page.getByTestId('login-password').fill('not-the-password');
      await page.getByTestId('login-submit').click();
      await poll(() => page.getByTestId('login-error').innerText()).toContain('姓名或密码错误（再错4次将锁定10分钟）');
      await page.getByTestId('login-password').fill(TEST_PASSWORD);
      await page.getByTestId('login-submit').click();
      await poll(() => page.getByTestId('session-user').innerText()).toContain('赵珺（值班员）');

      await services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
      const now = Date.now();
      const inc = await services.incidents.create({
        category: 'environment',
        title: '应县化工园区泄漏',
        places: ['应县'],
        occurredAt: new Date(now - 40 * 60_000).toISOString(),
        receivedAt: new Date(now - 30 * 60_000).toISOString(),
        discoveredAt: null,
        reporterUnit: '应县生态环境分局',
        reporterName: '',
        reporterPhone: '',
        receiveChannel: '电话',
        narrative: '园区储罐泄漏',
        facts: { poisonedOrInjured: 15 },
        drill: false,
        levelOverride: null,
        responseOverride: null,
      });
      await page.reload();
      await page.getByTestId('incident-link').filter({ hasText: '应县化工园区泄漏' }).click();
      await page.getByTestId('draft-初报').click();
      const initial = page.getByTestId('report-初报');

      // 签发 as the 值班员: the leader's password is asked; nobody with that role is at the seat.
      await initial.getByTestId('sign-button').click();
      await page.getByTestId('signed-by').fill('赵珺');
      await pressOk(page);
      await page.getByTestId('leader-password').fill(TEST_PASSWORD);
      await clickOpenedDialog(page, page.getByTestId('leader-confirm'));
      await poll(() => page.getByTestId('leader-error').innerText()).toContain('需要带班领导权限');
      await page.screenshot({ path: join(OUT, 'sign-refused.png') });
      await page
        .getByRole('button', { name: '取 消' })
        .or(page.getByRole('button', { name: '取消' }))
        .last()
        .click();
      const reports = (): Promise<Report[]> => app.services.handlers['reports:list']({ incidentId: inc.id });
      expect((await reports()).find((r) => r.kind === '初报')?.status).toBe('draft');
      const refusals = await services.db.read((q) =>
        q.all<{ kind: string }>("SELECT kind FROM auth_events WHERE kind = 'leader_refused'"),
      );
      expect(refusals.length).toBeGreaterThan(0);

      // The 带班领导 logs in at the seat from the header (the incident drawer closed first); now both are on duty.
      // The password dialog closes (with its animation) before Escape can reach the drawer behind it.
      await page.getByTestId('leader-password').waitFor({ state: 'detached' });
      await poll(async () => {
        await page.keyboard.press('Escape');
        return page.locator('.ant-drawer-open').count();
      }).toBe(0);
      await openSessionMenu(page, 'leader-login-open');
      await page.getByTestId('leader-login-name').fill('李堃');
      await page.getByTestId('leader-login-password').fill(TEST_PASSWORD);
      await clickOpenedDialog(page, page.getByTestId('leader-login-submit'));
      await poll(() => page.getByTestId('session-user').innerText()).toContain('李堃（带班领导）');
      await page.getByTestId('incident-link').filter({ hasText: '应县化工园区泄漏' }).click();

      // A wrong leader password is refused; the right one signs. The signer is the leader, whatever was typed.
      await page.getByTestId('sign-button').first().click();
      await page.getByTestId('signed-by').fill('赵珺');
      await pressOk(page);
      await page.getByTestId('leader-password').fill('wrong-password');
      await clickOpenedDialog(page, page.getByTestId('leader-confirm'));
      await poll(() => page.getByTestId('leader-error').innerText()).toContain('密码错误');
      await confirmLeader(page);
      await poll(async () => (await reports()).find((r) => r.kind === '初报')?.status).toBe('signed');
      expect((await reports()).find((r) => r.kind === '初报')?.signedBy).toBe('李堃');
      // By account too (issue 18, migration 0018): the id of the leader whose password signed.
      const signer = await services.db.read((q) =>
        q.get<{ id: number | null; leader: number }>(
          "SELECT signed_by_id AS id, (SELECT id FROM accounts WHERE name = '李堃') AS leader FROM reports WHERE kind = '初报'",
        ),
      );
      expect(signer?.id).toBe(signer?.leader);
      await page.screenshot({ path: join(OUT, 'signed.png') });

      // After a reload the seat is still logged in; the signed report and the incident are as they were.
      await page.reload();
      await poll(() => page.getByTestId('session-user').innerText()).toContain('李堃（带班领导）');
      const after = await services.incidents.get(inc.id);
      expect(after.title).toBe('应县化工园区泄漏');
      expect(after.places).toEqual(['应县']);
      expect(after.reporterUnit).toBe('应县生态环境分局');
      expect(after.narrative).toBe('园区储罐泄漏');
      expect(after.facts).toEqual({ poisonedOrInjured: 15 });
    } finally {
      await app.close();
    }
  }, 240_000);

  it('an officer changes her own password from the header menu, and logs in with it after a reload', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page } = app;
    try {
      await signInDuty(page);
      await openSessionMenu(page, 'change-password-open');
      await page.getByTestId('change-password-current').fill('not-the-password');
      await page.getByTestId('change-password-next').fill('new-duty-pass-1');
      await page.getByTestId('change-password-confirm').fill('new-duty-pass-1');
      await page.getByTestId('change-password-submit').click();
      await poll(() => page.getByTestId('change-password-error').innerText()).toContain('当前密码错误');
      await page.getByTestId('change-password-current').fill(TEST_PASSWORD);
      await page.getByTestId('change-password-submit').click();
      await poll(() => page.locator('.ant-message').innerText()).toContain('赵珺的密码已修改');
      await page.screenshot({ path: join(OUT, 'password-changed.png') });

      // Logged out and in again after a reload: the old password is refused, the new one opens the console.
      await page.reload();
      await openSessionMenu(page, 'logout');
      await page.getByTestId('login-name').fill('赵珺');
      await page.getByTestId('login-password').fill(TEST_PASSWORD);
      await page.getByTestId('login-submit').click();
      await poll(() => page.getByTestId('login-error').innerText()).toContain('姓名或密码错误');
      await page.getByTestId('login-password').fill('new-duty-pass-1');
      await page.getByTestId('login-submit').click();
      await poll(() => page.getByTestId('session-user').innerText()).toContain('赵珺（值班员）');
    } finally {
      await app.close();
    }
  });

  it('a new idle-lock time reaches a page already open: it locks after that many minutes without input', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page, services } = app;
    try {
      // The page's own clock, moved on by the test: a minute of waiting takes none.
      await page.clock.install();
      await page.reload();
      await signInDuty(page);
      await poll(() => page.getByTestId('session-user').innerText()).toContain('赵珺');
      const reread = page.waitForResponse((r) => decodeURIComponent(r.url()).includes('/api/auth:status'));
      const saved = await dispatch(services.handlers, 'settings:set', { idleLockMinutes: 1 });
      expect(saved.ok).toBe(true);
      await reread;
      await page.clock.fastForward(30_000);
      expect(await page.getByTestId('lock-screen').count()).toBe(0);
      await page.clock.fastForward(35_000);
      await page.getByTestId('lock-screen').waitFor();
      expect(services.settings.get().idleLockMinutes).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('the screen locks while an alarm is due: the banner stays above the lock; unlocking alone does not acknowledge; after unlocking the officer acknowledges', async () => {
    const app = await startWebApp(browser(), tempDir());
    const { page, services } = app;
    try {
      await signInDuty(page);
      const now = Date.now();
      await services.incidents.create({
        category: 'environment',
        title: '朔城区河道死鱼',
        places: ['朔城区'],
        occurredAt: new Date(now - 300 * 60_000).toISOString(),
        receivedAt: new Date(now - 290 * 60_000).toISOString(),
        discoveredAt: null,
        reporterUnit: '朔城区生态环境分局',
        reporterName: '',
        reporterPhone: '',
        receiveChannel: '电话',
        narrative: '',
        facts: { poisonedOrInjured: 12 },
        drill: false,
        levelOverride: null,
        responseOverride: null,
      });
      await poll(() => page.getByTestId('alarm-banner').innerText()).toContain('朔城区河道死鱼');

      await openSessionMenu(page, 'lock-now');
      await page.getByTestId('lock-screen').waitFor();
      // The board is covered; the alarm banner and its button are drawn above the lock.
      expect(await onTop(page, 'alarm-banner')).toBe(true);
      expect(await onTop(page, 'incident-table')).toBe(false);
      await page.screenshot({ path: join(OUT, 'locked-with-alarm.png') });

      // Acknowledging from the lock screen is refused: the alarm stays active.
      const active = () => services.alarms.state().status.activeKeys.length;
      expect(active()).toBeGreaterThan(0);
      await page.getByTestId('alarm-ack').click();
      await page.waitForTimeout(1000);
      expect(active()).toBeGreaterThan(0);
      expect(await page.getByTestId('alarm-ack').count()).toBe(1);

      // A wrong password keeps the lock; the right one opens it, and the alarm is still unacknowledged.
      await page.getByTestId('unlock-password').fill('wrong-password');
      await page.getByTestId('unlock-submit').click();
      await poll(() => page.getByTestId('unlock-error').innerText()).toContain('密码错误');
      await page.getByTestId('unlock-password').fill(TEST_PASSWORD);
      await page.getByTestId('unlock-submit').click();
      await page.getByTestId('lock-screen').waitFor({ state: 'detached' });
      expect(active()).toBeGreaterThan(0);
      await page.getByTestId('alarm-ack').click();
      await poll(() => page.getByTestId('alarm-ack').count()).toBe(0);
      expect(active()).toBe(0);
      // The banner stays while the clock is overdue: acknowledging stops the sound, not the clock.
      expect(await page.getByTestId('alarm-banner').count()).toBe(1);
      const kinds = await services.db.read((q) =>
        q.all<{ kind: string }>(
          "SELECT kind FROM auth_events WHERE kind IN ('idle_lock', 'unlock_failed', 'unlock') ORDER BY id",
        ),
      );
      expect(kinds.map((k) => k.kind)).toEqual(['idle_lock', 'unlock_failed', 'unlock']);
      // The acknowledgement carries the account logged in at the seat, not only its name (issue 18).
      const acks = await services.db.read((q) =>
        q.all<{ officer: string; id: number | null; account: number }>(
          "SELECT officer, officer_id AS id, (SELECT id FROM accounts WHERE name = '赵珺') AS account FROM alarm_acks",
        ),
      );
      expect(acks.length).toBeGreaterThan(0);
      for (const a of acks) expect(a).toEqual({ officer: '赵珺', id: a.account, account: a.account });
    } finally {
      await app.close();
    }
  }, 240_000);
});
