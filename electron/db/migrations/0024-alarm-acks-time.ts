import { pgSchema } from './postgres-baseline';
import type { Migration } from './types';

/**
 * The duty log lists the day's alarm acknowledgements (who pressed 确认告警, when, for which clocks):
 * it reads them by acknowledgement time, a range of this index, never the whole table.
 */
const sql = `
  CREATE INDEX alarm_acks_acked ON alarm_acks (acked_at);
`;

export const migration0024: Migration = {
  version: 24,
  name: 'alarm-acks-time',
  sql,
  postgres: pgSchema(sql),
};
