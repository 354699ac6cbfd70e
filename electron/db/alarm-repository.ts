import type { AlarmAck, AlarmKind, FiredAlarm } from '../../shared/clocks/alarm-planner';
import type { Queryable } from './connection';
import { accountIdFor } from './account-context';

export async function listFired(q: Queryable): Promise<FiredAlarm[]> {
  const rows = await q.all<{ clock_key: string; kind: string; seq: number; due_at: string | null; fired_at: string }>(
    'SELECT * FROM fired_alarms',
  );
  return rows.map((r) => ({
    clockKey: r.clock_key,
    // rows are written by this repository with AlarmKind values only
    kind: r.kind as AlarmKind,
    seq: r.seq,
    firedAt: r.fired_at,
    dueAt: r.due_at ?? undefined,
  }));
}

export async function insertFired(q: Queryable, alarms: FiredAlarm[]): Promise<void> {
  for (const a of alarms) {
    await q.run('INSERT OR IGNORE INTO fired_alarms (clock_key, kind, seq, due_at, fired_at) VALUES (?, ?, ?, ?, ?)', [
      a.clockKey,
      a.kind,
      a.seq,
      a.dueAt ?? null,
      a.firedAt,
    ]);
  }
}

export async function listAcks(q: Queryable): Promise<AlarmAck[]> {
  const rows = await q.all<{ clock_key: string; acked_at: string }>(
    'SELECT clock_key, acked_at FROM alarm_acks ORDER BY id',
  );
  return rows.map((r) => ({ clockKey: r.clock_key, ackedAt: r.acked_at }));
}

/** An acknowledgement names the officer and the seat it was given at (issue 17); seat null in process. */
export async function insertAcks(
  q: Queryable,
  acks: AlarmAck[],
  officer: string,
  seatName: string | null = null,
): Promise<void> {
  for (const a of acks) {
    // The account beside the name comes from the call's session (issue 18, migration 0018).
    await q.run('INSERT INTO alarm_acks (clock_key, acked_at, officer, seat_name, officer_id) VALUES (?, ?, ?, ?, ?)', [
      a.clockKey,
      a.ackedAt,
      officer,
      seatName,
      accountIdFor(officer),
    ]);
  }
}

/** The acknowledgements of one clock, oldest first, with who gave them and where. */
export async function listAckRecords(
  q: Queryable,
  clockKey: string,
): Promise<{ clockKey: string; ackedAt: string; officer: string; seatName: string | null }[]> {
  return q.all(
    'SELECT clock_key AS clockKey, acked_at AS ackedAt, officer, seat_name AS seatName FROM alarm_acks WHERE clock_key = ? ORDER BY id',
    [clockKey],
  );
}

/** An alarm acknowledgement as recorded: the clock, when, by whom and at which seat. */
export interface AckRecord {
  clockKey: string;
  ackedAt: string;
  officer: string;
  seatName: string | null;
}

/** The acknowledgements given in [from, to) (ISO instants), in the order given (migration 0024's index). */
export async function acksBetween(q: Queryable, from: string, to: string): Promise<AckRecord[]> {
  return q.all(
    `SELECT clock_key AS clockKey, acked_at AS ackedAt, officer, seat_name AS seatName FROM alarm_acks
     WHERE acked_at >= ? AND acked_at < ? ORDER BY acked_at, id`,
    [from, to],
  );
}
