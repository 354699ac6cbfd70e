/**
 * Who owes each clock (issue decision "Whose clock"): the duty room's own reports upward, made in
 * the name of 市政府 or the 市指挥部办公室, or another unit's report that the duty room only
 * watches (it is usually that report's recipient).
 */
import type { ClockOwner } from './types';

export const ROOM_CITY_GOV: ClockOwner = { kind: 'room', unit: '市政府（本值班室）' };
export const ROOM_HQ_OFFICE: ClockOwner = { kind: 'room', unit: '市指挥部办公室（本值班室）' };

export const monitored = (unit: string): ClockOwner => ({ kind: 'monitored', unit });

export const OWNER_KIND_LABELS = { room: '本值班室', monitored: '督促他方' } as const;
