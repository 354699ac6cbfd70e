import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/ipc/dispatch';
import type { Handlers } from '../../../../electron/ipc/dispatch';
import { EXPORT_CHANNELS, LEADER_CHANNELS, requirementOf } from '../../../../shared/accounts/policy';
import { actName } from '../../../../shared/ipc/act-names';
import { CHANNELS } from '../../../../shared/ipc/contract';
import type { AuthStatus } from '../../../../shared/ipc/channels/accounts';
import type { Result } from '../../../../shared/ipc/result';
import { useTempDirs } from '../../../helpers/temp-dir';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { confirmedBy, dutySeats, fromSeat, SEAT_PASSWORD, withLeaderPassword } from '../../../helpers/seat-calls';
import { writeRosterXlsx } from '../../../../electron/rosters/roster-io';

const quiet = () => undefined;
const PW = 'duty-pass-2026';
const T0 = new Date('2026-11-29T02:00:00.000Z');

/** A call from a seat, as the hosts make it. */
const from =
  (h: Handlers, seat: string) =>
  (channel: string, input: unknown = {}) =>
    dispatch(h, channel, input, quiet, seat);

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the channel's result type
const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(r.error.message);
  // an ok answer carries the channel's declared output; the caller names it
  return r.value as T;
};
const message = (r: Result<unknown>): string => (r.ok ? '(allowed)' : r.error.message);

/** Services with an administrator, a 带班领导 李堃, a 值班员 赵珺 and a display account. */
async function withAccounts(dir: string, now: () => Date = () => T0) {
  const s = await makeServices(dir, { now });
  const admin = withLeaderPassword(from(s.handlers, 'seat-admin'), PW);
  value(await admin('auth:setup', { name: '系统管理员', phone: '', password: PW }));
  value(await admin('accounts:create', { name: '李堃', role: '带班领导', phone: '13800000001', password: PW }));
  value(await admin('accounts:create', { name: '赵珺', role: '值班员', phone: '13800000002', password: PW }));
  value(await admin('accounts:create', { name: '大屏', role: '显示', phone: '', password: PW }));
  return s;
}

describe('accounts, log-in and roles enforced for every call from a seat', () => {
  const tempDir = useTempDirs();

  it('a fresh install refuses every non-public call until the administrator is created; setup only once', async () => {
    const s = await makeServices(tempDir(), { now: () => T0 });
    const seat = from(s.handlers, 'seat-1');
    expect(value<AuthStatus>(await seat('auth:status')).needsSetup).toBe(true);
    expect(message(await seat('incidents:list', {}))).toMatch(/尚未创建管理员账户/);
    expect(message(await seat('auth:setup', { name: '系统管理员', phone: '', password: '短' }))).toMatch(
      /至少需要8个字符/,
    );
    expect(message(await seat('auth:setup', { name: 'admin', phone: '', password: 'ADMIN' + 'x'.repeat(0) }))).toMatch(
      /至少需要8个字符|不能与姓名相同/,
    );
    expect(message(await seat('auth:setup', { name: 'administrator', phone: '', password: 'Administrator' }))).toMatch(
      /不能与姓名相同/,
    );
    const st = value<AuthStatus>(await seat('auth:setup', { name: '系统管理员', phone: '', password: PW }));
    expect(st.needsSetup).toBe(false);
    expect(st.seat.officer?.role).toBe('管理员');
    expect(message(await from(s.handlers, 'seat-2')('auth:setup', { name: '他人', phone: '', password: PW }))).toMatch(
      /已经创建/,
    );
    // The password is stored as a salted scrypt hash, never as itself.
    const rows = await s.db.read((q) => q.all<{ password_hash: string }>('SELECT password_hash FROM accounts'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(rows[0]!.password_hash).not.toContain(PW);
    await s.close();
  });

  it('two accounts with the same password get different hashes (a salt of their own)', async () => {
    const s = await withAccounts(tempDir());
    const rows = await s.db.read((q) =>
      q.all<{ password_hash: string }>("SELECT password_hash FROM accounts WHERE name IN ('李堃', '赵珺')"),
    );
    expect(rows[0]!.password_hash).not.toBe(rows[1]!.password_hash);
    await s.close();
  });

  it('five failures lock the account for ten minutes, each failure recorded; the right password is refused while locked', async () => {
    let now = T0;
    const s = await withAccounts(tempDir(), () => now);
    const seat = from(s.handlers, 'seat-1');
    for (let i = 1; i <= 4; i++) {
      expect(message(await seat('auth:login', { name: '赵珺', password: 'wrong-password' }))).toContain(
        `再错${5 - i}次将锁定10分钟`,
      );
    }
    expect(message(await seat('auth:login', { name: '赵珺', password: 'wrong-password' }))).toMatch(/锁定10分钟/);
    expect(message(await seat('auth:login', { name: '赵珺', password: PW }))).toMatch(/已锁定/);
    const events = await s.db.read((q) =>
      q.all<{ kind: string }>(
        "SELECT kind FROM auth_events WHERE name = '赵珺' AND kind IN ('login_failed', 'locked') ORDER BY id",
      ),
    );
    expect(events.map((e) => e.kind)).toEqual([
      'login_failed',
      'login_failed',
      'login_failed',
      'login_failed',
      'login_failed',
      'locked',
      'login_failed',
    ]);
    // Ten minutes later the right password works again, and the failures start from zero.
    now = new Date(T0.getTime() + 10 * 60_000 + 1000);
    const st = value<AuthStatus>(await seat('auth:login', { name: '赵珺', password: PW }));
    expect(st.seat.officer?.name).toBe('赵珺');
    expect(st.seat.officer?.failedCount).toBe(0);
    // An unknown name is refused with the same words, and recorded under the typed name.
    expect(message(await seat('auth:login', { name: '无名氏', password: PW }))).toBe('姓名或密码错误');
    await s.close();
  });

  it('an administrator resets a password, which lifts the lock; the new password follows the rules', async () => {
    const s = await withAccounts(tempDir());
    const admin = withLeaderPassword(from(s.handlers, 'seat-admin'), PW);
    const seat = from(s.handlers, 'seat-1');
    for (let i = 0; i < 5; i++) await seat('auth:login', { name: '赵珺', password: 'wrong-password' });
    const list = value<{ id: number; name: string; lockedUntil: string | null }[]>(await admin('accounts:list'));
    const zhao = list.find((a) => a.name === '赵珺')!;
    expect(zhao.lockedUntil).not.toBeNull();
    expect(message(await admin('accounts:reset-password', { id: zhao.id, password: '赵珺' }))).toMatch(
      /至少需要8个字符|姓名/,
    );
    value(await admin('accounts:reset-password', { id: zhao.id, password: 'new-password-1' }));
    expect(
      value<AuthStatus>(await seat('auth:login', { name: '赵珺', password: 'new-password-1' })).seat.officer?.name,
    ).toBe('赵珺');
    await s.close();
  });

  it('every channel has a requirement, and a seat nobody logged in at may call only the public ones', async () => {
    const s = await withAccounts(tempDir());
    const seat = from(s.handlers, 'seat-empty');
    for (const c of CHANNELS) {
      const need = requirementOf(c);
      expect(['public', 'wall', 'view', 'duty', 'leader', 'manage', 'admin']).toContain(need);
      if (need === 'public') continue;
      const r = await seat(c, {});
      expect(r.ok, c).toBe(false);
      expect(message(r), c).toMatch(/请先登录/);
    }
    await s.close();
  });

  it('值班员: registers an incident and drafts; refused settings, accounts, audit and every leader-only act, each naming the role', async () => {
    const s = await withAccounts(tempDir());
    const officer = from(s.handlers, 'seat-1');
    value(await officer('auth:login', { name: '赵珺', password: PW }));
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const inc = value<{ id: number }>(await officer('incidents:create', ENV_INPUT));
    expect(inc.id).toBeGreaterThan(0);
    value(await officer('incidents:add-note', { id: inc.id, kind: '备注', text: '已电话核实' }));
    expect(message(await officer('settings:set', { dueSoonMinutes: 20 }))).toBe('需要带班领导或管理员权限');
    expect(message(await officer('accounts:list'))).toBe('需要带班领导或管理员权限');
    expect(message(await officer('audit:list'))).toBe('需要管理员权限');
    for (const c of LEADER_CHANNELS) {
      expect(message(await officer(c, {})), c).toBe('需要带班领导权限（带班领导或管理员）');
    }
    // Each refusal is in the audit record.
    const refused = await s.db.read((q) =>
      q.get<{ n: number }>("SELECT count(*) AS n FROM auth_events WHERE kind = 'refused' AND name = '赵珺'"),
    );
    expect(refused!.n).toBe(3 + LEADER_CHANNELS.length);
    // And the officer cannot verify as a leader: nobody with that role is at the seat.
    expect(message(await officer('auth:verify-leader', { password: PW, channel: 'reports:sign' }))).toMatch(
      /需要带班领导权限/,
    );
    await s.close();
  });

  it('带班领导: a leader-only act needs the leader password for that act, once; a grant does not carry to another act or seat', async () => {
    let now = T0;
    const s = await withAccounts(tempDir(), () => now);
    const seat = from(s.handlers, 'seat-1');
    value(await seat('auth:login', { name: '赵珺', password: PW }));
    value(await seat('auth:login', { name: '李堃', password: PW, as: 'leader' }));
    // Going on duty is logging in: the two are now the officers on duty.
    expect(await s.incidents.getDuty()).toEqual({ leader: '李堃', officer: '赵珺' });
    const inc = value<{ id: number }>(await seat('incidents:create', { ...ENV_INPUT, receivedAt: T0.toISOString() }));

    // Without the password: refused, naming the role.
    const start = { incidentId: inc.id, level: 'IV', decidedBy: '指挥长', reason: '' };
    expect(message(await seat('response:start', start))).toMatch(/需要带班领导权限/);
    // A wrong password is refused and counts as a failure.
    expect(message(await seat('auth:verify-leader', { password: 'not-it-at-all', channel: 'response:start' }))).toMatch(
      /密码错误/,
    );
    // The grant is for one channel: it does not open another.
    value(await seat('auth:verify-leader', { password: PW, channel: 'response:start' }));
    expect(message(await seat('settings:set', { dueSoonMinutes: 20 }))).toBe('(allowed)');
    expect(message(await seat('warnings:issue', {}))).toMatch(/请由带班领导输入密码确认/);
    // Nor another seat, nor a second use, nor after it expired.
    value(await seat('auth:verify-leader', { password: PW, channel: 'response:start' }));
    const other = from(s.handlers, 'seat-2');
    value(await other('auth:login', { name: '赵珺', password: PW }));
    expect(message(await other('response:start', start))).toMatch(/需要带班领导权限/);
    now = new Date(T0.getTime() + 3 * 60_000);
    expect(message(await seat('response:start', start))).toMatch(/请由带班领导输入密码确认/);
    value(await seat('auth:verify-leader', { password: PW, channel: 'response:start' }));
    const r = await seat('response:start', start);
    // The gate let it through: whatever the response rules say now is the service's answer, not a role refusal.
    expect(message(r)).not.toMatch(/权限|登录|确认本次操作/);
    expect(message(await seat('response:start', start))).toMatch(/请由带班领导输入密码确认/);
    await s.close();
  });

  it('管理员 manages accounts; a 带班领导 manages the others but cannot make or touch an administrator', async () => {
    const s = await withAccounts(tempDir());
    const leader = withLeaderPassword(from(s.handlers, 'seat-l'), PW);
    value(await leader('auth:login', { name: '李堃', password: PW }));
    value(await leader('accounts:create', { name: '钱喆', role: '值班员', phone: '', password: PW }));
    expect(message(await leader('accounts:create', { name: '孙赟', role: '管理员', phone: '', password: PW }))).toMatch(
      /需要管理员权限/,
    );
    expect(message(await leader('accounts:create', { name: '钱喆', role: '值班员', phone: '', password: PW }))).toMatch(
      /已有名为“钱喆”的账户/,
    );
    expect(message(await leader('audit:list'))).toBe('需要管理员权限');
    const admin = withLeaderPassword(from(s.handlers, 'seat-admin'), PW);
    const list = value<{ id: number; name: string }[]>(await admin('accounts:list'));
    const adminId = list.find((a) => a.name === '系统管理员')!.id;
    // The only administrator cannot be deactivated (nobody could manage accounts after).
    expect(message(await admin('accounts:update', { id: adminId, active: false }))).toMatch(/唯一的管理员/);
    await s.close();
  });

  it('a 值班员 with the 带班领导 logged in beside him changes no account without the leader’s password for that act', async () => {
    const s = await withAccounts(tempDir());
    const seat = from(s.handlers, 'seat-1');
    value(await seat('auth:login', { name: '赵珺', password: PW, as: 'officer' }));
    value(await seat('auth:login', { name: '李堃', password: PW, as: 'leader' }));
    const accounts = () =>
      s.db.read((q) => q.all<{ name: string; role: string }>('SELECT name, role FROM accounts ORDER BY id'));
    const before = await accounts();
    const zhao = value<{ id: number; name: string }[]>(await seat('accounts:list')).find((a) => a.name === '赵珺')!;
    const li = value<{ id: number; name: string }[]>(await seat('accounts:list')).find((a) => a.name === '李堃')!;
    // The leader's presence alone is not consent: no role, password or new account without it.
    for (const [channel, input] of [
      ['accounts:update', { id: zhao.id, role: '带班领导' }],
      ['accounts:reset-password', { id: li.id, password: 'chosen-by-officer' }],
      ['accounts:create', { name: '钱喆', role: '带班领导', phone: '', password: PW }],
    ] as const) {
      expect(message(await seat(channel, input)), channel).toMatch(/请由带班领导输入密码确认/);
    }
    expect(await accounts()).toEqual(before);
    // The 值班员's own password is not the leader's.
    expect(
      message(await seat('auth:verify-leader', { password: 'wrong-password', channel: 'accounts:update' })),
    ).toMatch(/^李堃的密码错误（再错\d次/);
    expect(await accounts()).toEqual(before);
    // With the leader's password for it, the change is made, and recorded under the leader.
    value(await withLeaderPassword(seat, PW)('accounts:update', { id: zhao.id, role: '带班领导' }));
    expect((await accounts()).find((a) => a.name === '赵珺')?.role).toBe('带班领导');
    const audit = await s.db.read((q) =>
      q.all<{ name: string; detail: string }>("SELECT name, detail FROM auth_events WHERE kind = 'account_updated'"),
    );
    expect(audit).toEqual([{ name: '李堃', detail: '赵珺：角色 值班员→带班领导；值班员 赵珺 操作' }]);
    await s.close();
  });

  it('an officer changes her own password with the current one; a wrong one or a weak one changes nothing', async () => {
    const s = await withAccounts(tempDir());
    const seat = from(s.handlers, 'seat-1');
    value(await seat('auth:login', { name: '赵珺', password: PW }));
    const hash = () =>
      s.db.read(
        async (q) => (await q.get<{ h: string }>("SELECT password_hash AS h FROM accounts WHERE name = '赵珺'"))!.h,
      );
    const before = await hash();
    expect(message(await seat('auth:change-password', { current: 'wrong-password', next: 'new-password-9' }))).toMatch(
      /^当前密码错误（再错\d次/,
    );
    expect(message(await seat('auth:change-password', { current: PW, next: '赵珺' }))).toMatch(/至少需要8个字符|姓名/);
    expect(message(await seat('auth:change-password', { current: PW, next: PW }))).toBe('新密码不能与当前密码相同');
    expect(await hash()).toBe(before);
    value(await seat('auth:change-password', { current: PW, next: 'new-password-9' }));
    expect(await hash()).not.toBe(before);
    // The new password logs in; the old one no longer does.
    const other = from(s.handlers, 'seat-2');
    expect(message(await other('auth:login', { name: '赵珺', password: PW }))).toMatch(/姓名或密码错误/);
    value(await other('auth:login', { name: '赵珺', password: 'new-password-9' }));
    const audit = await s.db.read((q) =>
      q.all<{ name: string; detail: string }>("SELECT name, detail FROM auth_events WHERE kind = 'password_changed'"),
    );
    expect(audit).toEqual([{ name: '赵珺', detail: '本人修改' }]);
    // Nobody logged in at a seat changes nothing.
    expect(
      message(await from(s.handlers, 'seat-9')('auth:change-password', { current: PW, next: 'x-password-1' })),
    ).toMatch(/请先登录/);
    await s.close();
  });

  it('显示: sees the wall display only (issue 17); anything else is refused', async () => {
    const s = await withAccounts(tempDir());
    const wall = from(s.handlers, 'seat-wall');
    value(await wall('auth:login', { name: '大屏', password: PW }));
    expect(message(await wall('wall:board'))).toBe('(allowed)');
    expect(message(await wall('incidents:list', {}))).toMatch(/显示账户只能查看值班大屏/);
    expect(message(await wall('alarms:state'))).toMatch(/显示账户只能查看值班大屏/);
    expect(message(await wall('incidents:create', ENV_INPUT))).toMatch(/需要值班员登录/);
    expect(message(await wall('incidents:get', { id: 1 }))).toMatch(/需要值班员登录/);
    await s.close();
  });

  it('the idle lock leaves alarms and the board visible, refuses everything else, and opens only with a password', async () => {
    const s = await withAccounts(tempDir());
    const seat = from(s.handlers, 'seat-1');
    value(await seat('auth:login', { name: '赵珺', password: PW }));
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    expect(value<AuthStatus>(await seat('auth:lock')).seat.locked).toBe(true);
    expect(message(await seat('alarms:state'))).toBe('(allowed)');
    expect(message(await seat('alarms:ack', {}))).toMatch(/屏幕已锁定/);
    expect(message(await seat('incidents:create', ENV_INPUT))).toMatch(/屏幕已锁定/);
    // Only a password was asked for: the refusal speaks of the password, not of a name.
    expect(message(await seat('auth:unlock', { password: 'wrong-password' }))).toMatch(/^密码错误（再错\d次/);
    expect(value<AuthStatus>(await seat('auth:status')).seat.locked).toBe(true);
    expect(value<AuthStatus>(await seat('auth:unlock', { password: PW })).seat.locked).toBe(false);
    expect(message(await seat('alarms:ack', {}))).toBe('(allowed)');
    await s.close();
  });

  it('a seat stays logged in (and locked) across a restart of the services', async () => {
    const dir = tempDir();
    const s = await withAccounts(dir);
    const seat = from(s.handlers, 'seat-1');
    value(await seat('auth:login', { name: '赵珺', password: PW }));
    await seat('auth:lock');
    await s.close();
    const s2 = await makeServices(dir, { now: () => T0 });
    const st = value<AuthStatus>(await from(s2.handlers, 'seat-1')('auth:status'));
    expect(st.seat.officer?.name).toBe('赵珺');
    expect(st.seat.locked).toBe(true);
    expect(value<AuthStatus>(await from(s2.handlers, 'seat-other')('auth:status')).seat.officer).toBeNull();
    // The seat's id is not stored as given.
    const seats = await s2.db.read((q) => q.all<{ seat: string }>('SELECT seat FROM seat_sessions'));
    expect(seats.map((r) => r.seat)).not.toContain('seat-1');
    await s2.close();
  });

  it('the audit record lists log-ins, failures and refusals, filters by kind and name, exports as CSV, and cannot be altered', async () => {
    const s = await withAccounts(tempDir());
    const seat = from(s.handlers, 'seat-1');
    await seat('auth:login', { name: '赵珺', password: 'wrong-password' });
    value(await seat('auth:login', { name: '赵珺', password: PW }));
    await seat('settings:set', { dueSoonMinutes: 20 });
    const admin = from(s.handlers, 'seat-admin');
    const failures = value<{ kind: string; name: string }[]>(await admin('audit:list', { kind: 'login_failed' }));
    expect(failures.map((e) => e.name)).toEqual(['赵珺']);
    const zhao = value<{ kind: string }[]>(await admin('audit:list', { name: '赵珺' }));
    expect(zhao.map((e) => e.kind)).toEqual(expect.arrayContaining(['login_failed', 'login', 'refused']));
    // The refusal names the act as the administrator reads it, not the program's channel name.
    const refused = value<{ detail: string }[]>(await admin('audit:list', { kind: 'refused' }));
    expect(refused.map((e) => e.detail)).toEqual(['修改设置：需要带班领导或管理员权限']);
    const csv = value<{ fileName: string; content: string }>(await admin('audit:export', { name: '赵珺' }));
    expect(csv.fileName).toMatch(/^安全审计记录-\d{12}\.csv$/);
    expect(csv.content).toContain('登录失败');
    expect(csv.content).toContain('越权被拒');
    expect(value<{ kind: string }[]>(await admin('audit:list', { kind: 'export' }))).toHaveLength(1);
    await expect(s.db.write((q) => q.run("UPDATE auth_events SET name = 'x'"))).rejects.toThrow(/append-only/);
    await expect(s.db.write((q) => q.run('DELETE FROM auth_events'))).rejects.toThrow(/append-only/);
    await s.close();
  });

  it('every export from a seat is in the audit, with the act, the file and who; a refused one or an in-process one is not', async () => {
    const s = await withAccounts(tempDir());
    const seat = from(s.handlers, 'seat-1');
    value(await seat('auth:login', { name: '赵珺', password: PW }));
    value(await seat('auth:login', { name: '李堃', password: PW, as: 'leader' }));
    const inc = value<{ id: number }>(await seat('incidents:create', { ...ENV_INPUT, receivedAt: T0.toISOString() }));
    value(await seat('schedule:generate', { month: '2026-12', leaders: ['李堃', '钱喆'], officers: ['赵珺', '孙赟'] }));
    const exports: [channel: (typeof EXPORT_CHANNELS)[number], input: unknown][] = [
      ['data:export-incidents', { format: 'csv' }],
      ['data:export-incident', { id: inc.id, format: 'json' }],
      ['data:export-stats', { format: 'csv' }],
      ['data:export-all', {}],
      ['duty-log:export', { day: '2026-11-29', format: 'csv' }],
      ['rosters:export', { format: 'csv' }],
      ['schedule:export', { month: '2026-12', format: 'csv' }],
    ];
    // Every listed export but the PDF (which needs the printer's Chromium; the same wrapper records it).
    expect(new Set(exports.map(([c]) => c))).toEqual(new Set(EXPORT_CHANNELS.filter((c) => c !== 'print:pdf')));
    const files: string[] = [];
    for (const [channel, input] of exports) {
      files.push(value<{ fileName: string }>(await seat(channel, input)).fileName);
    }
    // Not an officer's act: the hosts' own call, and one the gate refused.
    value(await dispatch(s.handlers, 'data:export-all', {}, quiet));
    value(await from(s.handlers, 'seat-wall')('auth:login', { name: '大屏', password: PW }));
    expect(message(await from(s.handlers, 'seat-wall')('data:export-all', {}))).toMatch(/显示账户|需要值班员登录/);

    const admin = from(s.handlers, 'seat-admin');
    const events = value<{ kind: string; name: string; accountId: number | null; detail: string }[]>(
      await admin('audit:list', { kind: 'export' }),
    ).reverse();
    const zhao = value<{ id: number; name: string }[]>(await admin('accounts:list')).find((a) => a.name === '赵珺')!;
    expect(events.map((e) => e.detail)).toEqual(exports.map(([c], i) => `${actName(c)}：${files[i]!}`));
    for (const e of events) expect(e).toMatchObject({ name: '赵珺', accountId: zhao.id });
    expect(events.map((e) => e.detail)).toContain(`导出全部数据：${files[3]!}`);
    // Filterable by who, and in the administrator's CSV.
    expect(value<unknown[]>(await admin('audit:list', { kind: 'export', name: '赵珺' }))).toHaveLength(exports.length);
    const csv = value<{ content: string }>(await admin('audit:export', { kind: 'export' }));
    expect(csv.content).toContain(`导出值班日志：${files[4]!}`);
    await s.close();
  });

  it('a backup restored and a roster imported are in the audit once done, under the leader whose password granted them', async () => {
    const s = await makeServices(tempDir());
    const { seat, asLeader, other, ids } = await dutySeats(s);
    const admin = fromSeat(s.handlers, 'seat-admin');
    const acts = () =>
      s.db.read((q) =>
        q.all<{ account_id: number | null; name: string; detail: string }>(
          "SELECT account_id, name, detail FROM auth_events WHERE kind = 'leader_act' ORDER BY id",
        ),
      );
    const backup = await seat('data:backup-now', {});

    // The officer's own session without the leader's password: refused, nothing done, nothing recorded.
    await expect(seat('data:restore', { fileName: backup.fileName })).rejects.toThrow(/需要带班领导权限/);
    const roster = {
      rosterId: 'eco-hq',
      format: 'xlsx' as const,
      fileName: '生态环境应急通讯录.xlsx',
      contentBase64: (
        await writeRosterXlsx([{ 单位: '市生态环境局', 姓名: '张珺', 职务: '联络员', 手机: '13900000001' }])
      ).toString('base64'),
    };
    await expect(seat('rosters:import-apply', roster)).rejects.toThrow(/需要带班领导权限/);
    expect(await acts()).toEqual([]);

    expect(await asLeader('rosters:import-apply', roster)).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(await acts()).toEqual([
      {
        account_id: ids.李堃,
        name: '李堃',
        detail: '导入通讯录：生态环境应急通讯录.xlsx，新增1人、更新0人、未变0人；值班员 赵珺 操作',
      },
    ]);

    // The restore replaces the audit with the backup's; the act is recorded into the restored data.
    const restored = await asLeader('data:restore', { fileName: backup.fileName });
    const safety = restored.safetyCopy.split(/[\\/]/).at(-1)!;
    expect(await acts()).toEqual([
      {
        account_id: ids.李堃,
        name: '李堃',
        detail: `恢复备份：从 ${backup.fileName} 恢复，恢复前的数据另存为 ${safety}；值班员 赵珺 操作`,
      },
    ]);

    // Every seat was logged out: the restored data's accounts are the install's now.
    for (const call of [seat, other, admin])
      await expect(call('auth:status', {}).then((a) => a.seat.officer)).resolves.toBeNull();
    await expect(seat('incidents:list', {})).rejects.toThrow(/请先登录/);
    expect(await s.db.read((q) => q.all('SELECT * FROM seat_sessions'))).toEqual([]);
    await admin('auth:login', { name: '系统管理员', password: SEAT_PASSWORD, as: 'officer' });
    await other('auth:login', { name: '王芳', password: SEAT_PASSWORD, as: 'officer' });

    // A leader whose account the restored data predates: named, with no account id it cannot hold.
    await confirmedBy(admin, SEAT_PASSWORD)('accounts:create', {
      name: '钱喆',
      role: '带班领导',
      phone: '',
      password: SEAT_PASSWORD,
    });
    await other('auth:login', { name: '钱喆', password: SEAT_PASSWORD, as: 'leader' });
    await other('auth:verify-leader', { password: SEAT_PASSWORD, channel: 'data:restore' });
    const again = await other('data:restore', { fileName: backup.fileName });
    expect((await acts()).map((a) => [a.account_id, a.name, a.detail])).toEqual([
      [
        null,
        '钱喆',
        `恢复备份：从 ${backup.fileName} 恢复，恢复前的数据另存为 ${again.safetyCopy.split(/[\\/]/).at(-1)!}；值班员 王芳 操作`,
      ],
    ]);
    // An in-process call is no officer's act.
    await dispatch(s.handlers, 'data:restore', { fileName: backup.fileName }, quiet);
    expect(await acts()).toHaveLength(0);
    await s.close();
  });
});
