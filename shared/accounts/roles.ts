/**
 * Officer roles and what each may do (GB/T 22239-2019 8.1.4.2 访问控制: access by role, least
 * privilege). Pure data: the main process enforces it for every channel (electron/ipc/dispatch.ts),
 * the UI reads it only to ask for the leader's password before a leader-only act.
 */

/** The roles an account can hold; stored as these Chinese names. */
export const ROLES = ['带班领导', '值班员', '管理员', '显示'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a channel needs:
 * - public: nothing (start-up, storage health, logging in);
 * - wall: the wall display's board (值班大屏): every role, the display role (显示) included;
 * - view: any logged-in officer, also a locked seat (alarms stay visible); not the display role,
 *   which sees the wall only (issue 18);
 * - duty: a logged-in officer on duty (值班员, 带班领导 or 管理员), seat unlocked;
 * - leader: a 带班领导 or 管理员, with the leader's password given for this very act;
 * - manage: a 带班领导 or 管理员 (settings, schedule, accounts);
 * - admin: a 管理员 (the audit record).
 */
export type Requirement = 'public' | 'wall' | 'view' | 'duty' | 'leader' | 'manage' | 'admin';

/** Roles that satisfy each requirement (public needs no login at all). */
export const ROLES_FOR: Record<Exclude<Requirement, 'public'>, readonly Role[]> = {
  wall: ['带班领导', '值班员', '管理员', '显示'],
  view: ['带班领导', '值班员', '管理员'],
  duty: ['带班领导', '值班员', '管理员'],
  leader: ['带班领导', '管理员'],
  manage: ['带班领导', '管理员'],
  admin: ['管理员'],
};

/** The refusal the officer reads: it names the role needed. */
export const REFUSAL: Record<Exclude<Requirement, 'public'>, string> = {
  wall: '请先登录',
  view: '请先登录（显示账户只能查看值班大屏）',
  duty: '需要值班员登录（值班员、带班领导或管理员）',
  leader: '需要带班领导权限（带班领导或管理员）',
  manage: '需要带班领导或管理员权限',
  admin: '需要管理员权限',
};

export const satisfies = (role: Role, need: Exclude<Requirement, 'public'>): boolean => ROLES_FOR[need].includes(role);

/**
 * The pair a seat puts on duty: its logged-in user and its 带班领导 (a 带班领导 logged in alone is
 * both); null while one of them is missing.
 */
export function dutyPairOf<A extends { role: Role }>(seat: {
  officer: A | null;
  leader: A | null;
}): { officer: A; leader: A } | null {
  const leader = seat.leader ?? (seat.officer?.role === '带班领导' ? seat.officer : null);
  return seat.officer && leader ? { officer: seat.officer, leader } : null;
}

/** Password rules (GB/T 22239-2019 8.1.4.1 身份鉴别 a): at least 8 characters, not the name. */
export const PASSWORD_MIN = 8;
/** The rules of passwordProblem, as the forms word them under a new password's field. */
export const PASSWORD_RULES_TEXT = `至少${PASSWORD_MIN}个字符，不能与姓名相同或包含姓名`;
export function passwordProblem(name: string, password: string): string | null {
  // Characters, not UTF-16 units: a password of eight Chinese characters counts as eight.
  if (Array.from(password).length < PASSWORD_MIN) return `密码至少需要${PASSWORD_MIN}个字符`;
  if (password.trim().toLowerCase() === name.trim().toLowerCase()) return '密码不能与姓名相同';
  if (password.toLowerCase().includes(name.trim().toLowerCase()) && name.trim().length >= 2) return '密码不能包含姓名';
  return null;
}

/** 8.1.4.1 b 登录失败处理: this many failures in a row lock the account for LOCK_MINUTES. */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 10;

/** Idle lock default (8.1.4.1 b 登录连接超时自动退出), minutes; the settings can change it. */
export const DEFAULT_IDLE_LOCK_MINUTES = 15;
