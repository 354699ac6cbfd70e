/** 朔州市通信保障应急预案 (朔政办发〔2021〕40号): response levels (4.3.1, 4.4.1) and reporting (4.1). */
import type { ClockSpec } from './clock-builder';
import type { ResponseCriterion } from './criteria';
import { monitored } from './owners';
import type { CommsFacts as F, Level } from './types';

/** 4.3.1 / 4.4.1 响应条件 (the plan sets only 二级 and 一级, 4.2). */
export const COMMS_RESPONSE_CRITERIA: readonly ResponseCriterion<F>[] = [
  {
    response: '一级',
    clause: '4.4.1',
    text: '执行应急通信保障任务过程中，在本市范围内涉及两个以上县级行政区域，由市指挥部组织应对',
    test: (f) => (f.countiesAffected ?? 0) >= 2,
  },
  {
    response: '一级',
    clause: '4.4.1',
    text: '超出一个县（市、区）应急通信保障能力，由市指挥部组织应对',
    test: (f) => !!f.beyondCountyCapacity,
  },
  {
    response: '二级',
    clause: '4.3.1',
    text: '执行应急通信保障任务过程中，在本市范围内不涉及两个以上县级行政区域的，由县（市、区）指挥部组织应对',
    test: (f) => f.countiesAffected === 1 && !f.beyondCountyCapacity,
  },
];

/** 4.1: 较大（以上, 1.3）通信突发事件 — emergency reports counted from the event (发生后). */
export function commsClockSpecs(level: Level | null): ClockSpec[] {
  // The plan covers 较大以上 events only (1.3); an event set to 一般 falls outside it.
  if (level === '一般') return [];
  const common = {
    from: '通信企业和相关成员单位',
    to: '市指挥部办公室（市工信局）',
    clause: '4.1',
    anchor: 'occurred' as const,
    optional: true,
    owner: monitored('通信企业和相关成员单位'),
  };
  return [
    { ...common, id: 'comms.phone', title: '紧急情况电话报告', minutes: 40, window: '40分钟内', channel: 'phone' },
    {
      ...common,
      id: 'comms.written',
      title: '紧急情况书面报送信息',
      minutes: 60,
      window: '1小时内',
      channel: 'written',
    },
  ];
}
