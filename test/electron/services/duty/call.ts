/** Calls a channel through the real dispatcher (input validated by the contract) and unwraps it. */
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

export async function callOn<C extends Channel>(
  handlers: Handlers,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const r = await dispatch(handlers, channel, input, () => undefined);
  if (!r.ok) throw new Refused(r.error.code, r.error.message);
  // an ok answer carries the channel's declared output; the caller names it
  return r.value as ChannelOutput<C>;
}

/** A settable clock for services under test. */
export function clock(start: string): { now: () => Date; set: (iso: string) => void } {
  let t = new Date(start);
  return { now: () => t, set: (iso) => (t = new Date(iso)) };
}

export type Call = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

/** Binds callOn to one set of handlers. */
export const caller =
  (handlers: Handlers): Call =>
  (channel, input) =>
    callOn(handlers, channel, input);
