import { describe, expect, it } from 'vitest';
import { gradeIncident, reportingClocks } from '../../../shared/rules';

const OCC = '2021-10-01T13:00:00+08:00';
const REC = '2021-10-01T13:10:00+08:00';

describe('〔2021〕44号 三、（一）1: brigade assembles within 10 minutes of the firefighting order', () => {
  it('anchors at the order given as an input', () => {
    const [c, ...rest] = reportingClocks({
      plan: 'forest_fire',
      occurredAt: OCC,
      receivedAt: REC,
      orderedAt: '2021-10-01T13:20:00+08:00',
    });
    expect(rest).toEqual([]);
    expect(c).toMatchObject({
      id: 'forest.brigade-assembly',
      minutes: 10,
      anchor: 'ordered',
      clause: '三、（一）1',
      document: '朔政办发〔2021〕44号',
    });
    expect(c!.startsAt).toBe('2021-10-01T05:20:00.000Z');
    expect(c!.dueAt).toBe('2021-10-01T05:30:00.000Z');
    expect(c!.citation).toBe('依据《朔州市全面加强森林草原防火专业队伍建设实施方案》三、（一）1');
  });

  it('or at the order time recorded in the facts; the input wins', () => {
    const fromFacts = reportingClocks({
      plan: 'forest_fire',
      facts: { orderedAt: '2021-10-01T13:15:00+08:00' },
      occurredAt: OCC,
      receivedAt: REC,
    });
    expect(fromFacts[0]!.startsAt).toBe('2021-10-01T05:15:00.000Z');
    const both = reportingClocks({
      plan: 'forest_fire',
      facts: { orderedAt: '2021-10-01T13:15:00+08:00' },
      orderedAt: '2021-10-01T13:16:00+08:00',
      occurredAt: OCC,
      receivedAt: REC,
    });
    expect(both[0]!.startsAt).toBe('2021-10-01T05:16:00.000Z');
  });

  it('no clock before an order is given', () => {
    expect(reportingClocks({ plan: 'forest_fire', facts: {}, occurredAt: OCC, receivedAt: REC })).toEqual([]);
  });

  it('grades nothing (the plan sets no levels)', () => {
    expect(gradeIncident({ plan: 'forest_fire', facts: {} })).toEqual({
      level: null,
      response: null,
      reasons: [],
      responseReasons: [],
      notices: [],
    });
  });

  it('refuses an impossible order time', () => {
    expect(() =>
      reportingClocks({
        plan: 'forest_fire',
        facts: { orderedAt: '2021-02-30T10:00:00+08:00' },
        occurredAt: OCC,
        receivedAt: REC,
      }),
    ).toThrow(/扑火指令/);
  });
});
