/**
 * The single entry for every IPC call, shared by the Electron registration and the web host:
 * validate the input against the contract, run the handler, return a Result. Nothing reaches a
 * handler unvalidated, and no exception crosses the boundary.
 */
import '../../shared/ipc/zod-locale';
import type { z } from 'zod';
import { channels } from '../../shared/ipc/contract';
import type { Channel, ChannelArgs, ChannelOutput } from '../../shared/ipc/contract';
import { fieldLabel } from '../../shared/ipc/labels';
import { DomainError, fail, ok } from '../../shared/ipc/result';
import type { AppError, Result } from '../../shared/ipc/result';
import { requirementOf } from '../../shared/accounts/policy';
import { storageError } from '../db/storage-errors';
import { withSeat } from '../db/seat-context';
import { actorOfSession, withActor } from '../db/account-context';
import type { Authorization, SeatSession } from '../services/accounts/account-service';

/**
 * What a handler learns about its caller. seat null: an in-process call (the hosts' own code,
 * tests, benchmarks), which no gate checks; every call from a page comes through a host with a seat.
 */
export interface CallContext {
  seat: string | null;
  session: SeatSession | null;
}

/** Checks a seat's call against the policy map before its handler runs (services/accounts). */
export interface Gate {
  authorize(seat: string, channel: Channel): Promise<Authorization>;
}

/** The gate travels with the handler map (a symbol key survives the hosts' spreads of the map). */
export const GATE: unique symbol = Symbol.for('duty.gate');

export type Handlers = {
  [C in Channel]: (args: ChannelArgs<C>, call?: CallContext) => Promise<ChannelOutput<C>>;
} & { [GATE]?: Gate };

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);

type Issue = z.core.$ZodIssue;

/**
 * The issues a person should see. For a union (a contact is either new or an edit) the branch that
 * came closest is reported, not every branch's complaints.
 */
function flatten(
  issues: readonly Issue[],
  prefix: readonly PropertyKey[] = [],
): { path: PropertyKey[]; message: string }[] {
  return issues.flatMap((i) => {
    const path = [...prefix, ...i.path];
    if (i.code === 'invalid_union' && i.errors.length > 0) {
      // A branch that does not even know the keys sent (an edit's id, a new record's roster) is the
      // wrong kind of request, however few its other complaints.
      const weight = (branch: readonly Issue[]) =>
        branch.reduce((n, b) => n + (b.code === 'unrecognized_keys' ? 100 : 1), 0);
      const closest = [...i.errors].sort((a, b) => weight(a) - weight(b))[0];
      if (closest && closest.length > 0) return flatten(closest, path);
    }
    return [{ path, message: i.message }];
  });
}

/** Each issue worded with the field's Chinese label (unless the message already names it). */
export function describeIssues(channel: string, issues: readonly Issue[]): NonNullable<AppError['issues']> {
  const out: NonNullable<AppError['issues']> = [];
  for (const i of flatten(issues)) {
    const label = fieldLabel(channel, i.path);
    const message = label && !i.message.includes(label.replace(/（.*$/, '')) ? `${label}：${i.message}` : i.message;
    out.push({ path: i.path.map(String).join('.'), message });
  }
  return out;
}

/** SQLite refused a reference to a row that does not exist (a stale id from an old page). */
const FOREIGN_KEY = /FOREIGN KEY constraint failed/;

/** A short reference that ties the officer's message to the logged error. */
const errorRef = (): string =>
  `${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 36 ** 3)
    .toString(36)
    .padStart(3, '0')}`.toUpperCase();

export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  input: unknown,
  log: (msg: string, err: unknown) => void = (m, e) => console.error(m, e),
  /** The seat the call comes from (an Electron window, a web-host tab); absent for in-process calls. */
  seat?: string,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail({ code: 'invalid_input', message: `未知的调用：${String(channel).slice(0, 60)}` });
  }
  // Roles first (GB/T 22239-2019 8.1.4.2): a call its seat may not make is refused before its
  // input is even read, and a leader's one-use grant is spent only on the act it was given for.
  let call: CallContext = { seat: null, session: null };
  if (seat !== undefined) {
    const gate = handlers[GATE];
    if (!gate) {
      // No gate (the recovery state before a restore): only what needs no login.
      if (requirementOf(channel) !== 'public') {
        return fail({ code: 'forbidden', message: '值班台尚未就绪，暂不能进行此操作' });
      }
    } else {
      let auth: Authorization;
      try {
        auth = await gate.authorize(seat, channel);
      } catch (thrown) {
        const ref = errorRef();
        log(`[ipc] ${channel} could not be authorized (错误编号 ${ref})`, storageError(thrown));
        return fail({ code: 'internal', message: `无法核对登录状态，请重试（错误编号 ${ref}）` });
      }
      if (!auth.ok) return fail(auth.error);
      call = { seat, session: auth.session };
    }
  }
  const parsed = channels[channel].safeParse(input);
  if (!parsed.success) {
    const issues = describeIssues(channel, parsed.error.issues);
    const shown = [...new Set(issues.map((i) => i.message))];
    return fail({
      code: 'invalid_input',
      message: shown.length
        ? `输入有误：${shown.slice(0, 3).join('；')}${shown.length > 3 ? `（另有${shown.length - 3}处）` : ''}`
        : '输入有误',
      issues,
    });
  }
  try {
    // args have just been parsed by this channel's schema; TypeScript cannot pair a union of handlers with them
    const handler = handlers[channel] as (args: unknown, call: CallContext) => Promise<unknown>;
    // The rows this call writes record its seat (issue 17: timeline, print records, acknowledgements).
    const seatOfCall = { seatName: call.session?.seatName ?? null, officer: call.session?.officer?.name ?? null };
    // The accounts it acts as, stamped beside the names on what it records (issue 18).
    return ok(
      await withActor(actorOfSession(call.session), () => withSeat(seatOfCall, () => handler(parsed.data, call))),
    );
  } catch (thrown) {
    // Disk full, read-only or I/O errors from any path (database or plain files) in plain Chinese.
    const err = storageError(thrown);
    if (err instanceof DomainError) return fail({ code: err.code, message: err.message, issues: err.issues });
    const message = typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : '';
    if (FOREIGN_KEY.test(message)) {
      log(`[ipc] ${channel} refused a missing reference`, err);
      return fail({ code: 'not_found', message: '所引用的记录不存在（可能已被删除或编号有误），请刷新后重试' });
    }
    // The raw text (JavaScript or SQLite) goes to the log only; the officer gets a reference to quote.
    const ref = errorRef();
    log(`[ipc] ${channel} failed (错误编号 ${ref})`, err);
    return fail({ code: 'internal', message: `操作失败，请重试；如反复出现请联系管理员（错误编号 ${ref}）` });
  }
}
