/**
 * Every leader-only act (issue 18: sign, start/raise/end a response, termination conditions,
 * warnings, restore, roster import, the 续报 cadence) is allowed to a 带班领导 and to an
 * administrator once their password is given for it, and refused to a 值班员 (accounts.test.ts);
 * the 签发 records the leader whose password granted it, with the account's id.
 */
import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../../electron/ipc/dispatch';
import { LEADER_CHANNELS } from '../../../../shared/accounts/policy';
import type { Result } from '../../../../shared/ipc/result';
import { useTempDirs } from '../../../helpers/temp-dir';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { withLeaderPassword } from '../../../helpers/seat-calls';

const PW = 'duty-pass-2026';
const T0 = new Date('2026-11-29T02:00:00.000Z');
const quiet = () => undefined;
const from =
  (h: Handlers, seat: string) =>
  (channel: string, input: unknown = {}): Promise<Result<unknown>> =>
    dispatch(h, channel, input, quiet, seat);
const value = (r: Result<unknown>): unknown => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('leader-only acts: allowed to a 带班领导 or an administrator with their password', () => {
  const tempDir = useTempDirs();

  it('each leader-only channel passes the gate for the 带班领导 and for the administrator, and only with the password', async () => {
    const s = await makeServices(tempDir(), { now: () => T0 });
    const adminSeat = from(s.handlers, 'seat-admin');
    const admin = withLeaderPassword(adminSeat, PW);
    value(await admin('auth:setup', { name: '系统管理员', phone: '', password: PW }));
    value(await admin('accounts:create', { name: '李堃', role: '带班领导', phone: '', password: PW }));
    value(await admin('accounts:create', { name: '赵珺', role: '值班员', phone: '', password: PW }));
    const duty = from(s.handlers, 'seat-duty');
    value(await duty('auth:login', { name: '赵珺', password: PW }));
    value(await duty('auth:login', { name: '李堃', password: PW, as: 'leader' }));
    expect(LEADER_CHANNELS.length).toBeGreaterThanOrEqual(12);
    for (const [who, seat] of [
      ['带班领导', duty],
      ['管理员', adminSeat],
    ] as const) {
      for (const channel of LEADER_CHANNELS) {
        // Without the password: refused at the gate.
        const bare = await seat(channel, {});
        expect(bare.ok ? '' : bare.error.message, `${who} ${channel}`).toMatch(/需要带班领导权限/);
        value(await seat('auth:verify-leader', { password: PW, channel }));
        // With it: the gate lets the call through to its handler (which then checks the input).
        const r = await seat(channel, {});
        expect(r.ok || r.error.code !== 'forbidden', `${who} ${channel}: ${r.ok ? '' : r.error.message}`).toBe(true);
      }
    }
    await s.close();
  });

  it("签发 records the leader whose password granted it, by name and by account, whoever is the seat's officer", async () => {
    const s = await makeServices(tempDir(), { now: () => T0 });
    const admin = withLeaderPassword(from(s.handlers, 'seat-admin'), PW);
    value(await admin('auth:setup', { name: '系统管理员', phone: '', password: PW }));
    value(await admin('accounts:create', { name: '李堃', role: '带班领导', phone: '', password: PW }));
    value(await admin('accounts:create', { name: '赵珺', role: '值班员', phone: '', password: PW }));
    const seat = from(s.handlers, 'seat-1');
    value(await seat('auth:login', { name: '赵珺', password: PW }));
    value(await seat('auth:login', { name: '李堃', password: PW, as: 'leader' }));
    // the channels' declared outputs have an id
    const inc = value(
      await seat('incidents:create', {
        ...ENV_INPUT,
        receivedAt: T0.toISOString(),
        levelOverride: null,
        responseOverride: null,
        discoveredAt: null,
      }),
    ) as { id: number };
    // the channels' declared outputs have an id
    const draft = value(await seat('reports:draft', { incidentId: inc.id, kind: '初报' })) as { id: number };
    value(await seat('auth:verify-leader', { password: PW, channel: 'reports:sign' }));
    value(await seat('reports:sign', { reportId: draft.id, signedBy: '赵珺', signedAt: T0.toISOString() }));
    const row = await s.db.read((q) =>
      q.get<{ signed_by: string; signed_by_id: number; leader: number }>(
        "SELECT signed_by, signed_by_id, (SELECT id FROM accounts WHERE name = '李堃') AS leader FROM reports WHERE id = ?",
        [draft.id],
      ),
    );
    expect(row?.signed_by).toBe('李堃');
    expect(row?.signed_by_id).toBe(row?.leader);
    await s.close();
  });
});
