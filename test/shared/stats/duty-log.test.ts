import { describe, expect, it } from 'vitest';
import {
  clockSummary,
  compileDutyLog,
  groupByDutyDay,
  receivedSummary,
  type DutyEvent,
} from '../../../shared/stats/duty-log';

const I1 = { incidentId: 11, incidentTitle: '应县某化工厂泄漏' };
const I2 = { incidentId: 12, incidentTitle: '平鲁区通信光缆中断' };

const events: DutyEvent[] = [
  { at: '2025-10-02T08:30:00+08:00', kind: '状态', ...I2, text: '响应中', officer: '刘洋' },
  {
    at: '2025-10-01T08:29:00+08:00',
    kind: '接报',
    incidentId: 10,
    incidentTitle: '前一日事件',
    text: '接报',
    officer: '周敏',
  },
  { at: '2025-10-01T09:10:00+08:00', kind: '去电', ...I1, text: '致电应县应急局核实', officer: '张伟' },
  { at: '2025-10-01T09:00:00+08:00', kind: '接报', ...I1, text: '应县应急局电话报告', officer: '张伟' },
  { at: '2025-10-01T09:40:00+08:00', kind: '报告', ...I1, text: '电话报告市政府总值班室', officer: '张伟' },
  { at: '2025-10-01T12:00:00+08:00', kind: '来电', text: '省厅询问假日值班安排', officer: '张伟' },
  {
    at: '2025-10-01T18:00:00+08:00',
    kind: '时限',
    ...I1,
    text: '书面报告按时报送',
    officer: '张伟',
    clockOutcome: 'onTime',
  },
  { at: '2025-10-01T20:00:00+08:00', kind: '备注', text: '夜间巡查正常', officer: '张伟' },
  { at: '2025-10-01T23:30:00+08:00', kind: '接报', ...I2, text: '移动公司报告光缆中断', officer: '张伟' },
  { at: '2025-10-02T00:20:00+08:00', kind: '报告', ...I2, text: '电话报告市工信局', officer: '张伟' },
  // 17:00 UTC is 01:00 on 2 October in Shuozhou: still the duty day of 1 October.
  { at: '2025-10-01T17:00:00Z', kind: '批示', ...I2, text: '王建国：尽快抢修，及时续报', officer: '张伟' },
  { at: '2025-10-02T08:29:59+08:00', kind: '时限', ...I2, text: '书面报告迟报', officer: '张伟', clockOutcome: 'late' },
];

describe('compileDutyLog', () => {
  it('compiles a duty day whose incident spans midnight, each event in the day it happened', () => {
    const log = compileDutyLog({ day: '2025-10-01', events, duty: [{ leader: '王建国', officer: '张伟' }] });
    expect(log.start).toBe('2025-10-01T08:30:00+08:00');
    expect(log.end).toBe('2025-10-02T08:30:00+08:00');
    expect(log.startLabel).toBe('2025-10-01 08:30');
    expect(log.duty).toEqual([{ leader: '王建国', officer: '张伟' }]);
    const titles = Object.fromEntries(log.sections.map((s) => [s.title, s.rows.map((r) => `${r.time} ${r.text}`)]));
    expect(titles).toEqual({
      '一、接报情况': ['09:00 应县应急局电话报告', '23:30 移动公司报告光缆中断'],
      '二、电话记录': ['09:10 致电应县应急局核实', '12:00 省厅询问假日值班安排'],
      '三、信息报送': ['09:40 电话报告市政府总值班室', '次日 00:20 电话报告市工信局'],
      '四、领导批示': ['次日 01:00 王建国：尽快抢修，及时续报'],
      '五、报告时限及告警确认': ['18:00 书面报告按时报送', '次日 08:29 书面报告迟报'],
      '六、处置进展': [],
      '七、交接班及其他': ['20:00 夜间巡查正常'],
      '八、预警发布与解除': [],
    });
    expect(log.sections[0]?.rows[1]).toMatchObject({
      incidentId: '12',
      incidentTitle: '平鲁区通信光缆中断',
      kind: '接报',
      officer: '张伟',
    });
    expect(log.counts).toMatchObject({
      total: 10,
      incidentsReceived: 2,
      incidentsTouched: 2,
      calls: 2,
      reports: 2,
      instructions: 1,
      clocksOnTime: 1,
      clocksLate: 1,
      clocksMissed: 0,
      drillsReceived: 0,
      drillClocks: 0,
    });
    expect(log.counts.byKind['接报']).toBe(2);
  });

  it('lists a drill with its clocks but counts neither among the incidents and clocks, and says so', () => {
    const drill = { incidentId: 13, incidentTitle: '应急演练（YL2025-0001）【演练】', drill: true };
    const log = compileDutyLog({
      day: '2025-10-01',
      events: [
        ...events,
        { at: '2025-10-01T10:00:00+08:00', kind: '接报', ...drill, text: '演练接报', officer: '张伟' },
        { at: '2025-10-01T11:00:00+08:00', kind: '时限', ...drill, text: '漏报', officer: '', clockOutcome: 'missed' },
        {
          at: '2025-10-01T11:30:00+08:00',
          kind: '时限',
          ...drill,
          text: '迟报',
          officer: '张伟',
          clockOutcome: 'late',
        },
      ],
    });
    expect(log.counts).toMatchObject({
      incidentsReceived: 2,
      drillsReceived: 1,
      incidentsTouched: 3,
      clocksOnTime: 1,
      clocksLate: 1,
      clocksMissed: 0,
      drillClocks: 2,
    });
    // Listed all the same, each in its section.
    expect(log.sections.flatMap((x) => x.rows).filter((r) => r.incidentId === '13')).toHaveLength(3);
    expect(receivedSummary(log.counts)).toBe('接报事件2起，另有演练1起（涉及事件3起）');
    expect(clockSummary(log.counts)).toBe(
      '本值班室：按时1项、迟报1项、漏报0项；督促他方：按时0项、迟报0项、未报0项（演练2项不计）',
    );
    const plain = compileDutyLog({ day: '2025-10-01', events });
    expect(receivedSummary(plain.counts)).toBe('接报事件2起（涉及事件2起）');
    expect(clockSummary(plain.counts)).toBe('本值班室：按时1项、迟报1项、漏报0项；督促他方：按时0项、迟报0项、未报0项');
  });

  it('gives the morning after midnight to the earlier day and 08:30 onwards to the next', () => {
    const next = compileDutyLog({ day: '2025-10-02', events });
    expect(next.counts.total).toBe(1);
    expect(next.sections.find((s) => s.key === 'progress')?.rows[0]?.time).toBe('08:30');
    const before = compileDutyLog({ day: '2025-09-30', events });
    expect(before.sections[0]?.rows.map((r) => r.time)).toEqual(['次日 08:29']);
  });

  it('groups events by duty day consistently with compileDutyLog', () => {
    const groups = groupByDutyDay(events);
    expect([...groups.keys()].sort()).toEqual(['2025-09-30', '2025-10-01', '2025-10-02']);
    expect(groups.get('2025-10-01')).toHaveLength(10);
  });

  it('rejects unknown kinds and bad times naming the field', () => {
    expect(() =>
      // an index inside the fixture array; '杂项' is a deliberately invalid kind
      compileDutyLog({ day: '2025-10-01', events: [{ ...(events[2] as DutyEvent), kind: '杂项' as never }] }),
    ).toThrow(/events\[0\]\.kind/);
    expect(() =>
      // an index inside the fixture array (noUncheckedIndexedAccess)
      compileDutyLog({ day: '2025-10-01', events: [{ ...(events[2] as DutyEvent), at: '10月1日' }] }),
    ).toThrow(/events\[0\]\.at/);
    expect(() => compileDutyLog({ day: '2025/10/01', events: [] })).toThrow(/day/);
  });
});
