/**
 * Channels of the seats of one duty room and of its wall display (issue 17).
 *
 * - A seat (an Electron window, a web-host tab) has a name (带班席, 值班席一), recorded on every
 *   timeline entry, print record and alarm acknowledgement made there.
 * - The wall display (值班大屏) reads one board: open incidents, running clocks, warnings in force
 *   and who is on duty. Its kiosk page needs no log-in: the administrator issues a read-only wall
 *   key, which reaches this board and nothing else (shared/accounts/policy.ts).
 */
import { z } from 'zod';
import type { IncidentLevel, IncidentStatus, Officer } from '../../domain/incident';
import type { OpenClock } from './incidents';
import { required } from '../schemas';

/**
 * The refusal of an edit based on an older version of the record (issue 17): another seat saved a
 * change since the officer began. The page shows the newer version beside what was typed.
 */
export const STALE_EDIT_MESSAGE = '该事件已被另一席位修改，请查看最新内容后重试';
/** The same refusal for a report draft saved from an older draft version. */
export const STALE_REPORT_MESSAGE = '该报告草稿已被另一席位修改，请查看最新内容后重试';
/** The same refusal for a roster contact edited from an older version. */
export const STALE_CONTACT_MESSAGE = '该联系人已被另一席位修改，请查看最新内容后重试';

/** The longest seat name: it is printed beside every record made at the seat. */
export const SEAT_NAME_MAX = 12;

export const seatChannels = {
  'seats:get': z.object({}).strict().default({}),
  'seats:set-name': z.object({ seatName: required('席位名称', SEAT_NAME_MAX) }).strict(),
  'wall:board': z.object({}).strict().default({}),
  'wall:key-status': z.object({}).strict().default({}),
  /** Issues a new wall key; the one before stops working at once. */
  'wall:rotate-key': z.object({}).strict().default({}),
  'wall:revoke-key': z.object({}).strict().default({}),
};

export interface SeatInfo {
  /** This seat's name; null until someone names it. */
  seatName: string | null;
}

export interface WallIncident {
  id: number;
  serial: string;
  title: string;
  places: string[];
  level: IncidentLevel | null;
  status: IncidentStatus;
  drill: boolean;
  receivedAt: string;
}

export interface WallWarning {
  id: number;
  label: string;
  planName: string;
  area: string;
  hex: string;
  textHex: string;
  issuedAt: string;
}

/** Everything the wall shows, read in one call; clock states are derived on screen each second. */
export interface WallBoard {
  now: string;
  /** The duty room's name (设置 值班单位名称), the wall's title. */
  station: string;
  /** The open incidents, the most recent first (at most WALL_INCIDENTS of them). */
  incidents: WallIncident[];
  /** How many incidents are open, those not listed included. */
  incidentTotal: number;
  clocks: OpenClock[];
  warnings: WallWarning[];
  duty: Officer | null;
  /** Named seats with someone logged in: who sits where in the room. */
  seats: { seatName: string; officer: string }[];
  /** The duty room's 即将到期 threshold (settings), so the wall colours clocks as the seats do. */
  dueSoonMinutes: number;
}

export interface WallKeyStatus {
  active: boolean;
  createdAt: string | null;
  createdBy: string | null;
}

export interface WallKeyIssued {
  key: string;
  /** Path and query of the kiosk page on the web host, to append to its address. */
  path: string;
}

export interface SeatOutputs {
  'seats:get': SeatInfo;
  'seats:set-name': SeatInfo;
  'wall:board': WallBoard;
  'wall:key-status': WallKeyStatus;
  'wall:rotate-key': WallKeyIssued;
  'wall:revoke-key': WallKeyStatus;
}
