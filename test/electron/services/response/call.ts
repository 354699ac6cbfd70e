/** Calls a channel through the real dispatcher (input validated by the contract); refusals come back as Refused. */
import type { Channel, ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { dispatch, type Handlers } from '../../../../electron/ipc/dispatch';

export class Refused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Call = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

export const caller =
  (handlers: Handlers): Call =>
  async (channel, input) => {
    const r = await dispatch(handlers, channel, input, () => undefined);
    if (!r.ok) throw new Refused(r.error.code, r.error.message);
    // an ok answer carries the channel's declared output; the caller names it
    return r.value as ChannelOutput<typeof channel>;
  };

/**
 * The same by a channel's name and the answer's type named at the call (tests that send input the
 * contract's types would not take, or read an answer as a narrower type).
 */
export const run =
  (handlers: Handlers) =>
  async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await dispatch(handlers, channel, input, () => undefined);
    if (!r.ok) throw new Refused(r.error.code, r.error.message);
    // an ok answer carries the channel's declared output; the caller names it
    return r.value as T;
  };

/** A settable clock for services under test. */
export function clock(start: string): { now: () => Date; set: (iso: string) => void } {
  let t = new Date(start);
  return { now: () => t, set: (iso) => (t = new Date(iso)) };
}
