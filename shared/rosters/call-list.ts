/**
 * Who the duty room calls when an incident is handled under a plan at a response level. Each item
 * names the roster entry to call, why, and the clause that gives that entry its role.
 */

import { PLACES } from '../domain/incident';
import { COMMS_HQ, ECO_HQ, FOREST_FIRE_BRIGADES, FOREST_FIRE_HQ } from './seed/index';
import type { Roster, SeedGroup, SeedPerson } from './types';
import { findUnitById } from './seed/units';
import { isOneOf } from '../one-of';

export type CallListPlan = 'comms' | 'radiation' | 'environment' | 'forest_fire';
export type CallListResponse = '一级' | '二级' | '三级' | '四级';
export type Place = (typeof PLACES)[number];
export type CallTargetKind = 'office' | 'person' | 'group' | 'unit' | 'county' | 'hq' | 'external';

export interface CallListItem {
  order: number;
  /** The roster the target belongs to; null for bodies outside every roster (省政府). */
  rosterId: string | null;
  targetKind: CallTargetKind;
  /** Entry id within the roster (person/group id, unit registry id); absent for 'office'/'hq'. */
  targetId?: string;
  /** Who to call and why, in Chinese: `${target}：${why}`. */
  label: string;
  /** Who to call alone (污染处置组（组长：市生态环境局）), for the record of a call. */
  target: string;
  clause: string;
  /** 依据《…》clause, for display beside the item. */
  citation: string;
  /** True when the plan calls this target only in some circumstances (the label says which). */
  conditional?: boolean;
}

export interface CallListInput {
  plan: CallListPlan;
  response: CallListResponse;
  places: readonly string[];
}

const PLAN_TITLE: Record<CallListPlan, string> = {
  comms: '朔州市通信保障应急预案',
  radiation: '朔州市辐射事故应急预案',
  environment: '朔州市突发环境事件应急预案',
  forest_fire: '朔州市全面加强森林草原防火专业队伍建设实施方案',
};

const RESPONSES: readonly CallListResponse[] = ['一级', '二级', '三级', '四级'];

/** Registry id of each place's government (朔州经济开发区: its 管委会). */
export const COUNTY_GOVERNMENT: Record<Place, string> = {
  朔城区: 'gov-shuocheng',
  平鲁区: 'gov-pinglu',
  山阴县: 'gov-shanyin',
  应县: 'gov-yingxian',
  右玉县: 'gov-youyu',
  怀仁市: 'gov-huairen',
  朔州经济开发区: 'dev-zone',
};

/** Registry id of each county's fire brigade; 朔州经济开发区 has none (44号 三(一)1 names counties). */
export const COUNTY_BRIGADE: Partial<Record<Place, string>> = {
  朔城区: 'brigade-shuocheng',
  平鲁区: 'brigade-pinglu',
  山阴县: 'brigade-shanyin',
  应县: 'brigade-yingxian',
  右玉县: 'brigade-youyu',
  怀仁市: 'brigade-huairen',
};

function assertInput(input: CallListInput): Place[] {
  // Typed as unknown so the checks stay for a caller that passes something else.
  const given: unknown = input;
  if (!given || typeof given !== 'object') throw new Error('buildCallList 参数不能为空');
  if (!(input.plan in PLAN_TITLE)) {
    throw new Error(`plan 无效：${input.plan}（应为 comms、radiation、environment 或 forest_fire）`);
  }
  if (!RESPONSES.includes(input.response)) {
    throw new Error(`response 无效：${input.response}（应为一级、二级、三级或四级）`);
  }
  if (input.plan === 'comms' && (input.response === '三级' || input.response === '四级')) {
    throw new Error(`response 无效：《朔州市通信保障应急预案》只设二级、一级响应，没有${input.response}响应（4.2）`);
  }
  const givenPlaces: unknown = input.places;
  if (!Array.isArray(givenPlaces)) throw new Error('places 必须是县（市、区）名称的数组');
  const places: Place[] = [];
  for (const p of input.places) {
    if (!isOneOf(PLACES, p)) {
      throw new Error(`places 含未知地点：${p}（应为${PLACES.join('、')}之一）`);
    }
    if (!places.includes(p)) places.push(p);
  }
  return places;
}

class ListBuilder {
  readonly items: CallListItem[] = [];
  constructor(private readonly plan: CallListPlan) {}

  add(item: Omit<CallListItem, 'order' | 'citation' | 'label'>, why: string): void {
    const dup = this.items.some(
      (x) =>
        x.rosterId === item.rosterId &&
        x.targetKind === item.targetKind &&
        x.targetId === item.targetId &&
        x.label === `${item.target}：${why}`,
    );
    if (dup) return;
    const citation = `依据《${PLAN_TITLE[this.plan]}》${item.clause}`;
    this.items.push({ ...item, label: `${item.target}：${why}`, order: this.items.length + 1, citation });
  }

  /** Adds an item unless the same target is already on the list. */
  addOnce(item: Omit<CallListItem, 'order' | 'citation' | 'label'>, why: string): void {
    const seen = this.items.some(
      (x) => x.rosterId === item.rosterId && x.targetKind === item.targetKind && x.targetId === item.targetId,
    );
    if (!seen) this.add(item, why);
  }

  office(roster: Roster, why: string, clause: string): void {
    const o = roster.office;
    if (!o) throw new Error(`${roster.name}没有办公室`);
    this.add(
      { rosterId: roster.id, targetKind: 'office', target: `${roster.name}办公室（设在${o.hostUnit}）`, clause },
      why,
    );
  }

  person(roster: Roster, id: string, why: string, clause: string): void {
    const p = findPerson(roster, id);
    this.addOnce(
      { rosterId: roster.id, targetKind: 'person', targetId: p.id, target: `${p.role}（${p.title}）`, clause },
      why,
    );
  }

  deputies(roster: Roster, why: string, clause: string): void {
    for (const p of roster.leaders.filter((x) => x.role === '副指挥长')) this.person(roster, p.id, why, clause);
  }

  group(roster: Roster, id: string, why: string, clause: string, conditional = false): void {
    const g = findGroup(roster, id);
    const lead = g.leaderTitle ?? g.leadUnits.map(nameOf).join('、');
    this.addOnce(
      {
        rosterId: roster.id,
        targetKind: 'group',
        targetId: g.id,
        target: `${g.name}（组长：${lead}）`,
        clause,
        ...(conditional ? { conditional } : {}),
      },
      why,
    );
  }

  unit(roster: Roster, unitId: string, why: string, clause: string, conditional = false): void {
    this.addOnce(
      {
        rosterId: roster.id,
        targetKind: 'unit',
        targetId: unitId,
        // The name as the roster's document writes it, so the label matches the source.
        target: roster.units.find((u) => u.id === unitId)?.name ?? nameOf(unitId),
        clause,
        ...(conditional ? { conditional } : {}),
      },
      why,
    );
  }

  county(place: Place, why: string, clause: string): void {
    this.government(COUNTY_GOVERNMENT[place], why, clause);
  }

  /** A county-level government by registry id; listed once even when also a place. */
  government(id: string, why: string, clause: string): void {
    this.addOnce({ rosterId: null, targetKind: 'county', targetId: id, target: nameOf(id), clause }, why);
  }

  external(name: string, why: string, clause: string, targetId?: string): void {
    this.add({ rosterId: null, targetKind: 'external', ...(targetId ? { targetId } : {}), target: name, clause }, why);
  }
}

function nameOf(unitId: string): string {
  return findUnitById(unitId)?.name ?? unitId;
}

function findPerson(roster: Roster, id: string): SeedPerson {
  const p = [...roster.leaders, ...(roster.members ?? [])].find((x) => x.id === id);
  if (!p) throw new Error(`${roster.name}中没有人员 ${id}`);
  return p;
}

function findGroup(roster: Roster, id: string): SeedGroup {
  const g = roster.groups.find((x) => x.id === id);
  if (!g) throw new Error(`${roster.name}中没有工作组 ${id}`);
  return g;
}

const CARRIERS = ['mobile', 'unicom', 'telecom', 'tower', 'long-line'];

/** 朔政办发〔2021〕40号 4.3 (二级: the county HQ leads) and 4.4 (一级: the city HQ leads). */
function comms(b: ListBuilder, response: CallListResponse, places: Place[]): void {
  const r = COMMS_HQ;
  if (response === '二级') {
    b.office(r, '立即将情况报告市指挥部，提出启动二级响应的建议，同时通报各成员单位', '4.3.2(1)');
    b.person(r, 'commander', '听取报告；二级响应由县（市、区）指挥部组织应对', '4.3.1、4.3.2(1)');
    for (const p of places) b.county(p, '县（市、区）指挥部确认后启动并组织实施二级响应', '4.3.1、4.3.2(2)');
    for (const id of CARRIERS) b.unit(r, id, '当地通信企业在先期处置基础上，根据需要增派应急通信保障队伍', '4.3.3(3)');
  } else {
    b.office(r, '立即将情况报告市指挥部，提出启动一级响应的建议，同时通报各成员单位', '4.4.2(1)');
    b.person(r, 'commander', '市指挥部确认后启动并组织实施一级响应', '4.4.2(2)');
    b.deputies(r, '市指挥部启动一级响应，组织统一指挥、协同应对', '2.1、4.4.2(2)');
    for (const p of places) {
      b.county(p, '事发地政府协调当地有关部门，保障物资、器材、人员运送和后勤支援', '6.4、附件3');
    }
    b.person(r, 'field-deputy', '成立现场指挥部时任现场副指挥长', '4.6、附件3');
    const why: Record<string, string> = {
      'field-repair': '组织通信网抢修恢复',
      'field-security': '打击破坏通信设施行为，保障应急通信车辆通行',
      'field-support': '调集抢险设备和物资，做好电力保障',
      'field-publicity': '新闻发布和舆论引导',
    };
    for (const g of r.groups) b.group(r, g.id, `现场指挥部工作组，${why[g.id] ?? '按附件3职责开展工作'}`, '4.6、附件3');
    for (const id of CARRIERS) b.unit(r, id, '当地通信企业在先期处置基础上，根据需要增派应急通信保障队伍', '4.4.3');
  }
  const notify = response === '二级' ? '4.3.2(1)' : '4.4.2(1)';
  for (const u of r.units) b.unit(r, u.id, '成员单位，通报情况', notify);
}

/** 朔政办发〔2021〕42号 4.3.1–4.3.4, with the field HQ of 2.3. */
function radiation(b: ListBuilder, response: CallListResponse, places: Place[]): void {
  const r = ECO_HQ;
  if (response === '四级') {
    for (const p of places) b.county(p, '事发地县级政府负责应对一般辐射事故', '4.3.1');
    b.office(r, '根据县级政府请求提供队伍、物资、技术支持，视情派工作组赴现场指导，密切关注事态', '4.3.1');
    return;
  }
  if (response === '三级') {
    b.office(r, '向指挥长报告，提出启动三级响应', '4.3.2');
    b.person(r, 'commander', '启动三级响应，赶赴现场成立现场指挥部（任现场指挥长）', '4.3.2(1)、2.3');
  } else {
    b.office(
      r,
      `初判${response === '二级' ? '重大' : '特别重大'}辐射事故：向指挥长报告，按4.1节报告程序向本级政府和省级相关部门报告`,
      response === '二级' ? '4.3.3' : '4.3.4',
    );
    b.person(
      r,
      'commander',
      '市指挥部在处理能力范围内立即采取措施组织处置，由省指挥部启动响应',
      response === '二级' ? '4.3.3' : '4.3.4',
    );
    b.external(
      '朔州市人民政府',
      '向本级政府报告',
      response === '二级' ? '4.3.3、4.1.1(2)' : '4.3.4、4.1.1(2)',
      'city-gov',
    );
    b.external(
      '省生态环境厅（省级相关部门）',
      '1小时内报告，由省指挥部启动响应',
      response === '二级' ? '4.3.3、4.1.1(2)' : '4.3.4、4.1.1(2)',
    );
  }
  const clause = response === '三级' ? '2.3' : response === '二级' ? '4.3.3、2.3' : '4.3.4、2.3';
  b.deputies(r, '现场指挥部副指挥长', clause);
  // County-level bodies only where the incident is: the 开发区 管委会 for an incident in the zone.
  if (places.includes('朔州经济开发区'))
    b.government('dev-zone', '管委会负责人任现场副指挥长，参加现场处置组', `${clause}、2.3.2`);
  for (const p of places) b.county(p, '事发地县（市、区）长任现场副指挥长；县政府参加现场处置组', `${clause}、2.3.2`);
  b.unit(r, 'incident-unit', '事发单位负责人任现场副指挥长，提供救援基础资料', `${clause}、4.4.1(1)`);
  b.group(r, 'b-onsite', '抢险救援和应急处置，设置警戒，疏散人员，向市指挥部汇报现场情况', '2.3.2');
  b.group(r, 'b-technical', '辐射监测、剂量估算，协调省内外技术支援', '2.3.3、4.4.4');
  b.group(r, 'b-support', '物资、装备、经费、抢险救援保障', '2.3.1');
  b.group(r, 'b-publicity', '新闻报道和舆论引导', '2.3.6、4.4.5');
  b.group(r, 'b-medical', '有人员受照或可能受照时，组织救护并向省卫健委申请支援', '2.3.5、4.4.3', true);
  b.group(r, 'b-investigation', '放射源丢失、被盗时，侦破追缴', '2.3.4', true);
}

/** 朔政办发〔2021〕43号 5.3.1–5.3.4, with the working groups of 附件3. */
function environment(b: ListBuilder, response: CallListResponse, places: Place[]): void {
  const r = ECO_HQ;
  if (response === '四级') {
    for (const p of places) b.county(p, '事发地县（市、区）人民政府负责应对一般突发环境事件', '5.3.1');
    b.office(r, '根据县（市、区）政府请求提供队伍、物资、技术支持，视情派工作组赴现场指导', '5.3.1');
    return;
  }
  const level = response === '三级' ? '5.3.2' : response === '二级' ? '5.3.3' : '5.3.4';
  if (response === '三级') {
    b.office(r, '向指挥长报告，提出启动三级响应', '5.3.2');
    b.person(r, 'commander', '启动三级响应，赶赴现场成立现场指挥部', '5.3.2(1)');
  } else {
    b.office(r, '向指挥长报告', level);
    b.person(r, 'commander', `向市应急救援总指挥部总指挥报告，提出启动${response}响应建议，并立即向省政府报告`, level);
    b.external('市应急救援总指挥部总指挥', `听取报告，决定是否启动${response}响应`, level);
    b.external('山西省人民政府', '立即报告事件信息', `${level}、5.1.1(5)`);
    b.external('省生态环境厅、生态环境部', '市生态环境局1小时内报告', '5.1.1(2)③');
  }
  b.deputies(r, response === '三级' ? '组织开展应对工作' : '立即赴现场开展先期处置', `2.1、${level}`);
  // County-level bodies only where the incident is: the 开发区 管委会 for an incident in the zone.
  if (places.includes('朔州经济开发区')) b.government('dev-zone', '管委会参加较大突发环境事件现场指挥部', '2.3');
  for (const p of places) {
    b.county(p, '事发地人民政府参加现场指挥部，其请求事项由市指挥部研究决定', `2.3、${level}`);
  }
  const act = response === '三级' ? level : `${level}(1)`;
  b.group(r, 'c-general', '协调各工作组，传达指示并督办，汇总报告处置进展', `${act}、附件3`);
  b.group(r, 'c-experts', '会商研判事态，制定现场处置方案', `${response === '三级' ? '5.3.2(2)' : act}、附件3`);
  b.group(
    r,
    'c-pollution',
    '切断和控制污染源，划定警戒区，疏散受威胁人员',
    `${response === '三级' ? '5.3.2(3)' : act}、附件3`,
  );
  b.group(
    r,
    'c-monitoring',
    '制定应急监测方案，开展大气、水体、土壤监测',
    `${response === '三级' ? '5.3.2(3)' : act}、附件3`,
  );
  b.group(
    r,
    'c-investigation',
    '污染源调查，事件调查和损害评估',
    `${response === '三级' ? '5.3.2(3)(8)' : `${level}(2)(3)`}、附件3`,
  );
  b.group(r, 'c-logistics', '调集应急队伍、物资、装备', `${response === '三级' ? '5.3.2(4)' : act}、附件3`);
  b.group(r, 'c-publicity', '统一信息发布和舆论引导', `${response === '三级' ? '5.3.2(6)' : act}、附件3、5.4.6`);
  b.group(r, 'c-medical', '有人员伤亡、中毒或需转移安置时，组织医学救援', '5.4.3、附件3', true);
  b.group(r, 'c-stability', '需转移人员或有群体性事件风险时，维护社会稳定', '5.4.7、附件3', true);
}

/** 朔政办发〔2021〕44号 三(一)1–2 and 四(三); the document sets no response levels. */
function forestFire(b: ListBuilder, places: Place[]): void {
  for (const p of places) {
    const brigade = COUNTY_BRIGADE[p];
    if (brigade) {
      b.addOnce(
        {
          rosterId: FOREST_FIRE_BRIGADES.id,
          targetKind: 'unit',
          targetId: brigade,
          target: nameOf(brigade),
          clause: '三、(一)1–2',
        },
        '接到扑火指令后10分钟内集结，出勤率不低于90%',
      );
    }
    b.county(p, '县（市、区）政府负责本地森林草原防火专业队伍，调度扑救', '三、(一)2');
  }
  const crossRegion = places.length >= 2;
  b.add(
    { rosterId: FOREST_FIRE_HQ.id, targetKind: 'hq', target: FOREST_FIRE_HQ.name, clause: '四、(三)' },
    crossRegion
      ? '火情涉及两个以上县（市、区），专业队伍跨区域扑救由上一级指挥机构指挥调度'
      : '报告火情，需跨区域调派专业队伍时由其指挥调度',
  );
}

/**
 * The ordered call list for an incident handled under `plan` at `response` in `places`:
 * comms per 朔政办发〔2021〕40号 4.3–4.4, radiation per 〔2021〕42号 4.3, environment per
 * 〔2021〕43号 5.3, forest fire per 〔2021〕44号 三(一) and 四(三).
 */
export function buildCallList(input: CallListInput): CallListItem[] {
  const places = assertInput(input);
  const b = new ListBuilder(input.plan);
  switch (input.plan) {
    case 'comms':
      comms(b, input.response, places);
      break;
    case 'radiation':
      radiation(b, input.response, places);
      break;
    case 'environment':
      environment(b, input.response, places);
      break;
    case 'forest_fire':
      forestFire(b, places);
      break;
  }
  return b.items;
}
