import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/ipc/dispatch';
import { useTempDirs } from '../../helpers/temp-dir';
import { ENV_INPUT, makeServices } from '../../helpers/services';

describe('IPC dispatch: bad input gets a clear error and changes nothing', () => {
  const tempDir = useTempDirs();
  const quiet = () => undefined;

  const cases: [string, [string, unknown], RegExp][] = [
    ['unknown channel', ['incidents:drop-table', {}], /未知的调用/],
    ['missing title', ['incidents:create', { ...ENV_INPUT, title: '' }], /事件标题/],
    ['unknown category', ['incidents:create', { ...ENV_INPUT, category: 'alien' }], /类别/],
    ['no place', ['incidents:create', { ...ENV_INPUT, places: [] }], /地点/],
    ['time without offset', ['incidents:create', { ...ENV_INPUT, occurredAt: '2026-11-29 10:00' }], /ISO 8601/],
    ['impossible date', ['incidents:create', { ...ENV_INPUT, occurredAt: '2026-02-30T10:00:00+08:00' }], /时间/],
    [
      'received before occurred',
      ['incidents:create', { ...ENV_INPUT, receivedAt: '2026-11-28T00:00:00.000Z' }],
      /接报时间不能早于发生时间/,
    ],
    [
      'letters for a phone',
      ['incidents:create', { ...ENV_INPUT, reporterPhone: 'abc123' }],
      /联系电话格式不正确：abc123/,
    ],
    [
      'letters for a phone in an edit',
      ['incidents:update', { id: 1, patch: { reporterPhone: '找王科长' } }],
      /联系电话格式不正确/,
    ],
    [
      'a report sent in the future',
      [
        'clocks:complete',
        {
          incidentId: 1,
          clockId: 'env.county-dept-to-gov',
          completedAt: '2026-11-29T03:00:00.000Z',
          channel: '电话',
          recipientUnit: '山阴县人民政府',
          recipientName: '王镕',
        },
      ],
      /报送时间不能晚于当前时间/,
    ],
    ['negative count', ['incidents:create', { ...ENV_INPUT, facts: { deaths: -1 } }], /事件要素有误/],
    ['non-numeric count', ['incidents:create', { ...ENV_INPUT, facts: { deaths: '三' } }], /事件要素有误/],
    ['not an object', ['incidents:create', 'DROP TABLE incidents'], /输入有误/],
    ['instruction without its leader', ['incidents:add-note', { id: 1, kind: '领导批示', text: '办' }], /批示领导/],
    ['void without reason', ['incidents:void-entry', { incidentId: 1, entryId: 1, reason: '' }], /作废原因/],
    ['unknown status', ['incidents:set-status', { id: 1, status: '删除' }], /状态/],
    ['settings out of range', ['settings:set', { dueSoonMinutes: 0 }], /提前提醒/],
    ['extra settings key', ['settings:set', { evil: true }], /输入有误/],
  ];

  it.each(cases)('%s', async (_name, [channel, input], message) => {
    const s = await makeServices(tempDir(), { now: () => new Date('2026-11-29T02:00:00.000Z') });
    await s.incidents.setDuty({ leader: '甲', officer: '乙' });
    // Every table a refused call could have touched, whatever columns later migrations add.
    const snapshot = () =>
      s.db.read(async (q) => ({
        incidents: await q.all('SELECT * FROM incidents ORDER BY id'),
        timeline: await q.all('SELECT * FROM timeline_entries ORDER BY id'),
      }));
    const before = await snapshot();
    const res = await dispatch(s.handlers, channel, input, quiet);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(message);
    const after = await snapshot();
    expect(after).toEqual(before);
    await s.close();
  });

  it('returns field paths for forms', async () => {
    const s = await makeServices(tempDir());
    const res = await dispatch(s.handlers, 'incidents:create', { ...ENV_INPUT, title: '' }, quiet);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.issues?.map((i) => i.path)).toContain('title');
    await s.close();
  });

  it('passes valid input through to the service', async () => {
    const s = await makeServices(tempDir(), { now: () => new Date('2026-11-29T02:00:00.000Z') });
    await s.incidents.setDuty({ leader: '甲', officer: '乙' });
    const res = await dispatch(s.handlers, 'incidents:create', ENV_INPUT, quiet);
    expect(res.ok).toBe(true);
    expect(await s.incidents.list({ drills: 'include' })).toHaveLength(1);
    await s.close();
  });

  it('stores an instant sent with +08:00 as UTC, so the board and the day ranges order it by its real time', async () => {
    const s = await makeServices(tempDir(), { now: () => new Date('2026-11-29T02:00:00.000Z') });
    await s.incidents.setDuty({ leader: '甲', officer: '乙' });
    // 09:10 Beijing time is 01:10Z: received before the UTC-sent incident at 01:20Z.
    const beijing = await dispatch(
      s.handlers,
      'incidents:create',
      {
        ...ENV_INPUT,
        title: '北京时间报送',
        occurredAt: '2026-11-29T09:00:00+08:00',
        receivedAt: '2026-11-29T09:10:00+08:00',
      },
      quiet,
    );
    expect(beijing.ok).toBe(true);
    const utc = await dispatch(s.handlers, 'incidents:create', ENV_INPUT, quiet);
    expect(utc.ok).toBe(true);
    const stored = await s.db.read((q) =>
      q.all<{ title: string; occurred_at: string; received_at: string }>(
        'SELECT title, occurred_at, received_at FROM incidents ORDER BY received_at DESC',
      ),
    );
    expect(stored).toEqual([
      { title: ENV_INPUT.title, occurred_at: ENV_INPUT.occurredAt, received_at: ENV_INPUT.receivedAt },
      { title: '北京时间报送', occurred_at: '2026-11-29T01:00:00.000Z', received_at: '2026-11-29T01:10:00.000Z' },
    ]);
    expect((await s.incidents.list({ drills: 'include' })).map((i) => i.title)).toEqual([
      ENV_INPUT.title,
      '北京时间报送',
    ]);
    await s.close();
  });
});
