/**
 * Channels of officer accounts, logging in at a seat, the idle lock, the leader's password for a
 * leader-only act, and the audit record (GB/T 22239-2019 8.1.4.1 身份鉴别, 8.1.4.2 访问控制,
 * 8.1.4.3 安全审计). Add a channel: its schema here, its result type below, its requirement in
 * shared/accounts/policy.ts.
 */
import { z } from 'zod';
import { ROLES } from '../../accounts/roles';
import type { Role } from '../../accounts/roles';
import { id, instant, required, text } from '../schemas';

/** A password as typed: never trimmed (spaces count), bounded, checked against the rules by the service. */
const password = (label: string) =>
  z
    .string({ message: `${label}应为文本` })
    .min(1, `请填写${label}`)
    .max(128, `${label}不能超过128个字符`);
const name = required('姓名', 20);
const role = z.enum(ROLES, { message: '请选择角色（带班领导、值班员、管理员或显示）' });
const phone = text('电话', 30).default('');

export const AUDIT_KINDS = [
  'login',
  'login_failed',
  'locked',
  'logout',
  'unlock',
  'unlock_failed',
  'idle_lock',
  'leader_verified',
  'leader_refused',
  'refused',
  'account_created',
  'account_updated',
  'password_reset',
  /** An officer changed their own password (with the current one). */
  'password_changed',
  'export',
  /** The record chain's anchor moved back to a restored or imported chain (issue 18). */
  'chain_rebased',
  /** A leader-only act whose record is the audit (a backup restored, a roster imported), once done, under the granting leader. */
  'leader_act',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** The words of each audit event kind, on the page and in the exported record. */
export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  login: '登录',
  login_failed: '登录失败',
  locked: '账户锁定',
  logout: '退出',
  unlock: '解锁',
  unlock_failed: '解锁失败',
  idle_lock: '空闲锁屏',
  leader_verified: '带班领导确认',
  leader_refused: '带班领导确认失败',
  refused: '越权被拒',
  account_created: '创建账户',
  account_updated: '修改账户',
  password_reset: '重置密码',
  password_changed: '修改密码',
  export: '导出',
  chain_rebased: '记录链锚点重新定位',
  leader_act: '带班领导授权的操作',
};

export const accountChannels = {
  /** First run only: creates the administrator when there are no accounts yet, and logs them in. */
  'auth:setup': z.object({ name, phone, password: password('密码') }).strict(),
  'auth:status': z.object({}).strict().default({}),
  /** as officer: the seat's active user; as leader: the 带班领导 going on duty with them. */
  'auth:login': z
    .object({ name, password: password('密码'), as: z.enum(['officer', 'leader']).default('officer') })
    .strict(),
  /** all: everyone leaves the seat; leader: only the 带班领导 logs out. */
  'auth:logout': z
    .object({ who: z.enum(['all', 'leader']).default('all') })
    .strict()
    .default({ who: 'all' }),
  'auth:lock': z.object({}).strict().default({}),
  'auth:unlock': z.object({ password: password('密码') }).strict(),
  /** The seat's own user changes their password, giving the current one. */
  'auth:change-password': z.object({ current: password('当前密码'), next: password('新密码') }).strict(),
  /** The leader's password for one leader-only act: grants that one call on this seat, briefly. */
  'auth:verify-leader': z.object({ password: password('带班领导密码'), channel: required('操作', 60) }).strict(),

  'accounts:list': z.object({}).strict().default({}),
  'accounts:create': z.object({ name, role, phone, password: password('初始密码') }).strict(),
  'accounts:update': z
    .object({ id, role: role.optional(), phone: text('电话', 30).optional(), active: z.boolean().optional() })
    .strict(),
  /** Sets a new password and lifts a failure lock. */
  'accounts:reset-password': z.object({ id, password: password('新密码') }).strict(),

  'audit:list': z
    .object({
      kind: z.enum(AUDIT_KINDS, { message: '事件类型无效' }).optional(),
      name: text('姓名', 20).optional(),
      from: instant.optional(),
      to: instant.optional(),
      limit: z.number().int().min(1).max(5000).default(500),
    })
    .strict()
    .default({ limit: 500 }),
  'audit:export': z
    .object({
      kind: z.enum(AUDIT_KINDS, { message: '事件类型无效' }).optional(),
      name: text('姓名', 20).optional(),
      from: instant.optional(),
      to: instant.optional(),
    })
    .strict()
    .default({}),
} as const;

export interface AccountView {
  id: number;
  name: string;
  role: Role;
  phone: string;
  active: boolean;
  /** Failed log-ins in a row since the last success. */
  failedCount: number;
  /** Locked after too many failures until this instant; null when not locked. */
  lockedUntil: string | null;
  createdAt: string;
}

export interface SeatView {
  /** The seat's active user (值班员, or an administrator / display account). */
  officer: AccountView | null;
  /** The 带班领导 logged in with them. */
  leader: AccountView | null;
  /** Idle-locked: only alarms are shown until the password is given again. */
  locked: boolean;
}

export interface AuthStatus {
  /** No account exists yet: the first run creates the administrator. */
  needsSetup: boolean;
  seat: SeatView;
  idleLockMinutes: number;
}

export interface LeaderGrant {
  channel: string;
  leader: string;
  expiresAt: string;
}

export interface AuditEvent {
  id: number;
  at: string;
  kind: AuditKind;
  /** The account concerned (typed name when no account matched). */
  name: string;
  accountId: number | null;
  detail: string;
}

export interface AuditExport {
  fileName: string;
  mime: string;
  /** CSV text (UTF-8 with BOM for spreadsheet programs). */
  content: string;
}

export interface AccountOutputs {
  'auth:setup': AuthStatus;
  'auth:status': AuthStatus;
  'auth:login': AuthStatus;
  'auth:logout': AuthStatus;
  'auth:lock': AuthStatus;
  'auth:unlock': AuthStatus;
  'auth:change-password': AuthStatus;
  'auth:verify-leader': LeaderGrant;
  'accounts:list': AccountView[];
  'accounts:create': AccountView;
  'accounts:update': AccountView;
  'accounts:reset-password': AccountView;
  'audit:list': AuditEvent[];
  'audit:export': AuditExport;
}
