/** SQL for accounts, seat sessions and the authentication audit record; rows become camelCase types here. */
import type { Role } from '../../shared/accounts/roles';
import type { AccountView, AuditEvent, AuditKind } from '../../shared/ipc/channels/accounts';
import type { Param, Queryable } from './connection';

interface AccountRow {
  id: number;
  name: string;
  role: string;
  phone: string;
  password_hash: string;
  active: number;
  failed_count: number;
  locked_until: string | null;
  created_at: string;
}

export interface StoredAccount extends AccountView {
  passwordHash: string;
}

const toAccount = (r: AccountRow): StoredAccount => ({
  id: r.id,
  name: r.name,
  // the column's CHECK constraint admits only the Role values (migration 0010)
  role: r.role as Role,
  phone: r.phone,
  active: r.active === 1,
  failedCount: r.failed_count,
  lockedUntil: r.locked_until,
  createdAt: r.created_at,
  passwordHash: r.password_hash,
});

const ACCOUNT_COLUMNS = 'id, name, role, phone, password_hash, active, failed_count, locked_until, created_at';

export async function countAccounts(q: Queryable): Promise<number> {
  const row = await q.get<{ n: number }>('SELECT count(*) AS n FROM accounts');
  return row?.n ?? 0;
}

export async function listAccounts(q: Queryable): Promise<StoredAccount[]> {
  const rows = await q.all<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY active DESC, role, name`);
  return rows.map(toAccount);
}

export async function accountById(q: Queryable, id: number): Promise<StoredAccount | null> {
  const row = await q.get<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ?`, [id]);
  return row ? toAccount(row) : null;
}

export async function accountByName(q: Queryable, name: string): Promise<StoredAccount | null> {
  const row = await q.get<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE name = ?`, [name]);
  return row ? toAccount(row) : null;
}

export async function insertAccount(
  q: Queryable,
  a: { name: string; role: Role; phone: string; passwordHash: string; at: string },
): Promise<number> {
  const r = await q.run(
    'INSERT INTO accounts (name, role, phone, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    [a.name, a.role, a.phone, a.passwordHash, a.at, a.at],
  );
  return r.lastID;
}

export async function updateAccountFields(
  q: Queryable,
  id: number,
  patch: { role?: Role; phone?: string; active?: boolean },
  at: string,
): Promise<void> {
  const sets: string[] = [];
  const params: Param[] = [];
  if (patch.role !== undefined) {
    sets.push('role = ?');
    params.push(patch.role);
  }
  if (patch.phone !== undefined) {
    sets.push('phone = ?');
    params.push(patch.phone);
  }
  if (patch.active !== undefined) {
    sets.push('active = ?');
    params.push(patch.active ? 1 : 0);
  }
  sets.push('updated_at = ?');
  params.push(at, id);
  await q.run(`UPDATE accounts SET ${sets.join(', ')} WHERE id = ?`, params);
}

/** A new password also clears the failures and their lock. */
export async function setPasswordHash(q: Queryable, id: number, hash: string, at: string): Promise<void> {
  await q.run(
    'UPDATE accounts SET password_hash = ?, failed_count = 0, locked_until = NULL, updated_at = ? WHERE id = ?',
    [hash, at, id],
  );
}

export async function setFailures(
  q: Queryable,
  id: number,
  failedCount: number,
  lockedUntil: string | null,
  at: string,
): Promise<void> {
  await q.run('UPDATE accounts SET failed_count = ?, locked_until = ?, updated_at = ? WHERE id = ?', [
    failedCount,
    lockedUntil,
    at,
    id,
  ]);
}

export interface AuditInsert {
  at: string;
  kind: AuditKind;
  accountId: number | null;
  name: string;
  detail: string;
}

export async function insertAuditEvent(q: Queryable, e: AuditInsert): Promise<void> {
  await q.run('INSERT INTO auth_events (at, kind, account_id, name, detail) VALUES (?, ?, ?, ?, ?)', [
    e.at,
    e.kind,
    e.accountId,
    e.name,
    e.detail,
  ]);
}

/** The record chain's re-bases recorded at or after `at` (integrity/chain.ts reads their seal). */
export async function chainRebasesSince(q: Queryable, at: string): Promise<{ at: string; detail: string }[]> {
  return q.all<{ at: string; detail: string }>(
    "SELECT at, detail FROM auth_events WHERE kind = 'chain_rebased' AND at >= ? ORDER BY id",
    [at],
  );
}

export interface AuditFilter {
  kind?: AuditKind;
  name?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export async function listAuditEvents(q: Queryable, f: AuditFilter): Promise<AuditEvent[]> {
  const where: string[] = [];
  const params: Param[] = [];
  if (f.kind) {
    where.push('kind = ?');
    params.push(f.kind);
  }
  if (f.name) {
    // The person acted or was acted upon (an account created, a password reset): name or detail.
    const like = `%${f.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push("(name LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\')");
    params.push(like, like);
  }
  if (f.from) {
    where.push('at >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('at <= ?');
    params.push(f.to);
  }
  const limit = f.limit ? ` LIMIT ${Math.trunc(f.limit)}` : '';
  const rows = await q.all<{
    id: number;
    at: string;
    kind: string;
    account_id: number | null;
    name: string;
    detail: string;
  }>(
    `SELECT id, at, kind, account_id, name, detail FROM auth_events${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC${limit}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    // rows are written by this repository with AuditKind values only
    kind: r.kind as AuditKind,
    accountId: r.account_id,
    name: r.name,
    detail: r.detail,
  }));
}

export interface SeatRow {
  seat: string;
  officerId: number | null;
  leaderId: number | null;
  locked: boolean;
}

export async function seatSession(q: Queryable, seat: string): Promise<SeatRow | null> {
  const r = await q.get<{ seat: string; officer_id: number | null; leader_id: number | null; locked: number }>(
    'SELECT seat, officer_id, leader_id, locked FROM seat_sessions WHERE seat = ?',
    [seat],
  );
  return r ? { seat: r.seat, officerId: r.officer_id, leaderId: r.leader_id, locked: r.locked === 1 } : null;
}

export async function allSeatSessions(q: Queryable): Promise<SeatRow[]> {
  const rows = await q.all<{ seat: string; officer_id: number | null; leader_id: number | null; locked: number }>(
    'SELECT seat, officer_id, leader_id, locked FROM seat_sessions',
  );
  return rows.map((r) => ({ seat: r.seat, officerId: r.officer_id, leaderId: r.leader_id, locked: r.locked === 1 }));
}

/** Every seat logged out (a restore replaced the accounts: an id may now be another person's). */
export async function clearSeatSessions(q: Queryable): Promise<void> {
  await q.run('DELETE FROM seat_sessions');
}

export async function saveSeatSession(q: Queryable, s: SeatRow, at: string): Promise<void> {
  if (s.officerId === null && s.leaderId === null) {
    await q.run('DELETE FROM seat_sessions WHERE seat = ?', [s.seat]);
    return;
  }
  await q.run(
    `INSERT INTO seat_sessions (seat, officer_id, leader_id, locked, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (seat) DO UPDATE SET officer_id = excluded.officer_id, leader_id = excluded.leader_id,
       locked = excluded.locked, updated_at = excluded.updated_at`,
    [s.seat, s.officerId, s.leaderId, s.locked ? 1 : 0, at],
  );
}
