import { describe, expect, it } from 'vitest';
import { buildCallList, COUNTY_GOVERNMENT, type CallListItem } from '../../../shared/rosters/call-list';
import { ECO_HQ, SEED_ROSTERS, findUnitById } from '../../../shared/rosters/seed/index';

const ids = (items: CallListItem[], kind: CallListItem['targetKind']) =>
  items.filter((i) => i.targetKind === kind).map((i) => i.targetId);

/** Every roster target must exist in its roster, so a call list never points at nothing. */
function assertResolvable(items: CallListItem[]): void {
  items.forEach((item, index) => {
    expect(item.order).toBe(index + 1);
    expect(item.citation).toMatch(/^依据《.+》.+/);
    expect(item.label).toMatch(/：/);
    if (item.targetKind === 'person' || item.targetKind === 'group') {
      const roster = SEED_ROSTERS.find((r) => r.id === item.rosterId);
      const pool =
        item.targetKind === 'person'
          ? [...(roster?.leaders ?? []), ...(roster?.members ?? [])]
          : (roster?.groups ?? []);
      expect(
        pool.map((x) => x.id),
        item.label,
      ).toContain(item.targetId);
    }
    if (item.targetKind === 'unit' || item.targetKind === 'county') {
      expect(findUnitById(item.targetId ?? ''), item.label).toBeDefined();
    }
  });
}

describe('buildCallList: plan C (朔政办发〔2021〕43号)', () => {
  it('三级: office, commander, the county, and the groups 5.3.2 activates, in that order', () => {
    const items = buildCallList({ plan: 'environment', response: '三级', places: ['山阴县'] });
    assertResolvable(items);
    expect(items[0]?.targetKind).toBe('office');
    expect(items[0]?.clause).toBe('5.3.2');
    expect(items[1]).toMatchObject({ targetKind: 'person', targetId: 'commander' });
    // Only the county affected: no 开发区管委会 for an incident in 山阴县.
    expect(ids(items, 'county')).toEqual(['gov-shanyin']);
    const groups = items.filter((i) => i.targetKind === 'group');
    expect(groups.filter((g) => !g.conditional).map((g) => g.targetId)).toEqual([
      'c-general',
      'c-experts',
      'c-pollution',
      'c-monitoring',
      'c-investigation',
      'c-logistics',
      'c-publicity',
    ]);
    expect(groups.filter((g) => g.conditional).map((g) => g.targetId)).toEqual(['c-medical', 'c-stability']);
    // Plan B's field groups do not belong to a plan C call list.
    expect(groups.some((g) => g.targetId?.startsWith('b-'))).toBe(false);
    expect(items.find((i) => i.targetId === 'c-experts')?.citation).toBe(
      '依据《朔州市突发环境事件应急预案》5.3.2(2)、附件3',
    );
  });

  it('四级: the county government leads, the HQ office supports on request (5.3.1)', () => {
    const items = buildCallList({ plan: 'environment', response: '四级', places: ['应县', '怀仁市'] });
    expect(items.map((i) => i.targetKind)).toEqual(['county', 'county', 'office']);
    expect(ids(items, 'county')).toEqual(['gov-yingxian', 'gov-huairen']);
    expect(items.every((i) => i.clause === '5.3.1')).toBe(true);
  });

  it('二级/一级: the commander reports to the general HQ and the province (5.3.3, 5.3.4)', () => {
    for (const [response, clause] of [
      ['二级', '5.3.3'],
      ['一级', '5.3.4'],
    ] as const) {
      const items = buildCallList({ plan: 'environment', response, places: ['朔城区'] });
      assertResolvable(items);
      const external = items.filter((i) => i.targetKind === 'external').map((i) => i.label);
      expect(external.some((l) => l.startsWith('市应急救援总指挥部总指挥'))).toBe(true);
      expect(external.some((l) => l.startsWith('山西省人民政府'))).toBe(true);
      expect(items[1]?.clause).toBe(clause);
    }
  });

  it('lists 朔州经济开发区管委会 once when the development zone is the place', () => {
    const items = buildCallList({ plan: 'environment', response: '三级', places: ['朔州经济开发区'] });
    expect(ids(items, 'county')).toEqual(['dev-zone']);
    const both = buildCallList({ plan: 'radiation', response: '三级', places: ['应县', '朔州经济开发区'] });
    expect(ids(both, 'county')).toEqual(['dev-zone', 'gov-yingxian']);
  });

  it('names each target without its reason, so a recorded call needs no nested brackets', () => {
    const items = buildCallList({ plan: 'environment', response: '三级', places: ['山阴县'] });
    for (const i of items) expect(i.label.startsWith(`${i.target}：`), i.label).toBe(true);
    const group = items.find((i) => i.targetKind === 'group');
    expect(group?.target).toMatch(/^[^（]+组（组长：[^（）]+）$/);
  });
});

describe('buildCallList: plan B (朔政办发〔2021〕42号)', () => {
  it('三级: office, commander, deputies, county, the six field groups of 2.3', () => {
    const items = buildCallList({ plan: 'radiation', response: '三级', places: ['平鲁区'] });
    assertResolvable(items);
    expect(items[0]?.targetKind).toBe('office');
    expect(items[1]?.targetId).toBe('commander');
    expect(ids(items, 'person').filter((id) => id?.startsWith('deputy'))).toHaveLength(5);
    expect(ids(items, 'county')).toEqual(['gov-pinglu']);
    const groups = ids(items, 'group');
    expect(new Set(groups)).toEqual(new Set(ECO_HQ.groups.filter((g) => g.id.startsWith('b-')).map((g) => g.id)));
    const conditional = items.filter((i) => i.conditional).map((i) => i.targetId);
    expect(conditional).toEqual(['b-medical', 'b-investigation']);
  });

  it('四级: the county government first, then the office (4.3.1)', () => {
    const items = buildCallList({ plan: 'radiation', response: '四级', places: ['右玉县'] });
    expect(items.map((i) => i.targetKind)).toEqual(['county', 'office']);
  });

  it('二级: reports to the city government and the province environment department (4.3.3)', () => {
    const items = buildCallList({ plan: 'radiation', response: '二级', places: [] });
    expect(items.filter((i) => i.targetKind === 'external').map((i) => i.label.split('：')[0])).toEqual([
      '朔州市人民政府',
      '省生态环境厅（省级相关部门）',
    ]);
  });
});

describe('buildCallList: plan A (朔政办发〔2021〕40号)', () => {
  it('二级: the county HQ leads; carriers add teams; all member units are notified (4.3)', () => {
    const items = buildCallList({ plan: 'comms', response: '二级', places: ['应县'] });
    assertResolvable(items);
    expect(items[0]?.targetKind).toBe('office');
    expect(ids(items, 'county')).toEqual(['gov-yingxian']);
    expect(ids(items, 'group')).toEqual([]);
    expect(ids(items, 'unit')).toHaveLength(19);
    expect(ids(items, 'unit').slice(0, 5)).toEqual(['mobile', 'unicom', 'telecom', 'tower', 'long-line']);
  });

  it('一级: the city HQ leads with the four field groups (4.4, 4.6)', () => {
    const items = buildCallList({ plan: 'comms', response: '一级', places: ['应县', '山阴县'] });
    assertResolvable(items);
    expect(ids(items, 'group')).toEqual(['field-repair', 'field-security', 'field-support', 'field-publicity']);
    expect(ids(items, 'county')).toEqual(['gov-yingxian', 'gov-shanyin']);
    expect(ids(items, 'person')).toEqual(['commander', 'deputy-1', 'deputy-2', 'field-deputy']);
  });

  it('rejects 三级 and 四级, which plan A does not define (4.2)', () => {
    expect(() => buildCallList({ plan: 'comms', response: '三级', places: [] })).toThrow(/4\.2/);
    expect(() => buildCallList({ plan: 'comms', response: '四级', places: [] })).toThrow(/response/);
  });
});

describe('buildCallList: forest fire (朔政办发〔2021〕44号)', () => {
  it('calls each county brigade and government, then the city HQ (cross-region when 2+ places)', () => {
    const one = buildCallList({ plan: 'forest_fire', response: '四级', places: ['应县'] });
    assertResolvable(one);
    expect(one.map((i) => i.targetId ?? i.targetKind)).toEqual(['brigade-yingxian', 'gov-yingxian', 'hq']);
    expect(one[0]?.label).toContain('10分钟内集结');
    const two = buildCallList({ plan: 'forest_fire', response: '三级', places: ['应县', '右玉县'] });
    expect(two.at(-1)?.label).toContain('跨区域');
  });

  it('the development zone has no brigade of its own', () => {
    const items = buildCallList({ plan: 'forest_fire', response: '三级', places: ['朔州经济开发区'] });
    expect(items.map((i) => i.targetId ?? i.targetKind)).toEqual(['dev-zone', 'hq']);
  });
});

describe('buildCallList: bad input', () => {
  it('names the field that is wrong', () => {
    // a deliberately invalid input for the refusal test
    expect(() => buildCallList({ plan: 'flood' as never, response: '三级', places: [] })).toThrow(/plan/);
    expect(() => buildCallList({ plan: 'environment', response: '五级' as never, places: [] })).toThrow(/response/);
    expect(() => buildCallList({ plan: 'environment', response: '三级', places: ['大同市'] })).toThrow(
      /places.*大同市/,
    );
  });

  it('has a government for every place', () => {
    for (const id of Object.values(COUNTY_GOVERNMENT)) expect(findUnitById(id)?.category).toBe('县级政府');
  });
});
