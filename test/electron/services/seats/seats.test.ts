/**
 * Seats of one duty room (issue 17): seat names on every timeline entry, print record and alarm
 * acknowledgement; versions that refuse a stale edit; the wall display's key and display seats.
 * Real services on a real SQLite file, calls made as the hosts make them (dispatch with a seat).
 */
import { describe, expect, it } from 'vitest';
import { listAckRecords } from '../../../../electron/db/alarm-repository';
import { dispatch } from '../../../../electron/ipc/dispatch';
import type { Handlers } from '../../../../electron/ipc/dispatch';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import type { PrintRecord } from '../../../../shared/ipc/channels/print';
import type { SeatInfo, WallBoard, WallKeyIssued } from '../../../../shared/ipc/channels/seats';
import { STALE_EDIT_MESSAGE } from '../../../../shared/ipc/channels/seats';
import { sampleForms } from '../../../../shared/forms/samples';
import type { Result } from '../../../../shared/ipc/result';
import { useTempDirs } from '../../../helpers/temp-dir';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { withLeaderPassword } from '../../../helpers/seat-calls';

const quiet = () => undefined;
const PW = 'duty-pass-2026';
const T0 = new Date('2026-11-29T02:00:00.000Z');

const from =
  (h: Handlers, seat: string) =>
  (channel: string, input: unknown = {}) =>
    dispatch(h, channel, input, quiet, seat);
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the channel's result type
const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(r.error.message);
  // an ok answer carries the channel's declared output; the caller names it
  return r.value as T;
};
const message = (r: Result<unknown>): string => (r.ok ? '(allowed)' : r.error.message);

/** An administrator, the 带班领导 李堃 at 带班席 (seat-b) and the 值班员 赵珺 at 值班席一 (seat-a). */
async function room(dir: string) {
  const s = await makeServices(dir, { now: () => T0 });
  const admin = withLeaderPassword(from(s.handlers, 'seat-admin'), PW);
  value(await admin('auth:setup', { name: '系统管理员', phone: '', password: PW }));
  value(await admin('accounts:create', { name: '李堃', role: '带班领导', phone: '', password: PW }));
  value(await admin('accounts:create', { name: '赵珺', role: '值班员', phone: '', password: PW }));
  const a = from(s.handlers, 'seat-a');
  const b = from(s.handlers, 'seat-b');
  value(await a('auth:login', { name: '赵珺', password: PW }));
  value(await b('auth:login', { name: '李堃', password: PW }));
  await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
  return { s, admin, a, b };
}

describe('seats of one duty room', () => {
  const tempDir = useTempDirs();

  it('each seat has its own name, and it is on every timeline entry, print record and acknowledgement made there', async () => {
    const { s, a, b } = await room(tempDir());
    expect(value<SeatInfo>(await a('seats:get')).seatName).toBeNull();
    expect(value<SeatInfo>(await a('seats:set-name', { seatName: '值班席一' })).seatName).toBe('值班席一');
    value(await b('seats:set-name', { seatName: '带班席' }));
    expect(value<SeatInfo>(await a('seats:get')).seatName).toBe('值班席一');
    expect(value<SeatInfo>(await b('seats:get')).seatName).toBe('带班席');

    const created = value<IncidentDetail>(await a('incidents:create', ENV_INPUT));
    value(await b('incidents:add-note', { id: created.id, kind: '续报信息', text: '县局已到场', givenBy: '' }));
    const sample = sampleForms()[0]!;
    const printed = value<PrintRecord>(
      await b('print:record', { form: sample.input, title: '初始报告', incidentId: created.id }),
    );
    expect(printed.seatName).toBe('带班席');
    // An in-process write (tests, scripts) has no seat and names none.
    await s.incidents.addNote({ id: created.id, kind: '备注', text: '本机程序记录', givenBy: '' });

    const detail = value<IncidentDetail>(await a('incidents:get', { id: created.id }));
    const seatOf = (text: RegExp) => detail.timeline.find((e) => text.test(e.text))?.seatName;
    expect(seatOf(/桑干河支流水体异常/)).toBe('值班席一');
    expect(seatOf(/县局已到场/)).toBe('带班席');
    expect(seatOf(/初始报告/)).toBe('带班席');
    expect(seatOf(/本机程序记录/)).toBeNull();

    const clock = detail.clocks[0]!;
    value(await a('alarms:ack', { clockKey: clock.key }));
    expect(await s.db.read((q) => listAckRecords(q, clock.key))).toEqual([
      // an asymmetric matcher standing in for the ack time
      { clockKey: clock.key, ackedAt: expect.any(String) as string, officer: '赵珺', seatName: '值班席一' },
    ]);

    // A seat keeps its name when its officer logs out, and across a restart of the services.
    value(await a('auth:logout', { who: 'all' }));
    const dir = s.dataDir;
    await s.close();
    const again = await makeServices(dir, { now: () => T0 });
    value(await from(again.handlers, 'seat-a')('auth:login', { name: '赵珺', password: PW }));
    expect(value<SeatInfo>(await from(again.handlers, 'seat-a')('seats:get')).seatName).toBe('值班席一');
    await again.close();
  });

  it('a seat name is required and short; a refusal names the field in Chinese and changes nothing', async () => {
    const { s, a } = await room(tempDir());
    value(await a('seats:set-name', { seatName: '值班席一' }));
    expect(message(await a('seats:set-name', { seatName: '  ' }))).toMatch(/请填写席位名称/);
    expect(message(await a('seats:set-name', { seatName: '很长的席位名称超过十二个字了' }))).toMatch(
      /席位名称不能超过12字/,
    );
    expect(message(await from(s.handlers, 'seat-nobody')('seats:set-name', { seatName: '值班席二' }))).toMatch(
      /请先登录/,
    );
    expect(value<SeatInfo>(await a('seats:get')).seatName).toBe('值班席一');
    await s.close();
  });

  it('an edit based on an older version is refused with the message and changes nothing; the first edit stays', async () => {
    const { s, a, b } = await room(tempDir());
    const created = value<IncidentDetail>(await a('incidents:create', ENV_INPUT));
    expect(created.version).toBe(1);
    // Both seats open the incident at version 1; A saves first.
    const first = value<IncidentDetail>(
      await a('incidents:update', {
        id: created.id,
        version: 1,
        patch: { facts: { poisonedOrInjured: 20 }, reason: '县局续报' },
      }),
    );
    expect(first.version).toBe(2);
    const stale = await b('incidents:update', {
      id: created.id,
      version: 1,
      patch: { facts: { poisonedOrInjured: 5 }, levelOverride: '较大', reason: '带班领导核实' },
    });
    expect(stale.ok).toBe(false);
    expect(message(stale)).toBe(STALE_EDIT_MESSAGE);
    if (!stale.ok) expect(stale.error.code).toBe('conflict');
    const after = value<IncidentDetail>(await b('incidents:get', { id: created.id }));
    expect(after.facts).toEqual({ deaths: 0, poisonedOrInjured: 20 });
    expect(after.levelOverride).toBeNull();
    expect(after.version).toBe(2);
    expect(after.timeline.filter((e) => e.kind === 'update' || e.kind === 'level')).toHaveLength(1);
    // From the version it now shows, the second officer's edit goes through.
    const second = value<IncidentDetail>(
      await b('incidents:update', {
        id: created.id,
        version: 2,
        patch: { facts: { poisonedOrInjured: 5 }, reason: '带班领导核实' },
      }),
    );
    expect(second.facts).toEqual({ deaths: 0, poisonedOrInjured: 5 });
    expect(second.version).toBe(3);
    // Any change to the incident's row is a new version: a status change too.
    const verified = value<IncidentDetail>(await a('incidents:set-status', { id: created.id, status: '核实中' }));
    expect(verified.version).toBe(4);
    expect(message(await b('incidents:update', { id: created.id, version: 3, patch: { narrative: '旧稿' } }))).toBe(
      STALE_EDIT_MESSAGE,
    );
    // A version that is not a positive whole number is bad input, named in Chinese.
    expect(message(await b('incidents:update', { id: created.id, version: 0, patch: { narrative: 'x' } }))).toMatch(
      /版本/,
    );
    await s.close();
  });
});

describe('the wall display', () => {
  const tempDir = useTempDirs();

  it('a wall key issued by the administrator reads the wall board and nothing else; a new key or 停用 ends the old one', async () => {
    const { s, admin, a } = await room(tempDir());
    value(await a('seats:set-name', { seatName: '值班席一' }));
    value(await a('incidents:create', ENV_INPUT));
    expect(message(await a('wall:rotate-key'))).toMatch(/需要带班领导或管理员权限/);
    const issued = value<WallKeyIssued>(await admin('wall:rotate-key'));
    expect(issued.path).toBe(`/?wall=${issued.key}#/wall`);
    // Who issued it, by account too (issue 18, migration 0020).
    const issuer = await s.db.read(async (q) => ({
      key: await q.get('SELECT created_by, created_by_id FROM wall_keys WHERE revoked_at IS NULL'),
      admin: await q.get<{ id: number }>("SELECT id FROM accounts WHERE name = '系统管理员'"),
    }));
    expect(issuer.key).toEqual({ created_by: '系统管理员', created_by_id: issuer.admin?.id });
    const wall = from(s.handlers, `wall:${issued.key}`);
    const board = value<WallBoard>(await wall('wall:board'));
    expect(board.incidents.map((i) => [i.title, i.places, i.level])).toEqual([
      ['桑干河支流水体异常', ['山阴县'], '较大'],
    ]);
    expect(board.clocks.length).toBeGreaterThan(0);
    expect(board.duty).toEqual({ leader: '李堃', officer: '赵珺' });
    expect(board.seats).toEqual([{ seatName: '值班席一', officer: '赵珺' }]);
    for (const c of [
      'incidents:list',
      'incidents:get',
      'incidents:create',
      'alarms:ack',
      'auth:login',
      'settings:get',
    ]) {
      expect(message(await wall(c, {})), c).toMatch(/值班大屏只能查看大屏内容/);
    }
    expect(message(await from(s.handlers, `wall:${'x'.repeat(43)}`)('wall:board'))).toMatch(/密钥无效/);

    const next = value<WallKeyIssued>(await admin('wall:rotate-key'));
    expect(message(await wall('wall:board'))).toMatch(/密钥无效/);
    value(await from(s.handlers, `wall:${next.key}`)('wall:board'));
    value(await admin('wall:revoke-key'));
    expect(message(await from(s.handlers, `wall:${next.key}`)('wall:board'))).toMatch(/密钥无效/);
    await s.close();
  });

  it('a display seat marked by the host (the Electron wall window) needs no key; a display account sees the wall only', async () => {
    const { s, admin } = await room(tempDir());
    s.seats.markDisplay('electron:run:7');
    const win = from(s.handlers, 'electron:run:7');
    expect(value<WallBoard>(await win('wall:board')).incidents).toEqual([]);
    expect(message(await win('incidents:list', {}))).toMatch(/值班大屏只能查看大屏内容/);
    value(await admin('accounts:create', { name: '大屏', role: '显示', phone: '', password: PW }));
    const shown = from(s.handlers, 'seat-screen');
    value(await shown('auth:login', { name: '大屏', password: PW }));
    value(await shown('wall:board'));
    expect(message(await shown('clocks:upcoming'))).toMatch(/显示账户只能查看值班大屏/);
    await s.close();
  });
});
