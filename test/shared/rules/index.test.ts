import { describe, expect, it } from 'vitest';
import { PLANS, PLAN_IDS } from '../../../shared/plans';
import {
  COMMS_RESPONSE_CRITERIA,
  ENV_IMMEDIATE,
  ENV_LEVEL_CRITERIA,
  ENV_RESPONSE_CRITERIA,
  ENV_SENSITIVE,
  RAD_LEVEL_CRITERIA,
  RAD_RESPONSE_CRITERIA,
  gradeIncident,
  reportingClocks,
  responseFor,
} from '../../../shared/rules';
import { GAZETTE_TEXT as GAZETTE } from '../../helpers/gazette';

// The gazette's layout adds spaces ("30 人以上", "I、II 类") and mixes ASCII and full-width punctuation.
const norm = (s: string) => s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '，');
const G = norm(GAZETTE);

describe('plan metadata comes from the gazette', () => {
  it.each(PLAN_IDS)('%s: name, document number, issue date and notice title', (id) => {
    const p = PLANS[id];
    expect(G).toContain(norm(p.name));
    expect(G).toContain(norm(p.notice));
    const at = GAZETTE.indexOf(`${p.document}\n`, GAZETTE.indexOf('朔州市人民政府办公室\n\n关于印发'));
    expect(at).toBeGreaterThan(0);
    const [y, m, d] = p.issuedOn.split('-').map(Number);
    expect(GAZETTE.slice(at, at + 400)).toContain(`${y}年${m}月${d}日`);
    expect(G).toContain(norm(p.leadAgency));
  });

  it('names the agencies that interpret the plans', () => {
    expect(G).toContain('本预案由朔州市工信局负责解释');
    expect(G.match(/本预案由朔州市生态环境局负责解释/g)).toHaveLength(2);
  });
});

describe('every criterion quotes the gazette', () => {
  const texts = [
    ...ENV_LEVEL_CRITERIA.map((c) => c.text),
    ...ENV_RESPONSE_CRITERIA.map((c) => c.text),
    ...ENV_SENSITIVE.map((c) => c.text),
    ...ENV_IMMEDIATE.map((c) => c.text),
    ...RAD_LEVEL_CRITERIA.map((c) =>
      c.text.replace('I、II类', 'I、II 类').replace('III类', 'III 类').replace('IV、V类', 'IV、V 类'),
    ),
  ];
  it.each(texts)('%s', (text) => {
    // 附件5 puts the column's "因环境污染" before the number ①.
    expect(G).toContain(norm(text.replace(/^因环境污染直接导致/, '因环境污染①直接导致')));
  });

  it('response texts of the radiation and comms plans are the gazette’s words', () => {
    for (const c of RAD_RESPONSE_CRITERIA) expect(G).toContain(norm(c.text));
    expect(G).toContain(norm('在本市范围内不涉及两个以上县级行政区域的'));
    expect(G).toContain(norm('在本市范围内涉及两个以上县级行政区域'));
    expect(G).toContain(norm('超出一个县（市、区）应急通信保障能力'));
    expect(COMMS_RESPONSE_CRITERIA).toHaveLength(3);
  });
});

describe('responseFor: the response level of an overridden level', () => {
  it('follows the level and the facts', () => {
    expect(responseFor('environment', '较大')).toBe('三级');
    expect(responseFor('environment', '一般', { waterProtectionZoneTier: 'city' })).toBe('一级');
    expect(responseFor('radiation', '重大')).toBe('二级');
    expect(responseFor('comms', null, { countiesAffected: 2 })).toBe('一级');
    expect(responseFor('forest_fire', null)).toBeNull();
    // a deliberately invalid input for the refusal test
    expect(() => responseFor('environment', '很大' as never)).toThrow(/事件级别/);
  });
});

describe('no input crashes it: bad input gets a clear Error', () => {
  const OK = { occurredAt: '2021-09-08T09:00:00+08:00', receivedAt: '2021-09-08T09:30:00+08:00' };
  const cases: [string, () => unknown, RegExp][] = [
    // a deliberately invalid input for the refusal test
    ['unknown plan (grade)', () => gradeIncident({ plan: 'flood' as never, facts: {} }), /plan（预案）无效/],
    ['unknown plan (clocks)', () => reportingClocks({ plan: 'flood' as never, ...OK }), /plan（预案）无效/],
    ['no argument', () => gradeIncident(undefined as never), /应为对象/],
    ['facts not an object', () => gradeIncident({ plan: 'environment', facts: 'x' as never }), /事件要素应为对象/],
    [
      'negative count',
      () => gradeIncident({ plan: 'environment', facts: { deaths: -1 } }),
      /死亡人数不能为负数（deaths）/,
    ],
    [
      'non-numeric count',
      // a deliberately invalid input for the refusal test
      () => gradeIncident({ plan: 'environment', facts: { deaths: '三' as never } }),
      /死亡人数应为数字/,
    ],
    [
      'fractional count',
      () => gradeIncident({ plan: 'radiation', facts: { acuteDeaths: 1.5 } }),
      /急性死亡人数应为整数/,
    ],
    ['NaN', () => gradeIncident({ plan: 'environment', facts: { evacuated: Number.NaN } }), /疏散/],
    ['Infinity', () => gradeIncident({ plan: 'environment', facts: { directLossYuan: Infinity } }), /直接经济损失/],
    [
      'negative money',
      () => gradeIncident({ plan: 'environment', facts: { directLossYuan: -5 } }),
      /直接经济损失不能为负数/,
    ],
    [
      'bad enum',
      // a deliberately invalid input for the refusal test
      () => gradeIncident({ plan: 'environment', facts: { waterSourceIntakeStopped: 'village' as never } }),
      /取水中断应为以下之一/,
    ],
    // a deliberately invalid input for the refusal test
    ['source class 6', () => gradeIncident({ plan: 'radiation', facts: { sourceClass: 6 as never } }), /放射源类别/],
    [
      'boolean as string',
      // a deliberately invalid input for the refusal test
      () => gradeIncident({ plan: 'radiation', facts: { leak: 'yes' as never } }),
      /放射性物质泄漏应为是或否/,
    ],
    ['unknown fact', () => gradeIncident({ plan: 'comms', facts: { deaths: 1 } }), /没有这些事件要素：deaths/],
    [
      'bad level',
      // a deliberately invalid input for the refusal test
      () => reportingClocks({ plan: 'environment', level: '严重' as never, ...OK }),
      /level（事件级别）无效/,
    ],
    [
      'missing occurredAt',
      // a deliberately invalid input for the refusal test
      () => reportingClocks({ plan: 'environment', receivedAt: OK.receivedAt } as never),
      /occurredAt/,
    ],
    [
      'impossible date',
      () => reportingClocks({ plan: 'environment', ...OK, occurredAt: '2021-02-30T09:00:00+08:00' }),
      /不存在的日期/,
    ],
    [
      'hour 24',
      () => reportingClocks({ plan: 'environment', ...OK, receivedAt: '2021-09-08T24:00:00+08:00' }),
      /不存在的日期或时刻/,
    ],
    ['no offset', () => reportingClocks({ plan: 'environment', ...OK, receivedAt: '2021-09-08T09:30:00' }), /须含时区/],
    ['not a date', () => reportingClocks({ plan: 'environment', ...OK, receivedAt: 'yesterday' }), /receivedAt/],
    [
      'number as date',
      // a deliberately invalid input for the refusal test
      () => reportingClocks({ plan: 'environment', ...OK, receivedAt: 1631064600000 as never }),
      /receivedAt.*ISO 8601/,
    ],
    [
      'received before occurred',
      () => reportingClocks({ plan: 'environment', ...OK, receivedAt: '2021-09-08T08:59:00+08:00' }),
      /接报时间）不能早于/,
    ],
    [
      'discovered before occurred',
      () => reportingClocks({ plan: 'radiation', ...OK, discoveredAt: '2021-09-07T09:00:00+08:00' }),
      /发现时间）不能早于/,
    ],
    [
      'response ended before occurred',
      () => reportingClocks({ plan: 'radiation', ...OK, responseEndedAt: '2021-09-01T09:00:00+08:00' }),
      /响应终止时间/,
    ],
    [
      'bad done time',
      () => reportingClocks({ plan: 'environment', ...OK, done: { 'env.city-gov-to-province': { at: 'soon' } } }),
      /done\.env\.city-gov-to-province\.at/,
    ],
    [
      'bad done channel',
      () =>
        // a deliberately invalid input for the refusal test
        reportingClocks({ plan: 'environment', ...OK, done: { x: { at: OK.receivedAt, channel: 'pigeon' as never } } }),
      /报送方式/,
    ],
    // a deliberately invalid input for the refusal test
    ['done not an object', () => reportingClocks({ plan: 'environment', ...OK, done: [] as never }), /done/],
  ];
  it.each(cases)('%s', (_n, run, message) => {
    expect(run).toThrow(Error);
    expect(run).toThrow(message);
  });

  it('accepts null for absent optional times and ignores completions of unknown clocks', () => {
    const cs = reportingClocks({
      plan: 'radiation',
      level: '一般',
      ...OK,
      // a deliberately invalid input for the refusal test
      discoveredAt: null as never,
      responseEndedAt: null as never,
      done: { 'old.clock': { at: OK.receivedAt } },
    });
    expect(cs.map((c) => c.id)).toContain('rad.unit-written');
  });
});

describe('times', () => {
  it('accepts any offset and returns UTC ISO strings', () => {
    const a = reportingClocks({
      plan: 'comms',
      occurredAt: '2021-09-02T14:00:00+08:00',
      receivedAt: '2021-09-02T06:10:00Z',
    });
    const b = reportingClocks({
      plan: 'comms',
      occurredAt: '2021-09-02T01:00:00-05:00',
      receivedAt: '2021-09-02T06:10:00.000Z',
    });
    expect(a[0]!.startsAt).toBe('2021-09-02T06:00:00.000Z');
    expect(b).toEqual(a);
  });

  it('returns clocks ordered by deadline with unique ids', () => {
    const cs = reportingClocks({
      plan: 'environment',
      level: '重大',
      occurredAt: '2021-09-08T09:00:00+08:00',
      receivedAt: '2021-09-08T09:30:00+08:00',
      done: { 'env.city-gov-to-province': { at: '2021-09-08T09:40:00+08:00', channel: 'phone' } },
    });
    const dues = cs.map((c) => Date.parse(c.dueAt));
    expect([...dues].sort((x, y) => x - y)).toEqual(dues);
    expect(new Set(cs.map((c) => c.id)).size).toBe(cs.length);
  });
});
