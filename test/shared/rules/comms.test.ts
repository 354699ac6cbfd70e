import { describe, expect, it } from 'vitest';
import { gradeIncident, reportingClocks } from '../../../shared/rules';
import type { CommsFacts, ResponseLevel } from '../../../shared/rules';

describe('4.3.1 / 4.4.1 response levels (only 二级 and 一级, 4.2)', () => {
  const rows: [CommsFacts, ResponseLevel | null, string | null][] = [
    [{}, null, null],
    [{ countiesAffected: 0 }, null, null],
    [{ countiesAffected: 1 }, '二级', '4.3.1'],
    [{ countiesAffected: 2 }, '一级', '4.4.1'],
    [{ countiesAffected: 7 }, '一级', '4.4.1'],
    [{ countiesAffected: 1, beyondCountyCapacity: true }, '一级', '4.4.1'],
    [{ beyondCountyCapacity: true }, '一级', '4.4.1'],
    [{ beyondCountyCapacity: false, countiesAffected: 1 }, '二级', '4.3.1'],
  ];
  it.each(rows)('%j → %s', (facts, response, clause) => {
    const g = gradeIncident({ plan: 'comms', facts });
    expect(g.level).toBeNull(); // the plan grades no levels; its scope is 较大以上 (1.3)
    expect(g.response).toBe(response);
    if (clause) expect(g.responseReasons.map((r) => r.clause)).toContain(clause);
    else expect(g.responseReasons).toEqual([]);
  });
});

describe('4.1 reporting: 40-minute phone report and 1-hour written report from the event', () => {
  const OCC = '2021-09-02T14:00:00+08:00';
  const REC = '2021-09-02T14:25:00+08:00';
  it.each([null, '较大', '重大', '特别重大'] as const)('level %s', (level) => {
    const cs = reportingClocks({ plan: 'comms', level, occurredAt: OCC, receivedAt: REC });
    expect(cs.map((c) => c.id)).toEqual(['comms.phone', 'comms.written']);
    const [phone, written] = cs;
    expect(phone).toMatchObject({
      minutes: 40,
      channel: 'phone',
      anchor: 'occurred',
      clause: '4.1',
      optional: true,
      to: '市指挥部办公室（市工信局）',
    });
    expect(written).toMatchObject({
      minutes: 60,
      channel: 'written',
      anchor: 'occurred',
      clause: '4.1',
      optional: true,
    });
    expect(phone!.startsAt).toBe('2021-09-02T06:00:00.000Z');
    expect(phone!.dueAt).toBe('2021-09-02T06:40:00.000Z');
    expect(written!.dueAt).toBe('2021-09-02T07:00:00.000Z');
    expect(phone!.citation).toBe('依据《朔州市通信保障应急预案》4.1');
    expect(phone!.document).toBe('朔政办发〔2021〕40号');
  });

  it('an event set to 一般 is outside the plan (1.3)', () => {
    expect(reportingClocks({ plan: 'comms', level: '一般', occurredAt: OCC, receivedAt: REC })).toEqual([]);
  });
});
