/**
 * Calls from logged-in seats, through the gate, as the hosts make them (issue 18): for tests that
 * check which account a record carries. Accounts: 系统管理员 (管理员), 李堃 (带班领导), 赵珺 and
 * 王芳 (值班员). Seat 1 has 赵珺 with 李堃 beside her, which also puts them on duty.
 */
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { LEADER_CHANNELS } from '../../shared/accounts/policy';
import { dispatch, type Handlers } from '../../electron/ipc/dispatch';
import type { AppServices } from '../../electron/services/app-services';

export const SEAT_PASSWORD = 'duty-pass-2026';

export type SeatCall = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

/** A seat's calls; a refusal throws its Chinese message. */
export const fromSeat =
  (h: Handlers, seat: string): SeatCall =>
  async (channel, input) => {
    const r = await dispatch(h, channel, input, () => undefined, seat);
    if (!r.ok) throw new Error(r.error.message);
    // an ok answer carries the channel's declared output
    return r.value as ChannelOutput<typeof channel>;
  };

/** A call that sends what it likes: a page's payload with fields the channel does not take. */
export const rawFromSeat =
  (h: Handlers, seat: string) =>
  async (channel: Channel, input: unknown): Promise<unknown> => {
    const r = await dispatch(h, channel, input, () => undefined, seat);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

/**
 * A seat's calls where each leader-only act (policy 'leader') is first confirmed with `password`
 * (auth:verify-leader), as the page's confirmation dialog does; other calls go as they are.
 */
export const confirmedBy =
  (seat: SeatCall, password: string): SeatCall =>
  async (channel, input) => {
    if (LEADER_CHANNELS.includes(channel)) await seat('auth:verify-leader', { password, channel });
    return seat(channel, input);
  };

/** The same for a caller that answers with the Result (a refusal is returned, not thrown). */
export const withLeaderPassword =
  <R extends { ok: boolean }>(call: (channel: string, input?: unknown) => Promise<R>, password: string) =>
  async (channel: string, input: unknown = {}): Promise<R> => {
    if (LEADER_CHANNELS.includes(channel)) {
      const granted = await call('auth:verify-leader', { password, channel });
      if (!granted.ok) return granted;
    }
    return call(channel, input);
  };

export interface DutySeats {
  /** Seat 1: 赵珺 logged in, 李堃 beside her. */
  seat: SeatCall;
  /** A leader-only act at seat 1: 李堃's password first, then the call. */
  asLeader: SeatCall;
  /** Seat 1 sending fields the channel does not take. */
  raw: (channel: Channel, input: unknown) => Promise<unknown>;
  /** Seat 2: 王芳 logged in alone. */
  other: SeatCall;
  /** Account ids by name. */
  ids: Record<'系统管理员' | '李堃' | '赵珺' | '王芳', number>;
}

export async function dutySeats(s: AppServices): Promise<DutySeats> {
  const setup = fromSeat(s.handlers, 'seat-admin');
  await setup('auth:setup', { name: '系统管理员', phone: '', password: SEAT_PASSWORD });
  const admin = confirmedBy(setup, SEAT_PASSWORD);
  await admin('accounts:create', { name: '李堃', role: '带班领导', phone: '', password: SEAT_PASSWORD });
  await admin('accounts:create', { name: '赵珺', role: '值班员', phone: '', password: SEAT_PASSWORD });
  await admin('accounts:create', { name: '王芳', role: '值班员', phone: '', password: SEAT_PASSWORD });
  const seat = fromSeat(s.handlers, 'seat-1');
  await seat('auth:login', { name: '赵珺', password: SEAT_PASSWORD, as: 'officer' });
  await seat('auth:login', { name: '李堃', password: SEAT_PASSWORD, as: 'leader' });
  const other = fromSeat(s.handlers, 'seat-2');
  await other('auth:login', { name: '王芳', password: SEAT_PASSWORD, as: 'officer' });
  const rows = await s.db.read((q) => q.all<{ id: number; name: string }>('SELECT id, name FROM accounts'));
  const idOf = (name: string): number => {
    const id = rows.find((r) => r.name === name)?.id;
    if (id === undefined) throw new Error(`no account ${name}`);
    return id;
  };
  return {
    seat,
    asLeader: confirmedBy(seat, SEAT_PASSWORD),
    raw: rawFromSeat(s.handlers, 'seat-1'),
    other,
    ids: { 系统管理员: idOf('系统管理员'), 李堃: idOf('李堃'), 赵珺: idOf('赵珺'), 王芳: idOf('王芳') },
  };
}
