/**
 * The two answers every load waits for before anything can be shown (whether the data opened, and
 * who is logged in at this seat) are asked for as the script starts, side by side, while the first
 * render runs, instead of one after the other from the gates' first renders (issue 14). The board's
 * first list is asked for with them (first-load.ts), so the services work on it while the console's
 * frame renders; it is dropped unless both answers say the console opens for a logged-in seat.
 *
 * Each answer is handed out once, to its gate's first read; a change announced meanwhile (a
 * reconnect included) drops them, and so does a start-up that needs recovery first (the log-in
 * answer is about the data as it was): the gates then ask again.
 */
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { api, call } from '../../api/api';
import { dropBoardPrefetch, prefetchBoard } from '../board/first-load';

interface Early {
  startup?: Promise<ChannelOutput<'startup:status'>>;
  auth?: Promise<ChannelOutput<'auth:status'>>;
  stopListening: () => void;
}

let early: Early | null = null;

function dropEarlyStatus(): void {
  early?.stopListening();
  early = null;
}

/** Asks for both now; the board's first list too once both say the board will be shown. */
export function askEarlyStatus(): void {
  if (early) return;
  const startup = call('startup:status', {});
  const auth = call('auth:status', {});
  // Whoever takes an answer handles its failure; one never taken must not surface as unhandled.
  startup.catch(() => undefined);
  auth.catch(() => undefined);
  // Most loads are a logged-in seat's (a reload, the console's restart): the board's first list is
  // asked for now as well, and dropped below unless both answers say the board will be shown.
  prefetchBoard();
  const asked: Early = { startup, auth, stopListening: api.on('data:changed', dropEarlyStatus) };
  early = asked;
  // Data not opened (recovery first, or no answer): the log-in answer is about the data as it was,
  // so AuthGate asks again once the console opens, and the board's list is not used.
  const notOpened = () => {
    if (early === asked) asked.auth = undefined;
    dropBoardPrefetch();
  };
  void startup.then((s) => (s.state === 'ready' ? undefined : notOpened()), notOpened);
  // As AuthGate decides: a seat with an officer shows the console (under the lock screen when locked).
  void auth.then((a) => (a.seat.officer ? undefined : dropBoardPrefetch()), dropBoardPrefetch);
}

function take<K extends 'startup' | 'auth'>(key: K): Early[K] | undefined {
  const answer = early?.[key];
  if (early) early[key] = undefined;
  if (early && !early.startup && !early.auth) dropEarlyStatus();
  return answer;
}

/** The start-up status if asked for early and still current, once; undefined otherwise. */
export const takeEarlyStartup = (): Promise<ChannelOutput<'startup:status'>> | undefined => take('startup');

/** The seat's log-in status if asked for early and still current, once; undefined otherwise. */
export const takeEarlyAuth = (): Promise<ChannelOutput<'auth:status'>> | undefined => take('auth');
