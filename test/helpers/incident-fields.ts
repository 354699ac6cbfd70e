/** What an edit of one thing must leave alone: every other field the incident recorded. */
import { expect } from 'vitest';
import type { IncidentDetail } from '../../shared/domain/incident-view';

/** An incident's recorded fields: what registration stores and the edits may change. */
export const RECORDED_FIELDS = [
  'title',
  'places',
  'occurredAt',
  'discoveredAt',
  'receivedAt',
  'reporterUnit',
  'reporterName',
  'reporterPhone',
  'receiveChannel',
  'narrative',
  'facts',
  'drill',
  'levelOverride',
  'responseOverride',
  'status',
  'serial',
] as const;

export type RecordedField = (typeof RECORDED_FIELDS)[number];

/** Every recorded field of `after` is `before`'s, except those the flow under test changed. */
export function expectFieldsKept(
  before: IncidentDetail,
  after: IncidentDetail,
  changed: readonly RecordedField[],
): void {
  for (const key of RECORDED_FIELDS) if (!changed.includes(key)) expect(after[key], key).toEqual(before[key]);
}
