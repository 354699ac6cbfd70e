import { pgSchema } from './postgres-baseline';
import type { Migration } from './types';

/**
 * One index on 接报 time instead of two (issue 14 "Honest write ratio"): incidents_received_at
 * (received_at) ordered the pages and incidents_received_drill (received_at, drill) served the
 * statistics' ranges from the index alone. Every registration wrote a page of each. The drill index
 * could not replace the first: its order is (received_at, drill, id), so a page of all incidents
 * newest first (ORDER BY received_at DESC, id DESC without a range) would have scanned and sorted
 * the whole table. incidents_received (received_at, id, drill) is in the pages' order and still
 * holds the drill flag, so it serves both: the pages, the cursor, the duty log's day and the
 * statistics' ranges read the same rows as before (test/electron/db/migrations/0023-received-index.test.ts
 * checks each query's plan on both engines).
 */
const sql = `
  CREATE INDEX incidents_received ON incidents (received_at, id, drill);
  DROP INDEX incidents_received_at;
  DROP INDEX incidents_received_drill;
`;

export const migration0023: Migration = {
  version: 23,
  name: 'received-index',
  sql,
  postgres: pgSchema(sql),
};
