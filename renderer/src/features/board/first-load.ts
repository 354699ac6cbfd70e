/**
 * The board is the page every log-in and every reload lands on. Its first list and the open clocks
 * are asked for as soon as the seat is known to be logged in, while the console's frame is still
 * being rendered, instead of after it (issue 14: the frame's first render takes longer than both
 * answers together).
 *
 * Each answer is handed out once, to the board's first load, and only if no change was announced
 * since it was asked for (a `data:changed` event, a reconnect included); otherwise it is dropped
 * and the board asks again, so nothing shown is older than it would have been without this.
 */
import { OPEN_STATUSES } from '../../../../shared/domain/incident';
import type { ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { MAX_PAGE } from '../../../../shared/ipc/channels/incidents';
import { api, call } from '../../api/api';

export type BoardFilter = NonNullable<ChannelInput<'incidents:list'>>;

/** The board as it opens: open incidents only, nothing else narrowed. */
export const DEFAULT_FILTER: BoardFilter = { statuses: [...OPEN_STATUSES], drills: 'include' };

/**
 * What the board shows of each incident: its clocks still owed, not the records of those closed
 * (the incident's own page shows them).
 */
export const BOARD_CLOCKS = 'open' as const;

/** The board's first call as it opens: its open incidents fit one page of the largest size. */
export const FIRST_LIST: BoardFilter = { ...DEFAULT_FILTER, limit: MAX_PAGE, clocks: BOARD_CLOCKS };

interface Early {
  list?: Promise<ChannelOutput<'incidents:list'>>;
  upcoming?: Promise<ChannelOutput<'clocks:upcoming'>>;
  stopListening: () => void;
}

let early: Early | null = null;

/** Forgets what was asked for (a change was announced, or the board will not be shown after all). */
export function dropBoardPrefetch(): void {
  early?.stopListening();
  early = null;
}

/** Asks for the board's first list and the open clocks now; the board takes them when it mounts. */
export function prefetchBoard(): void {
  if (early) return;
  const list = call('incidents:list', FIRST_LIST);
  const upcoming = call('clocks:upcoming', {});
  // Whoever takes an answer handles its failure; one never taken must not surface as unhandled.
  list.catch(() => undefined);
  upcoming.catch(() => undefined);
  early = { list, upcoming, stopListening: api.on('data:changed', dropBoardPrefetch) };
}

/**
 * The board's first list if asked for early and still current, once; undefined otherwise. It may
 * have been asked for before the seat was known to be logged in: a refusal means ask again.
 */
export function takeFirstList(): Promise<ChannelOutput<'incidents:list'>> | undefined {
  const list = early?.list;
  if (early) early.list = undefined;
  if (early && !early.upcoming) dropBoardPrefetch();
  return list;
}

/** The open clocks if asked for early and still current, once; undefined otherwise. */
export function takeUpcoming(): Promise<ChannelOutput<'clocks:upcoming'>> | undefined {
  const upcoming = early?.upcoming;
  if (early) early.upcoming = undefined;
  if (early && !early.list) dropBoardPrefetch();
  return upcoming;
}
