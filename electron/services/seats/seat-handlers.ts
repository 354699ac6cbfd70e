/**
 * The seats:* and wall:* channels (issue 17). The wall board is read through the other features'
 * own read channels (the board's list, the open clocks, the warnings, who is on duty), so it shows
 * exactly what the seats show and holds no query of its own.
 */
import { OPEN_STATUSES } from '../../../shared/domain/incident';
import type { SeatOutputs, WallBoard } from '../../../shared/ipc/channels/seats';
import { channels } from '../../../shared/ipc/contract';
import type { CallContext, Handlers } from '../../ipc/dispatch';
import type { FeatureContext } from '../feature-context';
import { SeatService } from './seat-service';

/** An in-process caller (tests, scripts) has no page: it is one seat of its own. */
const IN_PROCESS_SEAT = 'in-process';
const seatOf = (call: CallContext | undefined): string => call?.seat ?? IN_PROCESS_SEAT;
const byWhom = (call: CallContext | undefined): string => call?.session?.officer?.name ?? '（本机程序）';

/** The open incidents the wall lists at most; a duty room with more has the board for them. */
export const WALL_INCIDENTS = 60;

type BoardSources = Pick<Handlers, 'incidents:list' | 'clocks:upcoming' | 'warnings:list' | 'duty:get'>;

const services = new WeakMap<FeatureContext, SeatService>();

/** The one SeatService of a composition: the gate wraps the accounts' gate (app-services.ts). */
export function seatServiceOf(ctx: FeatureContext, accounts: SeatService['gate']): SeatService {
  let s = services.get(ctx);
  if (!s) {
    s = new SeatService({ db: ctx.db, now: ctx.now, accounts });
    services.set(ctx, s);
  }
  return s;
}

export async function wallBoard(
  sources: BoardSources,
  seats: SeatService,
  now: Date,
  settings: { dueSoonMinutes: number; stationName: string },
): Promise<WallBoard> {
  const [page, clocks, warnings, duty, occupied] = await Promise.all([
    sources['incidents:list'](
      channels['incidents:list'].parse({ statuses: [...OPEN_STATUSES], limit: WALL_INCIDENTS, drills: 'include' }),
    ),
    sources['clocks:upcoming']({}),
    sources['warnings:list']({ activeOnly: true }),
    sources['duty:get']({}),
    seats.occupied(),
  ]);
  return {
    now: now.toISOString(),
    station: settings.stationName,
    incidentTotal: page.total,
    incidents: page.items.map((i) => ({
      id: i.id,
      serial: i.serial,
      title: i.title,
      places: i.places,
      level: i.grading.level,
      status: i.status,
      drill: i.drill,
      receivedAt: i.receivedAt,
    })),
    clocks,
    warnings: warnings.map((w) => ({
      id: w.id,
      label: w.label,
      planName: w.planName,
      area: w.area,
      hex: w.hex,
      textHex: w.textHex,
      issuedAt: w.issuedAt,
    })),
    duty,
    seats: occupied,
    dueSoonMinutes: settings.dueSoonMinutes,
  };
}

export function createSeatHandlers(
  ctx: FeatureContext,
  seats: SeatService,
  sources: BoardSources,
): Pick<Handlers, keyof SeatOutputs> {
  return {
    'seats:get': (_a, call) => seats.info(seatOf(call)),
    'seats:set-name': async (a, call) => {
      const info = await seats.setName(seatOf(call), a.seatName);
      ctx.changed('seats');
      return info;
    },
    'wall:board': () => wallBoard(sources, seats, ctx.now(), ctx.settings.get()),
    'wall:key-status': () => seats.keyStatus(),
    'wall:rotate-key': (_a, call) => seats.rotateKey(byWhom(call)),
    'wall:revoke-key': (_a, call) => seats.revokeKey(byWhom(call)),
  };
}
