/**
 * Seats of one duty room and the wall display's access (issue 17).
 *
 * - A seat's name (带班席, 值班席一) is kept by a hash of the seat's id, like its session, and
 *   survives its officers logging out. The gate below puts it on every call's session, and
 *   dispatch hands it to the rows that record it (db/seat-context.ts).
 * - The wall display needs no log-in of its own. Its kiosk page on the web host presents a
 *   read-only wall key the administrator issued (`wall:<key>` seats); the Electron wall window is
 *   marked a display seat by the main process that opened it. Either is treated as the display
 *   role (显示), which the policy map lets reach the wall board and nothing else.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AccountView } from '../../../shared/ipc/channels/accounts';
import type { SeatInfo, WallKeyIssued, WallKeyStatus } from '../../../shared/ipc/channels/seats';
import { requirementOf } from '../../../shared/accounts/policy';
import { satisfies } from '../../../shared/accounts/roles';
import type { Channel } from '../../../shared/ipc/contract';
import type { Database } from '../../db/connection';
import * as repo from '../../db/seat-repository';
import type { Gate } from '../../ipc/dispatch';
import type { Authorization } from '../accounts/account-service';

/** Seats that present a wall key (web host kiosk page): `wall:<key>`. */
export const WALL_SEAT_PREFIX = 'wall:';
const WALL_KEY = /^[A-Za-z0-9_-]{32,64}$/;

/** Who a display seat acts as: the display role, no account of its own. */
const DISPLAY: AccountView = {
  id: 0,
  name: '值班大屏',
  role: '显示',
  phone: '',
  active: true,
  failedCount: 0,
  lockedUntil: null,
  createdAt: '',
};

const hash = (s: string): string => createHash('sha256').update(s).digest('hex');
const sameHash = (a: string, b: string): boolean => timingSafeEqual(Buffer.from(a), Buffer.from(b));

export class SeatService {
  private names: Promise<Map<string, string>> | null = null;
  private readonly displaySeats = new Set<string>();
  private wallKey: Promise<repo.WallKeyRow | null> | null = null;

  constructor(
    private readonly opts: {
      db: Database;
      now: () => Date;
      /** The accounts' gate, which this one wraps. */
      accounts: Gate;
    },
  ) {}

  private loadNames(): Promise<Map<string, string>> {
    return (this.names ??= this.opts.db.read((q) => repo.allSeatNames(q)));
  }

  async nameOf(seat: string): Promise<string | null> {
    if (this.isDisplay(seat)) return DISPLAY.name;
    return (await this.loadNames()).get(hash(seat)) ?? null;
  }

  async info(seat: string): Promise<SeatInfo> {
    return { seatName: await this.nameOf(seat) };
  }

  async setName(seat: string, name: string): Promise<SeatInfo> {
    const at = this.opts.now().toISOString();
    await this.opts.db.write((q) => repo.saveSeatName(q, hash(seat), name, at));
    (await this.loadNames()).set(hash(seat), name);
    return this.info(seat);
  }

  occupied(): Promise<{ seatName: string; officer: string }[]> {
    return this.opts.db.read((q) => repo.occupiedSeats(q));
  }

  /** The Electron wall window: the main process opened it, so it needs no key. */
  markDisplay(seat: string): void {
    this.displaySeats.add(seat);
  }

  private isDisplay(seat: string): boolean {
    return this.displaySeats.has(seat) || seat.startsWith(WALL_SEAT_PREFIX);
  }

  private currentKey(): Promise<repo.WallKeyRow | null> {
    return (this.wallKey ??= this.opts.db.read((q) => repo.currentWallKey(q)));
  }

  async wallKeyValid(key: string): Promise<boolean> {
    if (!WALL_KEY.test(key)) return false;
    const current = await this.currentKey();
    return current !== null && sameHash(current.keyHash, hash(key));
  }

  async keyStatus(): Promise<WallKeyStatus> {
    const k = await this.currentKey();
    return { active: k !== null, createdAt: k?.createdAt ?? null, createdBy: k?.createdBy ?? null };
  }

  /** A new key replaces the one before at once; only its hash is stored, so it is shown this once. */
  async rotateKey(by: string): Promise<WallKeyIssued> {
    const key = randomBytes(32).toString('base64url');
    await this.opts.db.write((q) => repo.replaceWallKey(q, hash(key), this.opts.now().toISOString(), by));
    this.wallKey = null;
    return { key, path: `/?wall=${key}#/wall` };
  }

  async revokeKey(by: string): Promise<WallKeyStatus> {
    await this.opts.db.write((q) => repo.replaceWallKey(q, null, this.opts.now().toISOString(), by));
    this.wallKey = null;
    return this.keyStatus();
  }

  /**
   * The gate of every call from a seat: a display seat acts as the display role (the wall board
   * only); any other seat passes the accounts' gate, and its session carries the seat's name.
   */
  readonly gate: Gate = {
    authorize: async (seat: string, channel: Channel): Promise<Authorization> => {
      if (this.isDisplay(seat)) return this.authorizeDisplay(seat, channel);
      const auth = await this.opts.accounts.authorize(seat, channel);
      if (!auth.ok || !auth.session) return auth;
      return { ok: true, session: { ...auth.session, seatName: await this.nameOf(seat) } };
    },
  };

  private async authorizeDisplay(seat: string, channel: Channel): Promise<Authorization> {
    const refuse = (message: string): Authorization => ({ ok: false, error: { code: 'forbidden', message } });
    if (seat.startsWith(WALL_SEAT_PREFIX) && !(await this.wallKeyValid(seat.slice(WALL_SEAT_PREFIX.length)))) {
      return refuse('值班大屏密钥无效或已更换：请向管理员索取新的值班大屏地址');
    }
    const need = requirementOf(channel);
    if (channel !== 'app:info' && (need === 'public' || !satisfies('显示', need))) {
      return refuse('值班大屏只能查看大屏内容');
    }
    return { ok: true, session: { seat, officer: DISPLAY, leader: null, locked: false, seatName: DISPLAY.name } };
  }
}
