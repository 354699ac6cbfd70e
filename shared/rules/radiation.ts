/**
 * 朔州市辐射事故应急预案 (朔政办发〔2021〕42号): grading and response (附件3, 4.3), reporting
 * (4.1.1) and the post-response reports (5.1, 5.3).
 */
import type { Anchors, ClockSpec } from './clock-builder';
import { type LevelCriterion, type ResponseCriterion, someBelow, within } from './criteria';
import { ROOM_CITY_GOV, ROOM_HQ_OFFICE, monitored } from './owners';
import type { Level, RadiationFacts as F } from './types';

const sourceOf = (f: F, classes: readonly number[]): boolean =>
  f.sourceEvent !== undefined && f.sourceClass !== undefined && classes.includes(f.sourceClass);

/** 附件3 分级标准. */
export const RAD_LEVEL_CRITERIA: readonly LevelCriterion<F>[] = [
  {
    level: '特别重大',
    clause: '附件3 特别重大(1)',
    text: 'I、II类放射源丢失、被盗、失控并造成大范围严重辐射污染后果',
    test: (f) => sourceOf(f, [1, 2]) && f.contamination === 'large',
  },
  {
    level: '特别重大',
    clause: '附件3 特别重大(2)',
    text: '放射性同位素和射线装置失控导致3人及以上急性死亡',
    test: (f) => within(f.acuteDeaths, 3),
  },
  {
    level: '特别重大',
    clause: '附件3 特别重大(3)',
    text: '放射性物质泄漏，造成大范围辐射污染后果',
    test: (f) => !!f.leak && f.contamination === 'large',
  },
  {
    level: '特别重大',
    clause: '附件3 特别重大(4)',
    text: '国内外航天器在我市行政区域内坠落造成的环境放射性污染事件，以及可能对我市环境造成辐射影响的市域外核与辐射事故、事件',
    test: (f) => !!f.spacecraftOrExternal,
  },
  { level: '重大', clause: '附件3 重大(1)', text: 'I、II类放射源丢失、被盗、失控', test: (f) => sourceOf(f, [1, 2]) },
  {
    level: '重大',
    clause: '附件3 重大(2)',
    text: '放射性同位素和射线装置失控导致3人以下急性死亡或者10人及以上急性重度放射病、局部器官残疾',
    test: (f) => someBelow(f.acuteDeaths, 3) || within(f.severeRadiationSickness, 10),
  },
  {
    level: '重大',
    clause: '附件3 重大(3)',
    text: '放射性物质泄漏，造成较大范围辐射污染后果',
    test: (f) => !!f.leak && f.contamination === 'wide',
  },
  { level: '较大', clause: '附件3 较大(1)', text: 'III类放射源丢失、被盗、失控', test: (f) => sourceOf(f, [3]) },
  {
    level: '较大',
    clause: '附件3 较大(2)',
    text: '放射性同位素和射线装置失控导致10人以下急性重度放射病、局部器官残疾',
    test: (f) => someBelow(f.severeRadiationSickness, 10),
  },
  {
    level: '较大',
    clause: '附件3 较大(3)',
    text: '放射性物质泄漏，造成小范围辐射污染后果',
    test: (f) => !!f.leak && f.contamination === 'small',
  },
  { level: '一般', clause: '附件3 一般(1)', text: 'IV、V类放射源丢失、被盗、失控', test: (f) => sourceOf(f, [4, 5]) },
  {
    level: '一般',
    clause: '附件3 一般(2)',
    text: '放射性同位素和射线装置失控导致人员受到超过年剂量限值的照射',
    test: (f) => !!f.overAnnualDoseLimit,
  },
  {
    level: '一般',
    clause: '附件3 一般(3)',
    text: '放射性物质泄漏，造成局部辐射污染后果',
    test: (f) => !!f.leak && f.contamination === 'local',
  },
  {
    level: '一般',
    clause: '附件3 一般(4)',
    text: '伴生放射性矿开发利用超标排放，造成环境辐射污染后果',
    test: (f) => !!f.associatedMiningDischarge,
  },
  {
    level: '一般',
    clause: '附件3 一般(5)',
    text: '测井用放射源落井，打捞不成功进行封井处理',
    test: (f) => !!f.wellLoggingSourceSealed,
  },
];

/** 4.3 and 附件3 响应条件: each level starts its own response level. */
export const RAD_RESPONSE_CRITERIA: readonly ResponseCriterion<F>[] = [
  {
    response: '一级',
    clause: '4.3.4、附件3',
    text: '初判发生特别重大辐射事故，启动一级响应',
    test: (_f, l) => l === '特别重大',
  },
  {
    response: '二级',
    clause: '4.3.3、附件3',
    text: '初判发生重大辐射事故时，启动二级响应',
    test: (_f, l) => l === '重大',
  },
  {
    response: '三级',
    clause: '4.3.2、附件3',
    text: '初判发生较大辐射事故时，启动三级响应',
    test: (_f, l) => l === '较大',
  },
  {
    response: '四级',
    clause: '4.3.1、附件3',
    text: '初判发生一般辐射事故时，启动四级响应',
    test: (_f, l) => l === '一般',
  },
];

const GOV_CLOCK = 'rad.gov-to-upper-gov';

/**
 * 4.1.1(1) 造成或可能造成人员辐射损伤照射: said outright, or shown by what was recorded of the people —
 * anyone irradiated or contaminated (the 初始报告表 ticks 人员受照 / 人员污染 from the same facts),
 * over the annual limit, or with acute radiation injury.
 */
const exposed = (f: F): boolean =>
  !!f.peopleExposed ||
  !!f.peopleContaminated ||
  (f.exposedCount ?? 0) > 0 ||
  (f.contaminatedCount ?? 0) > 0 ||
  (f.acuteDeaths ?? 0) > 0 ||
  (f.severeRadiationSickness ?? 0) > 0 ||
  !!f.overAnnualDoseLimit;

/**
 * County-level governments of the city (县（市、区）). 4.1.1(3) has the county government report up
 * to the city within 2 h; 朔州经济开发区 has a 管委会, not a 县级政府, so it owes no such report.
 */
export const COUNTY_GOVERNMENTS: readonly string[] = ['朔城区', '平鲁区', '山阴县', '应县', '右玉县', '怀仁市'];

/** 4.1.1, 4.1.2, 4.1.3, 5.1(1), 5.3(2): the clocks a radiation accident sets running. */
export function radiationClockSpecs(
  level: Level | null,
  f: F,
  a: Anchors,
  places: readonly string[] = [],
): ClockSpec[] {
  const unit = monitored('事发单位');
  const specs: ClockSpec[] = [
    {
      id: 'rad.unit-written',
      title: '书面报告县级生态环境、公安部门（紧急情况可先电话口头报告）',
      from: '事发单位',
      to: '事发地县级生态环境部门和公安部门',
      minutes: 60,
      window: '1小时内',
      clause: '4.1.1(1)',
      anchor: 'discovered',
      // 紧急情况下可先通过电话口头报告，随即报送书面信息: a phone call does not meet it.
      channel: 'written',
      owner: unit,
    },
  ];
  if (exposed(f)) {
    specs.push({
      id: 'rad.unit-to-health',
      title: '同时报告县级卫生健康部门（造成或可能造成人员辐射损伤照射）',
      from: '事发单位',
      to: '事发地县级卫生健康部门',
      minutes: 60,
      window: '1小时内',
      clause: '4.1.1(1)',
      anchor: 'discovered',
      channel: 'written',
      owner: unit,
    });
  }
  if (level === '一般' || level === '较大') {
    const from = level === '一般' ? '事发地县级生态环境、公安、卫生健康部门' : '市或县级生态环境、公安、卫生健康部门';
    const common = {
      from,
      minutes: 120,
      window: '2小时内',
      clause: '4.1.1(2)',
      anchor: 'received',
      channel: 'any',
      levelBound: true,
    } as const;
    const owner = monitored(level === '一般' ? '县级部门' : '市或县级部门');
    specs.push(
      { ...common, owner, id: 'rad.dept-to-gov', title: '核实后向本级政府报告', to: '本级政府' },
      { ...common, owner, id: 'rad.dept-to-upper-dept', title: '核实后向上一级相关部门报告', to: '上一级相关部门' },
    );
  } else if (level === '重大' || level === '特别重大') {
    const from = '市、县两级生态环境、公安、卫生健康部门';
    const common = {
      from,
      minutes: 60,
      window: '1小时内',
      clause: '4.1.1(2)',
      anchor: 'received',
      channel: 'any',
      levelBound: true,
      owner: monitored('市、县两级部门'),
    } as const;
    specs.push(
      { ...common, id: 'rad.dept-to-gov', title: '核实后向本级政府报告', to: '本级政府' },
      { ...common, id: 'rad.dept-to-province-dept', title: '核实后向省级相关部门报告', to: '省级相关部门' },
    );
    // 4.1.1(3) 逐级报告: the county government reports to the city first, each within 2 h of its
    // own receipt; listed before the city's own report so the chain reads in order.
    const county = places.find((p) => COUNTY_GOVERNMENTS.includes(p));
    if (county) {
      specs.push({
        id: 'rad.county-gov-to-city',
        title: `${county}人民政府逐级报告市政府`,
        from: `事发地县级政府（${county}）`,
        to: '市政府',
        minutes: 120,
        window: '2小时内',
        clause: '4.1.1(3)',
        anchor: 'received',
        channel: 'any',
        owner: monitored('县级政府'),
        levelBound: true,
      });
    }
    specs.push({
      id: GOV_CLOCK,
      title: '逐级报告省政府（必要时可越级上报）',
      from: '市政府',
      to: '省政府',
      minutes: 120,
      window: '2小时内',
      clause: '4.1.1(3)',
      anchor: 'received',
      channel: 'any',
      owner: ROOM_CITY_GOV,
      levelBound: true,
    });
  }
  if (a.done[GOV_CLOCK]?.channel === 'phone') {
    specs.push({
      id: 'rad.city-gov-written',
      title: '电话口头报告省政府后报送书面信息',
      from: '市政府',
      to: '省政府',
      minutes: 30,
      window: '30分钟内',
      clause: '4.1.1(3)',
      anchor: `after:${GOV_CLOCK}`,
      channel: 'written',
      optional: true,
      owner: ROOM_CITY_GOV,
    });
  }
  specs.push(...radCrossBoundarySpecs(f));
  if (a.handlingEnded !== undefined || a.responseEnded !== undefined) {
    // 4.1.2: 终结报告在事故处理完毕后即时上报 — no minutes; 2 h (4.1.1(3)) is the latest limit shown.
    specs.push({
      id: 'rad.final-report',
      title: '事故处理完毕后即时上报终结报告（书面）',
      from: '市政府、市生态环境局',
      to: '初报、续报的报送对象',
      minutes: 120,
      window: '即时（最迟2小时）',
      clause: '4.1.2、4.1.2(3)',
      anchor: 'handlingEnded',
      channel: 'written',
      immediate: true,
      reportKind: '终结报告',
      owner: ROOM_CITY_GOV,
    });
  }
  if (a.responseEnded !== undefined) {
    specs.push({
      id: 'rad.summary-report',
      title: '总结报告报本级政府和上级有关部门',
      from: '市、县级指挥部',
      to: '本级政府和上级有关部门',
      months: 1,
      window: '1个月内',
      clause: '5.3(2)',
      anchor: 'responseEnded',
      channel: 'written',
      owner: ROOM_HQ_OFFICE,
    });
    const missing = f.sourceRecovered === false || !!f.sourceUnrecovered;
    if ((f.sourceEvent === 'lost' || f.sourceEvent === 'stolen') && missing) {
      // 5.1(1) counts the half year from 接到报案或者检查发现之日, not from the end of the response.
      specs.push({
        id: 'rad.police-stage-report',
        title: '半年内仍未追回放射源或未查清下落的，做出阶段报告',
        from: '负责立案侦查的公安机关',
        to: '市级辐射事故应急指挥机构和省指挥部办公室',
        months: 6,
        window: '半年（自接到报案或者检查发现之日起）',
        clause: '5.1(1)',
        anchor: 'discovered',
        channel: 'written',
        owner: monitored('公安机关'),
      });
    }
  }
  return specs;
}

/**
 * 4.1.3 跨区域的信息通报, as duties when the facts say so. 及时 has no minutes: the latest limit is
 * the 2 h the same departments have for their own reports in 4.1.1(2) (一般、较大).
 */
function radCrossBoundarySpecs(f: F): ClockSpec[] {
  const specs: ClockSpec[] = [];
  const base = {
    clause: '4.1.3',
    anchor: 'received',
    channel: 'any',
    immediate: true,
    minutes: 120,
    window: '及时（最迟2小时）',
  } as const;
  if (f.adjacentAreaInvolved) {
    specs.push({
      ...base,
      id: 'rad.notify-adjacent',
      title: '及时通报相邻行政区域同级政府及其生态环境部门',
      from: '事发地政府及其生态环境部门',
      to: '相邻行政区域同级政府及其生态环境部门',
      owner: monitored('事发地政府和生态环境部门'),
    });
  }
  if (f.crossCityPossible) {
    const owner = monitored('市生态环境局');
    specs.push(
      {
        ...base,
        id: 'rad.notify-city-dept',
        title: '及时通报相关区域市级生态环境部门',
        from: '市生态环境局',
        to: '相关区域市级生态环境部门',
        owner,
      },
      {
        ...base,
        id: 'rad.suggest-city-gov',
        title: '向市政府提出向相关区域市级政府通报的建议',
        from: '市生态环境局',
        to: '市政府',
        owner,
      },
    );
  }
  return specs;
}
