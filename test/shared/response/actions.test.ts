import { describe, expect, it } from 'vitest';
import { PLANS, type ChecklistPlanId } from '../../../shared/plans';
import {
  ALL_RESPONSE_LEVELS,
  ITEM_PREFIX,
  actionChecklist,
  allActionItems,
  responseLevelInfo,
  type ResponseLevel,
} from '../../../shared/response';
import { clauseSpan, quotedIn, refsOf } from './gazette-text';

const PLAN_IDS: ChecklistPlanId[] = ['comms', 'radiation', 'environment'];

describe('action items quote the gazette, clause by clause', () => {
  const rows = PLAN_IDS.flatMap((plan) => allActionItems(plan).map((item) => [plan, item.id, item] as const));
  it.each(rows)('%s %s', (plan, _id, item) => {
    for (const ref of refsOf(item.clause)) {
      expect(quotedIn(plan, ref, item.text), `${item.id} in ${PLANS[plan].document} ${ref}`).toBe(true);
    }
    if (item.when) {
      const base = refsOf(item.clause)[0]!;
      expect(quotedIn(plan, base, item.when), `${item.id} condition`).toBe(true);
    }
    expect(item.document).toBe(PLANS[plan].document);
    expect(item.citation).toBe(`依据《${PLANS[plan].name}》${item.clause}`);
  });

  it('ids are unique and carry the plan prefix', () => {
    for (const plan of PLAN_IDS) {
      const ids = allActionItems(plan).map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id.startsWith(`${ITEM_PREFIX[plan]}.`)).toBe(true);
    }
  });

  it('the quote check itself rejects text from another plan or clause', () => {
    // Plan C 5.3.2(7) text is not in plan B 4.3.2(7), and B 4.3.2(7) is not in B 4.3.2(8).
    expect(quotedIn('radiation', '4.3.2(7)', '配合省生态环境厅开展事件调查')).toBe(false);
    expect(quotedIn('radiation', '4.3.2(8)', '配合省生态环境厅开展较大辐射事故调查工作')).toBe(false);
    expect(quotedIn('environment', '5.3.2(7)', '配合省生态环境厅开展事件调查')).toBe(true);
    expect(clauseSpan('comms', '4.8')).toContain('核心业务节点等运行稳定');
  });
});

/** Expected numbered items per plan and level, read off the gazette. */
const EXPECTED: [ChecklistPlanId, ResponseLevel, string[]][] = [
  ['comms', '二级', ['4.3.3(1)', '4.3.3(2)', '4.3.3(3)、4.4.3']],
  ['comms', '一级', ['4.4.3', '4.3.3(3)、4.4.3']],
  ['radiation', '四级', ['4.3.1']],
  [
    'radiation',
    '三级',
    ['4.3.2(1)', '4.3.2(2)', '4.3.2(3)', '4.3.2(4)', '4.3.2(5)', '4.3.2(6)', '4.3.2(7)', '4.3.2(8)', '4.3.2(9)'],
  ],
  ['radiation', '二级', ['4.3.3、4.3.4']],
  ['radiation', '一级', ['4.3.3、4.3.4']],
  ['environment', '四级', ['5.3.1']],
  [
    'environment',
    '三级',
    [
      '5.3.2(1)',
      '5.3.2(2)',
      '5.3.2(3)',
      '5.3.2(4)',
      '5.3.2(5)',
      '5.3.2(6)',
      '5.3.2(7)',
      '5.3.2(8)',
      '5.3.2(9)',
      '5.3.2(10)',
    ],
  ],
  ['environment', '二级', ['5.3.3', '5.3.3(1)', '5.3.3(2)、5.3.4(2)', '5.3.3(3)、5.3.4(3)']],
  ['environment', '一级', ['5.3.4', '5.3.4(1)', '5.3.3(2)、5.3.4(2)', '5.3.3(3)、5.3.4(3)']],
];

describe('checklist per plan and level', () => {
  it.each(EXPECTED)('%s %s covers its level clause item by item', (plan, level, clauses) => {
    const list = actionChecklist(plan, level);
    const got = new Set(list.map((i) => i.clause));
    for (const c of clauses) expect(got, c).toContain(c);
  });

  it.each(EXPECTED)('%s %s includes the first-response duty and the measures', (plan, level) => {
    const list = actionChecklist(plan, level);
    const first = { comms: '4.5', radiation: '4.2', environment: '5.2' }[plan];
    expect(list.filter((i) => i.clause === first).length).toBeGreaterThan(0);
    expect(list.filter((i) => i.firstResponse).every((i) => i.clause === first)).toBe(true);
    if (plan === 'radiation') {
      for (const c of ['4.4.1(1)', '4.4.1(2)', '4.4.1(3)', '4.4.2(1)', '4.4.3', '4.4.4', '4.4.5']) {
        expect(list.map((i) => i.clause)).toContain(c);
      }
    }
    if (plan === 'environment') {
      for (const c of ['5.4.1', '5.4.2', '5.4.3', '5.4.4', '5.4.5', '5.4.6', '5.4.7']) {
        expect(list.map((i) => i.clause)).toContain(c);
      }
    }
  });

  it('level-specific items do not leak into other levels', () => {
    expect(actionChecklist('environment', '四级').some((i) => i.clause.startsWith('5.3.2'))).toBe(false);
    expect(actionChecklist('environment', '三级').some((i) => i.clause.startsWith('5.3.3'))).toBe(false);
    expect(actionChecklist('radiation', '三级').some((i) => i.clause.startsWith('4.3.1'))).toBe(false);
    expect(actionChecklist('comms', '一级').some((i) => i.clause === '4.3.3(1)')).toBe(false);
    expect(actionChecklist('environment', '三级')).toHaveLength(
      allActionItems('environment').filter((i) => i.levels.includes('三级')).length,
    );
  });

  it('each item names its responsible unit, with the roster group where the gazette has one', () => {
    for (const plan of PLAN_IDS) for (const i of allActionItems(plan)) expect(i.unit, i.id).toBeTruthy();
    const monitoring = allActionItems('environment').find((i) => i.id === 'env.5.4.4')!;
    expect(monitoring.group).toEqual({ name: '应急监测组', leader: '市生态环境局副局长', clause: '附件3' });
    const tech = allActionItems('radiation').find((i) => i.id === 'rad.4.4.4.1')!;
    expect(tech.group?.name).toBe('技术组');
  });

  it('refuses a level the plan does not define, and bad input', () => {
    expect(() => actionChecklist('comms', '三级')).toThrow(/只设二级、一级/);
    expect(() => actionChecklist('comms', '四级')).toThrow(/responseLevel/);
    // a deliberately invalid input for the refusal test
    expect(() => actionChecklist('fire' as ChecklistPlanId, '三级')).toThrow(/plan/);
    expect(() => actionChecklist('environment', '五级' as ResponseLevel)).toThrow(/responseLevel/);
  });

  it('describes who leads each level', () => {
    expect(responseLevelInfo('environment', '四级').lead).toContain('县（市、区）人民政府');
    expect(responseLevelInfo('radiation', '三级').citation).toBe('依据《朔州市辐射事故应急预案》4.3.2');
    expect(responseLevelInfo('comms', '一级').lead).toBe('市指挥部组织应对');
    for (const plan of PLAN_IDS) {
      for (const level of PLANS[plan].responseLevels) expect(responseLevelInfo(plan, level).level).toBe(level);
    }
    expect(ALL_RESPONSE_LEVELS).toHaveLength(4);
  });
});
