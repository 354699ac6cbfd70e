/**
 * The accounts feature's handlers. The policy map has checked each call's role before these run
 * (electron/ipc/dispatch.ts); the seat comes with the call.
 */
import { basename } from 'node:path';
import { dutyPairOf } from '../../../shared/accounts/roles';
import type { EXPORT_CHANNELS } from '../../../shared/accounts/policy';
import type { AccountOutputs } from '../../../shared/ipc/channels/accounts';
import type { ChannelArgs, ChannelOutput } from '../../../shared/ipc/contract';
import { DomainError } from '../../../shared/ipc/result';
import type { CallContext, Handlers } from '../../ipc/dispatch';
import type { FeatureContext } from '../feature-context';
import { AccountService } from './account-service';
import { actorOfSession, withActor } from '../../db/account-context';

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
      // The duty session records their accounts (issue 18), whatever the seat's session held before.
      onDuty: async (leaderAccount, officerAccount) => {
        const leader = leaderAccount.name;
        const officer = officerAccount.name;
        const actor = { officer: officerAccount, leader: leaderAccount, grantedBy: null };
        const changed = await withActor(actorOfSession(actor), () =>
          ctx.db.write(async (q) => {
            const current = await ctx.incidents.getDuty(q);
            if (current?.leader === leader && current.officer === officer) return false;
            await ctx.incidents.setDuty(q, { leader, officer });
            return true;
          }),
        );
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
    'auth:change-password': (a, call) => accounts.changePassword(seatOf(call), a.current, a.next),
    'auth:verify-leader': (a, call) => accounts.verifyLeader(seatOf(call), a.password, a.channel),
    // Account management: one unit of work per call, owned here; a password is hashed before it.
    'accounts:list': () => ctx.db.read((q) => accounts.list(q)),
    'accounts:create': async (a, call) => {
      accounts.onlyAdminMakesAdmin(call?.session ?? null, a.role);
      const hash = await accounts.newPasswordHash(a.name, a.password);
      const id = await ctx.db.write((q) => accounts.create(q, call?.session ?? null, a, hash));
      return ctx.db.read((q) => accounts.get(q, id));
    },
    'accounts:update': async (a, call) => {
      const id = await ctx.db.write((q) => accounts.update(q, call?.session ?? null, a));
      return ctx.db.read((q) => accounts.get(q, id));
    },
    'accounts:reset-password': async (a, call) => {
      const by = call?.session ?? null;
      const target = await ctx.db.read((q) => accounts.resetTarget(q, by, a.id));
      const hash = await accounts.newPasswordHash(target.name, a.password);
      const id = await ctx.db.write((q) => accounts.resetPassword(q, by, target, hash));
      return ctx.db.read((q) => accounts.get(q, id));
    },
    'audit:list': (a) => ctx.db.read((q) => accounts.auditList(q, a)),
    'audit:export': (a, call) => ctx.db.write((q) => accounts.auditExport(q, call?.session ?? null, a)),
  };
}

/**
 * Going on duty is logging in: a call from a seat names the officers by their accounts, whatever
 * names it typed. Both must be logged in there; an in-process call (no seat) keeps its input.
 */
export function officersOfSeat<T extends { leader: string; officer: string }>(typed: T, call?: CallContext): T {
  const session = call?.session;
  if (!call?.seat || !session) return typed;
  const pair = dutyPairOf(session);
  if (!pair) throw new DomainError('forbidden', '需要带班领导和值班员都登录本席位：请带班领导在页首登录');
  return { ...typed, leader: pair.leader.name, officer: pair.officer.name };
}

type ExportChannel = (typeof EXPORT_CHANNELS)[number];

/** The file an export made, or null when it made none (the officer cancelled a save dialog). */
function fileOf(out: unknown): string | null {
  if (typeof out !== 'object' || out === null) return null;
  if ('fileName' in out && typeof out.fileName === 'string') return out.fileName;
  if ('path' in out && typeof out.path === 'string') return basename(out.path);
  return null;
}

function audited<C extends ExportChannel>(
  accounts: AccountService,
  channel: C,
  inner: (args: ChannelArgs<C>, call?: CallContext) => Promise<ChannelOutput<C>>,
): (args: ChannelArgs<C>, call?: CallContext) => Promise<ChannelOutput<C>> {
  return async (args, call) => {
    const out = await inner(args, call);
    const file = fileOf(out);
    // A page's export, once the file exists; the hosts' own in-process calls are not an officer's act.
    if (call?.seat && file) await accounts.recordExport(call.session, channel, file);
    return out;
  };
}

type LeaderActChannel = 'data:restore' | 'rosters:import-apply' | 'data:import-all';

/**
 * Leader-only acts with no record row of their own to carry the granting leader (issue 18): a
 * backup restored, a full export imported and a roster imported are recorded in the audit once
 * done, under the leader whose password granted them. A restore or a full import replaces the
 * audit with the data's own, so the verification recorded before it is gone: this entry is written
 * into the restored or imported data. In-process calls are no officer's act and are not recorded.
 */
export function withAuditedLeaderActs<H extends Pick<Handlers, LeaderActChannel>>(ctx: FeatureContext, handlers: H): H {
  const accounts = accountServiceOf(ctx);
  const wrapped: Pick<Handlers, LeaderActChannel> = {
    'data:restore': async (args, call) => {
      const out = await handlers['data:restore'](args, call);
      if (call?.seat) {
        const detail = `从 ${out.restoredFrom} 恢复，恢复前的数据另存为 ${basename(out.safetyCopy)}`;
        await accounts.recordLeaderAct(call.session, 'data:restore', detail);
      }
      // The restored accounts are the install's now: every seat logs in again, whoever restored.
      await accounts.logOutEverySeat();
      return out;
    },
    'data:import-all': async (args, call) => {
      const out = await handlers['data:import-all'](args, call);
      // The imported accounts are the install's now: no session carries over, whoever imported.
      accounts.endAllSessions();
      if (call?.seat) {
        const records = Object.values(out.tables).reduce((a, b) => a + b, 0);
        const detail = `${'fileName' in args ? args.fileName : '（所选文件）'}，${records} 条记录`;
        await accounts.recordLeaderAct(call.session, 'data:import-all', detail);
      }
      return out;
    },
    'rosters:import-apply': async (args, call) => {
      const out = await handlers['rosters:import-apply'](args, call);
      if (call?.seat) {
        const detail = `${args.fileName || '（未命名文件）'}，新增${out.added}人、更新${out.updated}人、未变${out.unchanged}人`;
        await accounts.recordLeaderAct(call.session, 'rosters:import-apply', detail);
      }
      return out;
    },
  };
  return { ...handlers, ...wrapped };
}

/**
 * Every export a seat makes goes into the audit (shared/accounts/policy.ts EXPORT_CHANNELS): the
 * features' export handlers, each wrapped once here. A channel added to the list without its line
 * below does not compile.
 */
export function withAuditedExports<H extends Pick<Handlers, ExportChannel>>(ctx: FeatureContext, handlers: H): H {
  const accounts = accountServiceOf(ctx);
  const wrapped: Pick<Handlers, ExportChannel> = {
    'data:export-all': audited(accounts, 'data:export-all', handlers['data:export-all']),
    'data:export-incident': audited(accounts, 'data:export-incident', handlers['data:export-incident']),
    'data:export-incidents': audited(accounts, 'data:export-incidents', handlers['data:export-incidents']),
    'data:export-stats': audited(accounts, 'data:export-stats', handlers['data:export-stats']),
    'duty-log:export': audited(accounts, 'duty-log:export', handlers['duty-log:export']),
    'print:pdf': audited(accounts, 'print:pdf', handlers['print:pdf']),
    'rosters:export': audited(accounts, 'rosters:export', handlers['rosters:export']),
    'schedule:export': audited(accounts, 'schedule:export', handlers['schedule:export']),
  };
  return { ...handlers, ...wrapped };
}
