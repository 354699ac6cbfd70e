/**
 * Accounts, seats and the gate every call passes (issue 18; GB/T 22239-2019 8.1.4.1 身份鉴别,
 * 8.1.4.2 访问控制, 8.1.4.3 安全审计).
 *
 * A seat is one place an officer works at: an Electron window, or a browser tab of the web host.
 * Its session holds the logged-in 值班员 (the seat's active user) and optionally the 带班领导,
 * and whether it is idle-locked. Sessions are kept in the database (by a hash of the seat's id),
 * so a restart of the services does not log an open page out.
 *
 * A leader-only act needs the leader's password at that moment: `verifyLeader` checks it and
 * leaves a grant on the seat for that one channel, valid GRANT_MS and used up by the next call of
 * that channel. The password travels once, to this check, and never with the act itself; the
 * grant never leaves the main process, so nothing the page holds can be replayed.
 */
import { createHash } from 'node:crypto';
import type { Role, Requirement } from '../../../shared/accounts/roles';
import { LOCK_MINUTES, MAX_FAILURES, passwordProblem, REFUSAL, satisfies } from '../../../shared/accounts/roles';
import { LEADER_CHANNELS, requirementOf } from '../../../shared/accounts/policy';
import type {
  AccountView,
  AuditEvent,
  AuditExport,
  AuditKind,
  AuthStatus,
  LeaderGrant,
  SeatView,
} from '../../../shared/ipc/channels/accounts';
import { AUDIT_KIND_LABELS } from '../../../shared/ipc/channels/accounts';
import { actName, withActNames } from '../../../shared/ipc/act-names';
import { DomainError } from '../../../shared/ipc/result';
import type { AppError } from '../../../shared/ipc/result';
import { fmtStamp } from './format';
import type { Database, Queryable } from '../../db/connection';
import * as repo from '../../db/account-repository';
import type { AuditFilter, SeatRow, StoredAccount } from '../../db/account-repository';
import { dummyHash, hashPassword, verifyPassword } from './passwords';

/** How long the leader's password, once given, holds for the one act it was given for. */
export const GRANT_MS = 2 * 60_000;

/** Who is at a seat, as a handler sees it. */
export interface SeatSession {
  seat: string;
  officer: AccountView | null;
  leader: AccountView | null;
  locked: boolean;
  /** For a leader-only call: the account whose password was just given for it. */
  grantedBy?: AccountView;
  /** The seat's name (带班席), recorded on what is done there (services/seats, issue 17). */
  seatName?: string | null;
}

export type Authorization = { ok: true; session: SeatSession | null } | { ok: false; error: AppError };

const view = (a: StoredAccount): AccountView => ({
  id: a.id,
  name: a.name,
  role: a.role,
  phone: a.phone,
  active: a.active,
  failedCount: a.failedCount,
  lockedUntil: a.lockedUntil,
  createdAt: a.createdAt,
});

const seatKey = (seat: string): string => createHash('sha256').update(seat).digest('hex');

const WRONG = '姓名或密码错误';
const PASSWORD_WRONG = '密码错误';

export interface AccountServiceOptions {
  db: Database;
  now: () => Date;
  idleLockMinutes: () => number;
  /** Both officers logged in at a seat: they are the officers on duty from now (going on duty is logging in). */
  onDuty?: (leader: AccountView, officer: AccountView) => Promise<void>;
}

export class AccountService {
  private readonly seats = new Map<string, SeatRow>();
  private readonly grants = new Map<string, { channel: string; account: AccountView; expires: number }>();
  private loaded: Promise<void> | null = null;

  constructor(private readonly opts: AccountServiceOptions) {}

  private get db(): Database {
    return this.opts.db;
  }
  private iso(): string {
    return this.opts.now().toISOString();
  }

  private load(): Promise<void> {
    return (this.loaded ??= this.db.read(async (q) => {
      for (const s of await repo.allSeatSessions(q)) this.seats.set(s.seat, s);
    }));
  }

  private async seatRow(seat: string): Promise<SeatRow> {
    await this.load();
    const key = seatKey(seat);
    return this.seats.get(key) ?? { seat: key, officerId: null, leaderId: null, locked: false };
  }

  private async saveSeat(q: Queryable, row: SeatRow): Promise<void> {
    await repo.saveSeatSession(q, row, this.iso());
  }

  private audit(q: Queryable, kind: AuditKind, who: { id: number | null; name: string }, detail = ''): Promise<void> {
    return repo.insertAuditEvent(q, { at: this.iso(), kind, accountId: who.id, name: who.name, detail });
  }

  /** Records one audit event in a transaction of its own (a refusal must be recorded though the call fails). */
  async record(kind: AuditKind, who: { id: number | null; name: string }, detail = ''): Promise<void> {
    await this.db.write((q) => this.audit(q, kind, who, detail));
  }

  async session(seat: string): Promise<SeatSession> {
    const row = await this.seatRow(seat);
    return this.db.read(async (q) => {
      const officer = row.officerId === null ? null : await repo.accountById(q, row.officerId);
      const leader = row.leaderId === null ? null : await repo.accountById(q, row.leaderId);
      return {
        seat,
        officer: officer?.active ? view(officer) : null,
        leader: leader?.active ? view(leader) : null,
        locked: row.locked,
      };
    });
  }

  /**
   * Every seat is logged out and every leader's grant spent: the accounts were replaced (a full
   * import), so a seat's account id may now be another person's. The rows are gone already; the
   * seats are read again from the database.
   */
  endAllSessions(): void {
    this.seats.clear();
    this.grants.clear();
    this.loaded = null;
  }

  /**
   * After a restore: the restored data's accounts are the install's, and its session rows are those
   * of the moment of the backup. Every seat logs in again, so no session carries over to whoever
   * now holds an id, and none comes back from the backup.
   */
  async logOutEverySeat(): Promise<void> {
    await this.db.write((q) => repo.clearSeatSessions(q));
    this.endAllSessions();
  }

  async status(seat: string): Promise<AuthStatus> {
    const needsSetup = (await this.db.read((q) => repo.countAccounts(q))) === 0;
    const s = await this.session(seat);
    const seatView: SeatView = { officer: s.officer, leader: s.leader, locked: s.locked };
    return { needsSetup, seat: seatView, idleLockMinutes: this.opts.idleLockMinutes() };
  }

  /** The first run: the administrator, created only while no account exists, and logged in at this seat. */
  async setup(seat: string, a: { name: string; phone: string; password: string }): Promise<AuthStatus> {
    const problem = passwordProblem(a.name, a.password);
    if (problem) throw new DomainError('invalid_input', problem);
    const hash = await hashPassword(a.password);
    const row = await this.seatRow(seat);
    await this.db.write(async (q) => {
      if ((await repo.countAccounts(q)) > 0) {
        throw new DomainError('conflict', '管理员账户已经创建：请用已有账户登录');
      }
      const id = await repo.insertAccount(q, {
        name: a.name,
        role: '管理员',
        phone: a.phone,
        passwordHash: hash,
        at: this.iso(),
      });
      await this.audit(q, 'account_created', { id, name: a.name }, '首次运行创建管理员');
      await this.audit(q, 'login', { id, name: a.name }, '首次运行');
      const next = { ...row, officerId: id, leaderId: null, locked: false };
      await this.saveSeat(q, next);
      this.seats.set(row.seat, next);
    });
    return this.status(seat);
  }

  /**
   * Checks a password against an account, counting failures: MAX_FAILURES in a row lock the
   * account for LOCK_MINUTES (8.1.4.1 b). Every failure and lock is recorded; the failure is
   * committed before the refusal is thrown. `wrong` is the refusal's words: a log-in says
   * 姓名或密码错误 (it never tells whether the name exists); unlocking and a leader's
   * confirmation, whose account the seat names, say 密码错误.
   */
  private async checkPassword(
    name: string,
    password: string,
    failKind: AuditKind,
    context: string,
    wrong = WRONG,
  ): Promise<StoredAccount> {
    const account = await this.db.read((q) => repo.accountByName(q, name));
    const now = this.opts.now();
    if (!account || !account.active) {
      await verifyPassword(password, await dummyHash());
      await this.record(
        failKind,
        { id: account?.id ?? null, name },
        `${context}：${account ? '账户已停用' : '无此账户'}`,
      );
      throw new DomainError('forbidden', wrong);
    }
    if (account.lockedUntil && Date.parse(account.lockedUntil) > now.getTime()) {
      await this.record(failKind, { id: account.id, name: account.name }, `${context}：账户锁定中`);
      throw new DomainError(
        'forbidden',
        `账户“${account.name}”因连续${MAX_FAILURES}次密码错误已锁定，请于${fmtStamp(account.lockedUntil)}后再试，或请管理员重置密码`,
      );
    }
    if (await verifyPassword(password, account.passwordHash)) {
      if (account.failedCount > 0 || account.lockedUntil) {
        await this.db.write((q) => repo.setFailures(q, account.id, 0, null, this.iso()));
      }
      return account;
    }
    const failures = (account.lockedUntil ? 0 : account.failedCount) + 1;
    const lockUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    await this.db.write(async (q) => {
      await repo.setFailures(q, account.id, lockUntil ? 0 : failures, lockUntil, this.iso());
      await this.audit(q, failKind, { id: account.id, name: account.name }, `${context}：密码错误（第${failures}次）`);
      if (lockUntil) {
        await this.audit(
          q,
          'locked',
          { id: account.id, name: account.name },
          `连续${MAX_FAILURES}次密码错误，锁定至${fmtStamp(lockUntil)}`,
        );
      }
    });
    if (lockUntil) {
      throw new DomainError(
        'forbidden',
        `密码错误：账户“${account.name}”已连续${MAX_FAILURES}次输错，锁定${LOCK_MINUTES}分钟（至${fmtStamp(lockUntil)}）`,
      );
    }
    throw new DomainError('forbidden', `${wrong}（再错${MAX_FAILURES - failures}次将锁定${LOCK_MINUTES}分钟）`);
  }

  async login(seat: string, a: { name: string; password: string; as: 'officer' | 'leader' }): Promise<AuthStatus> {
    await this.ensureSetUp();
    const account = await this.checkPassword(
      a.name,
      a.password,
      'login_failed',
      a.as === 'leader' ? '带班领导登录' : '登录',
    );
    if (a.as === 'leader' && account.role !== '带班领导') {
      await this.record('login_failed', { id: account.id, name: account.name }, `带班领导登录：角色为${account.role}`);
      throw new DomainError('forbidden', `“${account.name}”的角色是${account.role}，不能作为带班领导登录`);
    }
    const row = await this.seatRow(seat);
    const next: SeatRow =
      a.as === 'leader'
        ? { ...row, leaderId: account.id }
        : // A new active user at the seat: the seat unlocks for them; a leader stays only beside an officer.
          {
            ...row,
            officerId: account.id,
            locked: false,
            leaderId: row.officerId === account.id ? row.leaderId : row.leaderId,
          };
    await this.db.write(async (q) => {
      await this.saveSeat(q, next);
      await this.audit(
        q,
        'login',
        { id: account.id, name: account.name },
        a.as === 'leader' ? '带班领导' : account.role,
      );
    });
    this.seats.set(row.seat, next);
    await this.goOnDuty(seat);
    return this.status(seat);
  }

  /** Going on duty is logging in: a 值班员 and a 带班领导 at one seat become the officers on duty. */
  private async goOnDuty(seat: string): Promise<void> {
    const s = await this.session(seat);
    if (s.leader && s.officer && s.officer.role === '值班员') await this.opts.onDuty?.(s.leader, s.officer);
  }

  async logout(seat: string, who: 'all' | 'leader'): Promise<AuthStatus> {
    const row = await this.seatRow(seat);
    const s = await this.session(seat);
    const next: SeatRow =
      who === 'leader' ? { ...row, leaderId: null } : { ...row, officerId: null, leaderId: null, locked: false };
    await this.db.write(async (q) => {
      await this.saveSeat(q, next);
      for (const a of who === 'leader' ? [s.leader] : [s.officer, s.leader]) {
        if (a) await this.audit(q, 'logout', { id: a.id, name: a.name });
      }
    });
    this.seats.set(row.seat, next);
    this.grants.delete(row.seat);
    return this.status(seat);
  }

  /** The idle lock (8.1.4.1 b 登录连接超时): the seat shows only alarms until a password is given. */
  async lock(seat: string): Promise<AuthStatus> {
    const row = await this.seatRow(seat);
    if (row.officerId !== null && !row.locked) {
      const s = await this.session(seat);
      const next = { ...row, locked: true };
      await this.db.write(async (q) => {
        await this.saveSeat(q, next);
        await this.audit(q, 'idle_lock', { id: s.officer?.id ?? null, name: s.officer?.name ?? '' }, '空闲锁屏');
      });
      this.seats.set(row.seat, next);
      this.grants.delete(row.seat);
    }
    return this.status(seat);
  }

  /**
   * The seat's own user changes their password: the current one first (a wrong one counts as a
   * failed log-in), then the new one by the same rules as any password, and not the current one.
   */
  async changePassword(seat: string, current: string, next: string): Promise<AuthStatus> {
    const s = await this.session(seat);
    if (!s.officer) throw new DomainError('forbidden', '本席位无人登录，请先登录');
    const account = await this.checkPassword(
      s.officer.name,
      current,
      'login_failed',
      '修改密码',
      `当前${PASSWORD_WRONG}`,
    );
    if (next === current) throw new DomainError('invalid_input', '新密码不能与当前密码相同');
    const hash = await this.newPasswordHash(account.name, next);
    await this.db.write(async (q) => {
      await repo.setPasswordHash(q, account.id, hash, this.iso());
      await this.audit(q, 'password_changed', { id: account.id, name: account.name }, '本人修改');
    });
    return this.status(seat);
  }

  /** Unlocks with the password of the seat's officer or of its 带班领导. */
  async unlock(seat: string, password: string): Promise<AuthStatus> {
    const row = await this.seatRow(seat);
    const s = await this.session(seat);
    if (!s.officer) throw new DomainError('forbidden', '本席位无人登录，请先登录');
    if (!row.locked) return this.status(seat);
    let who: StoredAccount | null = null;
    for (const a of [s.officer, s.leader]) {
      if (!a) continue;
      const stored = await this.db.read((q) => repo.accountByName(q, a.name));
      if (stored && (await verifyPassword(password, stored.passwordHash))) who = stored;
      if (who) break;
    }
    // A wrong password counts against the seat's officer, like a failed log-in.
    if (!who) who = await this.checkPassword(s.officer.name, password, 'unlock_failed', '解锁', PASSWORD_WRONG);
    const next = { ...row, locked: false };
    await this.db.write(async (q) => {
      await this.saveSeat(q, next);
      await this.audit(q, 'unlock', { id: who.id, name: who.name });
    });
    this.seats.set(row.seat, next);
    return this.status(seat);
  }

  /** The leader's password for one leader-only act on this seat (see the file's comment). */
  async verifyLeader(seat: string, password: string, channel: string): Promise<LeaderGrant> {
    if (!LEADER_CHANNELS.includes(channel)) throw new DomainError('invalid_input', '该操作不需要带班领导确认');
    const s = await this.session(seat);
    if (s.locked) throw new DomainError('forbidden', '屏幕已锁定，请先解锁');
    const leader = s.leader ?? (s.officer && satisfies(s.officer.role, 'leader') ? s.officer : null);
    if (!leader) {
      await this.record(
        'leader_refused',
        { id: s.officer?.id ?? null, name: s.officer?.name ?? '' },
        `${actName(channel)}：无带班领导登录`,
      );
      throw new DomainError('forbidden', '需要带班领导权限：请带班领导先登录本席位');
    }
    const account = await this.checkPassword(
      leader.name,
      password,
      'leader_refused',
      `带班领导确认：${actName(channel)}`,
      `${leader.name}的${PASSWORD_WRONG}`,
    );
    const expires = this.opts.now().getTime() + GRANT_MS;
    this.grants.set(seatKey(seat), { channel, account: view(account), expires });
    await this.record('leader_verified', { id: account.id, name: account.name }, actName(channel));
    return { channel, leader: account.name, expiresAt: new Date(expires).toISOString() };
  }

  private async ensureSetUp(): Promise<void> {
    if ((await this.db.read((q) => repo.countAccounts(q))) === 0) {
      throw new DomainError('forbidden', '尚未创建管理员账户：请先完成首次设置');
    }
  }

  /**
   * The gate of every call from a seat, before its handler runs: the channel's requirement
   * (shared/accounts/policy.ts) against who is logged in there. A refusal names the role needed;
   * a role refusal is recorded.
   */
  async authorize(seat: string, channel: string): Promise<Authorization> {
    const need: Requirement = requirementOf(channel);
    if (need === 'public') return { ok: true, session: await this.session(seat) };
    const refuse = (message: string): Authorization => ({ ok: false, error: { code: 'forbidden', message } });
    if ((await this.db.read((q) => repo.countAccounts(q))) === 0) return refuse('尚未创建管理员账户：请先完成首次设置');
    const s = await this.session(seat);
    if (!s.officer) return refuse(`请先登录：${REFUSAL[need]}`);
    if (s.locked && need !== 'view' && need !== 'wall') return refuse('屏幕已锁定：请输入密码解锁后再操作');
    const roles: Role[] = [s.officer.role, ...(s.leader ? [s.leader.role] : [])];
    if (!roles.some((r) => satisfies(r, need))) {
      await this.record('refused', { id: s.officer.id, name: s.officer.name }, `${actName(channel)}：${REFUSAL[need]}`);
      return refuse(REFUSAL[need]);
    }
    if (need === 'leader') {
      const key = seatKey(seat);
      const grant = this.grants.get(key);
      this.grants.delete(key);
      if (!grant || grant.channel !== channel || grant.expires < this.opts.now().getTime()) {
        await this.record(
          'leader_refused',
          { id: s.officer.id, name: s.officer.name },
          `${actName(channel)}：未输入带班领导密码`,
        );
        return refuse('需要带班领导权限：请由带班领导输入密码确认本次操作');
      }
      return { ok: true, session: { ...s, grantedBy: grant.account } };
    }
    return { ok: true, session: s };
  }

  // Account management (管理员 or 带班领导: the policy map checks the role before these run). These
  // run in the transaction their handler hands them; a new password is hashed before it opens one.

  async list(q: Queryable): Promise<AccountView[]> {
    return (await repo.listAccounts(q)).map(view);
  }

  /** Checks a new password against the rules and hashes it; no transaction is held meanwhile. */
  async newPasswordHash(name: string, password: string): Promise<string> {
    const problem = passwordProblem(name, password);
    if (problem) throw new DomainError('invalid_input', problem);
    return hashPassword(password);
  }

  /** `hash` is `newPasswordHash(a.name, a.password)`. Returns the new account's id. */
  async create(
    q: Queryable,
    by: SeatSession | null,
    a: { name: string; role: Role; phone: string },
    hash: string,
  ): Promise<number> {
    this.onlyAdminMakesAdmin(by, a.role);
    if (await repo.accountByName(q, a.name)) throw new DomainError('conflict', `已有名为“${a.name}”的账户`);
    const id = await repo.insertAccount(q, {
      name: a.name,
      role: a.role,
      phone: a.phone,
      passwordHash: hash,
      at: this.iso(),
    });
    await this.audit(q, 'account_created', accountable(by), `${a.name}（${a.role}）${operatedBy(by)}`);
    return id;
  }

  async update(
    q: Queryable,
    by: SeatSession | null,
    a: { id: number; role?: Role; phone?: string; active?: boolean },
  ): Promise<number> {
    const before = await this.get(q, a.id);
    if (a.role) this.onlyAdminMakesAdmin(by, a.role);
    if (before.role === '管理员') this.onlyAdminMakesAdmin(by, '管理员');
    // The last active administrator cannot be demoted or deactivated: nobody could manage accounts after.
    if (before.role === '管理员' && ((a.role && a.role !== '管理员') || a.active === false)) {
      const admins = (await repo.listAccounts(q)).filter((x) => x.role === '管理员' && x.active);
      if (admins.length <= 1) throw new DomainError('conflict', '这是唯一的管理员账户，不能停用或改为其他角色');
    }
    await repo.updateAccountFields(q, a.id, a, this.iso());
    const changes = [
      a.role && a.role !== before.role ? `角色 ${before.role}→${a.role}` : '',
      a.phone !== undefined && a.phone !== before.phone ? '电话已改' : '',
      a.active !== undefined && a.active !== before.active ? (a.active ? '启用' : '停用') : '',
    ].filter(Boolean);
    await this.audit(
      q,
      'account_updated',
      accountable(by),
      `${before.name}：${changes.join('，') || '无变化'}${operatedBy(by)}`,
    );
    return a.id;
  }

  /** The account whose password is reset, checked before the new password is hashed. */
  async resetTarget(q: Queryable, by: SeatSession | null, id: number): Promise<AccountView> {
    const target = await this.get(q, id);
    if (target.role === '管理员') this.onlyAdminMakesAdmin(by, '管理员');
    return target;
  }

  /** `hash` is `newPasswordHash` of the target's name (see resetTarget). */
  async resetPassword(q: Queryable, by: SeatSession | null, target: AccountView, hash: string): Promise<number> {
    await repo.setPasswordHash(q, target.id, hash, this.iso());
    await this.audit(q, 'password_reset', accountable(by), `${target.name}${operatedBy(by)}`);
    return target.id;
  }

  /**
   * Only an administrator grants or touches the administrator role (a 带班领导 manages the others):
   * the account whose password confirmed the act (policy 'leader'), not whoever else is logged in.
   */
  onlyAdminMakesAdmin(by: SeatSession | null, role: Role): void {
    if (role !== '管理员' || by === null) return;
    if (accountable(by).role !== '管理员') {
      throw new DomainError('forbidden', '需要管理员权限：只有管理员能设置或修改管理员账户');
    }
  }

  async get(q: Queryable, id: number): Promise<AccountView> {
    const a = await repo.accountById(q, id);
    if (!a) throw new DomainError('not_found', `没有编号为 ${id} 的账户`);
    return view(a);
  }

  async auditList(q: Queryable, f: AuditFilter): Promise<AuditEvent[]> {
    const rows = await repo.listAuditEvents(q, f);
    // Records written before acts were named carry the channel's identifier: shown by its name.
    return rows.map((r) => ({ ...r, detail: withActNames(r.detail) }));
  }

  /**
   * A file of the console's data handed out from a seat (issue 18: the administrator sees every
   * export; GB/T 22239-2019 8.1.4.3 b): the act and the file, under whoever is logged in there.
   */
  async recordExport(by: SeatSession | null, channel: string, file: string): Promise<void> {
    await this.record('export', actor(by), `${actName(channel)}：${file}`);
  }

  /**
   * A leader-only act whose own record is the audit, once it is done (issue 18; GB/T 22239-2019
   * 8.1.4.3 b), under the leader whose password granted it, with the officer who did it. The account
   * id is kept only where this database holds that account under that name: restored data may
   * predate the account, and then its name is all that is known.
   */
  async recordLeaderAct(by: SeatSession | null, channel: string, detail: string): Promise<void> {
    const leader = by?.grantedBy;
    if (!leader) return;
    await this.db.write(async (q) => {
      const stored = await repo.accountById(q, leader.id);
      const id = stored?.name === leader.name ? leader.id : null;
      await this.audit(q, 'leader_act', { id, name: leader.name }, `${actName(channel)}：${detail}${operatedBy(by)}`);
    });
  }

  /** The audit record as CSV; the export itself is recorded, in the same transaction. */
  async auditExport(q: Queryable, by: SeatSession | null, f: AuditFilter): Promise<AuditExport> {
    const rows = await this.auditList(q, f);
    const cell = (v: string) =>
      /[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v;
    const lines = [
      '时间,事件,姓名,账户编号,详情',
      ...rows.map((r) =>
        [fmtStamp(r.at), AUDIT_KIND_LABELS[r.kind], r.name, r.accountId === null ? '' : String(r.accountId), r.detail]
          .map(cell)
          .join(','),
      ),
    ];
    await this.audit(q, 'export', actor(by), `安全审计记录 ${rows.length} 条`);
    const stamp = fmtStamp(this.iso()).replace(/[^\d]/g, '').slice(0, 12);
    return {
      fileName: `安全审计记录-${stamp}.csv`,
      mime: 'text/csv;charset=utf-8',
      content: `\uFEFF${lines.join('\r\n')}\r\n`,
    };
  }
}

const actor = (by: SeatSession | null): { id: number | null; name: string } =>
  by?.officer ? { id: by.officer.id, name: by.officer.name } : { id: null, name: '（本机程序）' };

/**
 * Who answers for an act on the accounts, and is recorded for it: the 带班领导 or 管理员 who
 * confirmed it with a password (in-process calls: the program).
 */
const accountable = (by: SeatSession | null): { id: number | null; name: string; role: Role | null } =>
  by?.grantedBy ?? by?.officer ?? { id: null, name: '（本机程序）', role: null };

/** `；值班员 X 操作` when the seat's officer is not the account whose password confirmed the act. */
const operatedBy = (by: SeatSession | null): string =>
  by?.grantedBy && by.officer && by.officer.id !== by.grantedBy.id ? `；值班员 ${by.officer.name} 操作` : '';
