/**
 * The record chain on both engines (issue 18): this suite runs on SQLite and, in the `postgres`
 * project, on PostgreSQL (vitest.config.ts). Tampering here goes through the database itself, as
 * anyone with access to it could, with the append-only triggers switched off where needed.
 */
import { describe, expect, it } from 'vitest';
import type { IntegrityStatus } from '../../../../shared/ipc/channels/integrity';
import type { Result } from '../../../../shared/ipc/result';
import { dispatch, type Handlers } from '../../../../electron/ipc/dispatch';
import type { AppServices } from '../../../../electron/services/app-services';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller } from '../response/call';
import { withLeaderPassword } from '../../../helpers/seat-calls';

const NOW = new Date('2026-11-29T02:00:00.000Z');
const PW = 'duty-pass-2026';
const INPUT = { ...ENV_INPUT, levelOverride: null, responseOverride: null, discoveredAt: null };
const quiet = () => undefined;

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** A call from a seat, through the gate, as the hosts make it. */
const fromSeat =
  (h: Handlers, seat: string) =>
  (channel: string, input: unknown = {}): Promise<Result<unknown>> =>
    dispatch(h, channel, input, quiet, seat);

/** Switches the chain's append-only triggers off, as someone editing the database directly would. */
async function withoutChainTriggers(s: AppServices, sql: string[]): Promise<void> {
  await s.db.raw(async (q) => {
    if (s.db.engine === 'sqlite') {
      await q.exec('DROP TRIGGER chain_append_only_update; DROP TRIGGER chain_append_only_delete;');
      for (const stmt of sql) await q.exec(stmt);
    } else {
      await q.exec('ALTER TABLE chain DISABLE TRIGGER USER');
      for (const stmt of sql) await q.exec(stmt);
      await q.exec('ALTER TABLE chain ENABLE TRIGGER USER');
    }
  });
}

/** Some records on duty: an incident, two notes. */
async function record(s: AppServices): Promise<number> {
  const call = caller(s.handlers);
  await call('duty:set', { leader: '李堃', officer: '赵珺' });
  const inc = await call('incidents:create', INPUT);
  await call('incidents:add-note', { id: inc.id, kind: '备注', text: '已电话核实' });
  await call('incidents:add-note', { id: inc.id, kind: '备注', text: '最后一条备注' });
  return inc.id;
}

async function verify(s: AppServices): Promise<IntegrityStatus> {
  return caller(s.handlers)('integrity:verify', {});
}

describe('the record chain on this engine', () => {
  const tempDir = useTempDirs();

  it('seals every recorded row in its own write and verifies', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await record(s);
    const n = await s.db.read(async (q) => ({
      rows: (await q.get<{ n: number }>(
        'SELECT (SELECT COUNT(*) FROM timeline_entries) + (SELECT COUNT(*) FROM clock_records) AS n',
      ))!.n,
      chain: (await q.get<{ n: number }>("SELECT COUNT(*) AS n FROM chain WHERE kind = 'row'"))!.n,
    }));
    expect(n.chain).toBe(n.rows);
    expect(await verify(s)).toMatchObject({ state: 'ok', findingCount: 0, entries: n.chain + 1 });
    await s.close();
  });

  it('a timeline row edited in the database is reported, naming the record', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await record(s);
    await s.db.raw((q) =>
      q.exec("UPDATE timeline_entries SET text = '备注：一切正常' WHERE text = '备注：已电话核实'"),
    );
    const st = await verify(s);
    expect(st.state).toBe('broken');
    expect(st.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^事件 2026-0001 的时间线第2条（表 timeline_entries，编号 \d+，.*在值班台之外被改动/),
    ]);
    await s.close();
  });

  it('the newest rows deleted with their chain entries are found by the anchor outside the database, at every start', async () => {
    const dir = tempDir();
    let s = await makeServices(dir, { now: () => NOW });
    await record(s);
    const before = await verify(s);
    expect(before.state).toBe('ok');
    await withoutChainTriggers(s, [
      "DELETE FROM chain WHERE tbl = 'timeline_entries' AND row_id = (SELECT MAX(id) FROM timeline_entries)",
      'DELETE FROM timeline_entries WHERE id = (SELECT MAX(id) FROM timeline_entries)',
    ]);
    // The shortened chain is consistent in itself: only the anchor can tell.
    await s.close();
    s = await makeServices(dir, { now: () => NOW });
    const st = await verify(s);
    expect(st.state).toBe('broken');
    expect(st.findings.map((f) => f.message)).toEqual([
      `记录链比值班台上次记录的短（发现于 2026-11-29 10:00）：上次已到第 ${before.entries} 条（${before.headCode}），现在只到第 ${before.entries - 1} 条。最新的 1 条链记录及其所保护的记录可能在值班台之外被删除。`,
    ]);
    // Writing on does not make it go away, nor does the next start.
    await caller(s.handlers)('incidents:add-note', { id: 1, kind: '备注', text: '之后的备注' });
    await s.close();
    s = await makeServices(dir, { now: () => NOW });
    expect((await verify(s)).findingCount).toBe(1);
    await s.close();
  });

  it("records the seat's account beside its name, and the chain covers the account id", async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    const admin = withLeaderPassword(fromSeat(s.handlers, 'seat-admin'), PW);
    value(await admin('auth:setup', { name: '系统管理员', phone: '', password: PW }));
    value(await admin('accounts:create', { name: '李堃', role: '带班领导', phone: '', password: PW }));
    value(await admin('accounts:create', { name: '赵珺', role: '值班员', phone: '', password: PW }));
    const seat = fromSeat(s.handlers, 'seat-1');
    value(await seat('auth:login', { name: '赵珺', password: PW, as: 'officer' }));
    value(await seat('auth:login', { name: '李堃', password: PW, as: 'leader' }));
    // incidents:create's declared output has an id
    const inc = value(await seat('incidents:create', INPUT)) as { id: number };
    value(await seat('incidents:add-note', { id: inc.id, kind: '备注', text: '席位上记的备注' }));
    const rows = await s.db.read(async (q) => ({
      ids: await q.all<{ id: number; name: string }>("SELECT id, name FROM accounts WHERE name IN ('赵珺', '李堃')"),
      notes: await q.all<{ officer: string; officer_id: number | null }>(
        'SELECT officer, officer_id FROM timeline_entries WHERE incident_id = ? ORDER BY id',
        [inc.id],
      ),
      incident: await q.get<{ created_by: string; created_by_id: number | null }>(
        'SELECT created_by, created_by_id FROM incidents WHERE id = ?',
        [inc.id],
      ),
      duty: await q.get<{ leader_id: number | null; officer_id: number | null }>(
        'SELECT leader_id, officer_id FROM duty_sessions ORDER BY id DESC LIMIT 1',
      ),
    }));
    const idOf = (name: string) => rows.ids.find((a) => a.name === name)?.id;
    expect(rows.notes.length).toBeGreaterThan(0);
    for (const n of rows.notes) expect(n).toEqual({ officer: '赵珺', officer_id: idOf('赵珺') });
    expect(rows.incident).toEqual({ created_by: '赵珺', created_by_id: idOf('赵珺') });
    expect(rows.duty).toEqual({ leader_id: idOf('李堃'), officer_id: idOf('赵珺') });
    expect((await verify(s)).state).toBe('ok');
    // The id is part of what the chain sealed: giving the note to another account is found.
    await s.db.raw((q) =>
      q.exec(`UPDATE timeline_entries SET officer_id = ${idOf('李堃')} WHERE text LIKE '%席位上记的备注%'`),
    );
    const st = await verify(s);
    expect(st.findings.map((f) => f.message)).toEqual([expect.stringMatching(/时间线第\d+条.*在值班台之外被改动/)]);
    await s.close();
  });
});
