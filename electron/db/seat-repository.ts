/** SQL for seat names and the wall display's key (issue 17); rows become camelCase here. */
import { accountIdFor } from './account-context';
import type { Queryable } from './connection';

export async function allSeatNames(q: Queryable): Promise<Map<string, string>> {
  const rows = await q.all<{ seat: string; seat_name: string }>('SELECT seat, seat_name FROM seat_names');
  return new Map(rows.map((r) => [r.seat, r.seat_name]));
}

export async function saveSeatName(q: Queryable, seat: string, name: string, at: string): Promise<void> {
  await q.run(
    `INSERT INTO seat_names (seat, seat_name, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (seat) DO UPDATE SET seat_name = excluded.seat_name, updated_at = excluded.updated_at`,
    [seat, name, at],
  );
}

/** Named seats where an officer is logged in, with the officer's name: who sits where. */
export async function occupiedSeats(q: Queryable): Promise<{ seatName: string; officer: string }[]> {
  return q.all<{ seatName: string; officer: string }>(
    `SELECT n.seat_name AS seatName, a.name AS officer FROM seat_names n
       JOIN seat_sessions s ON s.seat = n.seat JOIN accounts a ON a.id = s.officer_id
     WHERE a.active = 1 AND a.role <> '显示' ORDER BY n.seat_name`,
  );
}

export interface WallKeyRow {
  id: number;
  keyHash: string;
  createdAt: string;
  createdBy: string;
}

/** The valid wall key: the newest one not revoked. */
export async function currentWallKey(q: Queryable): Promise<WallKeyRow | null> {
  const r = await q.get<{ id: number; key_hash: string; created_at: string; created_by: string }>(
    'SELECT id, key_hash, created_at, created_by FROM wall_keys WHERE revoked_at IS NULL ORDER BY id DESC LIMIT 1',
  );
  return r ? { id: r.id, keyHash: r.key_hash, createdAt: r.created_at, createdBy: r.created_by } : null;
}

/** Revokes every earlier key, then stores the new one's hash. */
export async function replaceWallKey(q: Queryable, keyHash: string | null, at: string, by: string): Promise<void> {
  await q.run('UPDATE wall_keys SET revoked_at = ? WHERE revoked_at IS NULL', [at]);
  if (keyHash !== null) {
    // The account from the call's session (issue 18, migration 0020).
    await q.run('INSERT INTO wall_keys (key_hash, created_at, created_by, created_by_id) VALUES (?, ?, ?, ?)', [
      keyHash,
      at,
      by,
      accountIdFor(by),
    ]);
  }
}
