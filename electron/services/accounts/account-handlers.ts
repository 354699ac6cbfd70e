/**
 * The accounts feature's handlers. The policy map has checked each call's role before these run
 * (electron/ipc/dispatch.ts); the seat comes with the call.
 */
import type { AccountOutputs } from '../../../shared/ipc/channels/accounts';
import { DomainError } from '../../../shared/ipc/result';
import type { CallContext, Handlers } from '../../ipc/dispatch';
import type { FeatureContext } from '../feature-context';
import { AccountService } from './account-service';

/** An in-process caller (tests, scripts) has no page: it is one seat of its own. */
const IN_PROCESS_SEAT = 'in-process';
const seatOf = (call: CallContext | undefined): string => call?.seat ?? IN_PROCESS_SEAT;

const services = new WeakMap<FeatureContext, AccountService>();

/** The one AccountService of a composition: its handlers, and the gate of every call (app-services.ts). */
export function accountServiceOf(ctx: FeatureContext): AccountService {
  let s = services.get(ctx);
  if (!s) {
    s = new AccountService({
      db: ctx.db,
      now: ctx.now,
      idleLockMinutes: () => ctx.settings.get().idleLockMinutes,
      // Going on duty is logging in: the two accounts become the officers on duty, unless they already are.
      onDuty: async (leader, officer) => {
        const changed = await ctx.db.write(async (q) => {
          const current = await ctx.incidents.getDuty(q);
          if (current?.leader === leader && current.officer === officer) return false;
          await ctx.incidents.setDuty(q, { leader, officer });
          return true;
        });
        if (changed) ctx.changed('duty');
      },
    });
    services.set(ctx, s);
  }
  return s;
}

export function createAccountHandlers(ctx: FeatureContext): Pick<Handlers, keyof AccountOutputs> {
  const accounts = accountServiceOf(ctx);
  return {
    'auth:setup': (a, call) => accounts.setup(seatOf(call), a),
    'auth:status': (_a, call) => accounts.status(seatOf(call)),
    'auth:login': (a, call) => accounts.login(seatOf(call), a),
    'auth:logout': (a, call) => accounts.logout(seatOf(call), a.who),
    'auth:lock': (_a, call) => accounts.lock(seatOf(call)),
    'auth:unlock': (a, call) => accounts.unlock(seatOf(call), a.password),
    'auth:verify-leader': (a, call) => accounts.verifyLeader(seatOf(call), a.password, a.channel),
    'accounts:list': () => accounts.list(),
    'accounts:create': (a, call) => accounts.create(call?.session ?? null, a),
    'accounts:update': (a, call) => accounts.update(call?.session ?? null, a),
    'accounts:reset-password': (a, call) => accounts.resetPassword(call?.session ?? null, a),
    'audit:list': (a) => accounts.auditList(a),
    'audit:export': (a, call) => accounts.auditExport(call?.session ?? null, a),
  };
}

/**
 * Going on duty is logging in: a call from a seat names the officers by their accounts, whatever
 * names it typed. Both must be logged in there; an in-process call (no seat) keeps its input.
 */
export function officersOfSeat<T extends { leader: string; officer: string }>(typed: T, call?: CallContext): T {
  const session = call?.session;
  if (!call?.seat || !session) return typed;
  const officer = session.officer;
  const leader = session.leader ?? (officer?.role === '带班领导' ? officer : null);
  if (!officer || !leader) {
    throw new DomainError('forbidden', '需要带班领导和值班员都登录本席位：请带班领导在页首登录');
  }
  return { ...typed, leader: leader.name, officer: officer.name };
}
