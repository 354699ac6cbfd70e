/**
 * 朔州市突发环境事件应急预案 (朔政办发〔2021〕43号): grading (附件5), response conditions (附件4),
 * reporting (5.1.1) and its clocks.
 */
import type { Anchors, ClockSpec } from './clock-builder';
import { type LevelCriterion, type NoticeRule, type ResponseCriterion, someBelow, within } from './criteria';
import { ROOM_CITY_GOV, monitored } from './owners';
import type { EnvironmentFacts as F, Level } from './types';

const 亿 = 100_000_000;
const 万 = 10_000;

/** 附件5 突发环境事件分级标准. */
export const ENV_LEVEL_CRITERIA: readonly LevelCriterion<F>[] = [
  {
    level: '特别重大',
    clause: '附件5 特别重大①',
    text: '因环境污染直接导致30人以上死亡或100人以上中毒或重伤的',
    test: (f) => within(f.deaths, 30) || within(f.poisonedOrInjured, 100),
  },
  {
    level: '特别重大',
    clause: '附件5 特别重大②',
    text: '疏散、转移人员5万人以上的',
    test: (f) => within(f.evacuated, 5 * 万),
  },
  {
    level: '特别重大',
    clause: '附件5 特别重大③',
    text: '造成直接经济损失1亿元以上的',
    test: (f) => within(f.directLossYuan, 亿),
  },
  {
    level: '特别重大',
    clause: '附件5 特别重大④',
    text: '造成区域生态功能丧失或该区域国家重点保护物种灭绝的',
    test: (f) => !!f.ecologicalFunctionLost || !!f.protectedSpeciesExtinct,
  },
  {
    level: '特别重大',
    clause: '附件5 特别重大⑤',
    text: '造成设区的市级以上城市集中式饮用水水源地取水中断的突发环境事件',
    test: (f) => f.waterSourceIntakeStopped === 'city',
  },
  {
    level: '重大',
    clause: '附件5 重大①',
    text: '因环境污染直接导致10人以上30人以下死亡或50人以上100人以下中毒或重伤的',
    test: (f) => within(f.deaths, 10, 30) || within(f.poisonedOrInjured, 50, 100),
  },
  {
    level: '重大',
    clause: '附件5 重大②',
    text: '疏散、转移人员1万人以上5万人以下的',
    test: (f) => within(f.evacuated, 万, 5 * 万),
  },
  {
    level: '重大',
    clause: '附件5 重大③',
    text: '造成直接经济损失2000万元以上1亿元以下的',
    test: (f) => within(f.directLossYuan, 2000 * 万, 亿),
  },
  {
    level: '重大',
    clause: '附件5 重大④',
    text: '造成区域生态功能部分丧失或该区域国家重点保护野生动植物种群大批死亡的',
    test: (f) => !!f.ecologicalFunctionPartlyLost || !!f.protectedPopulationsMassDeath,
  },
  {
    level: '重大',
    clause: '附件5 重大⑤',
    text: '造成县级城市集中式饮用水水源地取水中断的',
    test: (f) => f.waterSourceIntakeStopped === 'county',
  },
  {
    level: '重大',
    clause: '附件5 重大⑥',
    text: '造成跨省级行政区域影响的突发环境事件',
    test: (f) => f.crossBoundary === 'province',
  },
  {
    level: '较大',
    clause: '附件5 较大①',
    text: '因环境污染直接导致3人以上10人以下死亡或10人以上50人以下中毒或重伤的',
    test: (f) => within(f.deaths, 3, 10) || within(f.poisonedOrInjured, 10, 50),
  },
  {
    level: '较大',
    clause: '附件5 较大②',
    text: '因环境污染疏散、转移人员5000人以上1万人以下的',
    test: (f) => within(f.evacuated, 5000, 万),
  },
  {
    level: '较大',
    clause: '附件5 较大③',
    text: '因环境污染造成直接经济损失500万元以上2000万元以下的',
    test: (f) => within(f.directLossYuan, 500 * 万, 2000 * 万),
  },
  {
    level: '较大',
    clause: '附件5 较大④',
    text: '因环境污染造成国家重点保护的动植物物种受到破坏的',
    test: (f) => !!f.protectedSpeciesDamaged,
  },
  {
    level: '较大',
    clause: '附件5 较大⑤',
    text: '因环境污染造成乡镇集中式饮用水水源地取水中断的',
    test: (f) => f.waterSourceIntakeStopped === 'township',
  },
  {
    level: '较大',
    clause: '附件5 较大⑥',
    text: '造成跨设区的市级行政区域影响的突发环境事件',
    test: (f) => f.crossBoundary === 'city',
  },
  {
    level: '一般',
    clause: '附件5 一般①',
    text: '因环境污染直接导致3人以下死亡或10人以下中毒或重伤的',
    test: (f) => someBelow(f.deaths, 3) || someBelow(f.poisonedOrInjured, 10),
  },
  {
    level: '一般',
    clause: '附件5 一般②',
    text: '因环境污染疏散、转移人员5000人以下的',
    test: (f) => someBelow(f.evacuated, 5000),
  },
  {
    level: '一般',
    clause: '附件5 一般③',
    text: '因环境污染造成直接经济损失500万元以下的',
    test: (f) => someBelow(f.directLossYuan, 500 * 万),
  },
  {
    level: '一般',
    clause: '附件5 一般④',
    text: '因环境污染造成跨县级行政区域纠纷，引起一般性群体影响的',
    test: (f) => !!f.countyDisputeGroupImpact,
  },
  {
    level: '一般',
    clause: '附件5 一般⑤',
    text: '对环境造成一定影响，尚未达到较大突发环境事件级别的突发环境事件',
    test: (f) => !!f.environmentAffected,
  },
];

/** 附件4 响应条件: the level found (初判) and what may happen (可能导致). */
export const ENV_RESPONSE_CRITERIA: readonly ResponseCriterion<F>[] = [
  {
    response: '一级',
    clause: '附件4 一级①',
    text: '初判发生特别重大突发环境事件的',
    test: (_f, l) => l === '特别重大',
  },
  {
    response: '一级',
    clause: '附件4 一级②',
    text: '可能导致30人以上死亡或100人以上中毒或重伤的',
    test: (f) => within(f.possibleDeaths, 30) || within(f.possiblePoisonedOrInjured, 100),
  },
  {
    response: '一级',
    clause: '附件4 一级③',
    text: '需疏散、转移人员5万人以上的',
    test: (f) => within(f.evacuationNeeded, 5 * 万),
  },
  {
    response: '一级',
    clause: '附件4 一级④',
    text: '可能造成经济损失1亿元以上的',
    test: (f) => within(f.possibleLossYuan, 亿),
  },
  {
    response: '一级',
    clause: '附件4 一级⑤',
    text: '可能造成区域生态功能丧失或该区域国家重点保护物种灭绝的',
    test: (f) => !!f.possibleEcologicalFunctionLost || !!f.possibleProtectedSpeciesExtinct,
  },
  {
    response: '一级',
    clause: '附件4 一级⑥',
    text: '对设区的市级以上城市集中式饮用水水源保护区造成或者可能造成影响的突发环境事件',
    test: (f) => f.waterProtectionZoneTier === 'city',
  },
  { response: '二级', clause: '附件4 二级①', text: '初判发生重大突发环境事件的', test: (_f, l) => l === '重大' },
  {
    response: '二级',
    clause: '附件4 二级②',
    text: '可能导致10人以上30人以下死亡或50人以上100人以下中毒或重伤的',
    test: (f) => within(f.possibleDeaths, 10, 30) || within(f.possiblePoisonedOrInjured, 50, 100),
  },
  {
    response: '二级',
    clause: '附件4 二级③',
    text: '需疏散、转移人员1万人以上5万人以下的',
    test: (f) => within(f.evacuationNeeded, 万, 5 * 万),
  },
  {
    response: '二级',
    clause: '附件4 二级④',
    text: '可能造成经济损失2000万元以上1亿元以下的',
    test: (f) => within(f.possibleLossYuan, 2000 * 万, 亿),
  },
  {
    response: '二级',
    clause: '附件4 二级⑤',
    text: '可能造成区域生态功能部分丧失或该区域国家重点保护野生动植物种群大批死亡的',
    test: (f) => !!f.possibleEcologicalFunctionPartlyLost || !!f.possibleProtectedPopulationsMassDeath,
  },
  {
    response: '二级',
    clause: '附件4 二级⑥',
    text: '对县级城市集中式饮用水水源保护区造成或者可能造成影响的',
    test: (f) => f.waterProtectionZoneTier === 'county',
  },
  {
    response: '二级',
    clause: '附件4 二级⑦',
    text: '可能造成跨省级行政区域影响的突发环境事件',
    test: (f) => !!f.crossProvincePossible || f.crossBoundary === 'province',
  },
  { response: '三级', clause: '附件4 三级①', text: '初判发生较大突发环境事件的', test: (_f, l) => l === '较大' },
  {
    response: '三级',
    clause: '附件4 三级②',
    text: '可能导致3人以上10人以下死亡或10人以上50人以下中毒或重伤的',
    test: (f) => within(f.possibleDeaths, 3, 10) || within(f.possiblePoisonedOrInjured, 10, 50),
  },
  {
    response: '三级',
    clause: '附件4 三级③',
    text: '需疏散、转移人员5000人以上1万人以下的',
    test: (f) => within(f.evacuationNeeded, 5000, 万),
  },
  {
    response: '三级',
    clause: '附件4 三级④',
    text: '可能造成直接经济损失500万元以上2000万元以下的',
    test: (f) => within(f.possibleLossYuan, 500 * 万, 2000 * 万),
  },
  {
    response: '三级',
    clause: '附件4 三级⑤',
    text: '可能造成国家重点保护的动植物物种受到破坏的',
    test: (f) => !!f.possibleProtectedSpeciesDamaged,
  },
  {
    response: '三级',
    clause: '附件4 三级⑥',
    text: '对乡镇集中式饮用水水源保护区造成或者可能造成影响的',
    test: (f) => f.waterProtectionZoneTier === 'township',
  },
  {
    response: '三级',
    clause: '附件4 三级⑦',
    text: '可能造成跨设区的市级行政区域影响的突发环境事件',
    test: (f) => !!f.crossCityPossible || f.crossBoundary === 'city',
  },
  { response: '四级', clause: '附件4 四级①', text: '初判发生一般突发环境事件的', test: (_f, l) => l === '一般' },
  {
    response: '四级',
    clause: '附件4 四级②',
    text: '可能导致3人以下死亡或10人以下中毒或重伤的',
    test: (f) => someBelow(f.possibleDeaths, 3) || someBelow(f.possiblePoisonedOrInjured, 10),
  },
  {
    response: '四级',
    clause: '附件4 四级③',
    text: '需疏散、转移人员5000人以下的',
    test: (f) => someBelow(f.evacuationNeeded, 5000),
  },
  {
    response: '四级',
    clause: '附件4 四级④',
    text: '可能造成直接经济损失500万元以下的',
    test: (f) => someBelow(f.possibleLossYuan, 500 * 万),
  },
  {
    response: '四级',
    clause: '附件4 四级⑤',
    text: '可能造成跨县级行政区域纠纷，引起一般性群体性影响的',
    test: (f) => !!f.possibleCountyDispute || !!f.countyDisputeGroupImpact,
  },
  {
    response: '四级',
    clause: '附件4 四级⑥',
    text: '对环境造成一定影响，尚未达到较大突发环境事件级别的突发环境事件',
    test: (f) => !!f.environmentAffected,
  },
];

/** 5.1.1(3): the facts that send an event of unknown level down the 重大/特别重大 procedure. */
export const ENV_SENSITIVE: readonly NoticeRule<F>[] = [
  {
    clause: '5.1.1(3)①',
    text: '对饮用水水源保护区造成或者可能造成影响的',
    test: (f) => !!f.waterProtectionZone || f.waterProtectionZoneTier !== undefined,
  },
  { clause: '5.1.1(3)②', text: '涉及居民聚居区、学校、医院等敏感区域和敏感人群的', test: (f) => !!f.sensitiveArea },
  { clause: '5.1.1(3)③', text: '涉及重金属或类金属污染的', test: (f) => !!f.heavyMetals },
  {
    clause: '5.1.1(3)④',
    text: '有可能产生跨省影响的',
    test: (f) => !!f.crossProvincePossible || f.crossBoundary === 'province',
  },
  {
    clause: '5.1.1(3)⑤',
    text: '因环境污染引发群体性事件，或者社会影响较大的',
    test: (f) => !!f.massIncident || !!f.largeMassIncident,
  },
];

/** 5.1.1(5): reported to the province immediately. */
export const ENV_IMMEDIATE: readonly NoticeRule<F>[] = [
  { clause: '5.1.1(5)①', text: '初判为特别重大或重大突发环境事件', test: (_f, l) => l === '特别重大' || l === '重大' },
  { clause: '5.1.1(5)②', text: '可能或已引发大规模群体性事件的突发环境事件', test: (f) => !!f.largeMassIncident },
  {
    clause: '5.1.1(5)③',
    text: '可能造成跨省影响的突发环境事件',
    test: (f) => !!f.crossProvincePossible || f.crossBoundary === 'province',
  },
  { clause: '5.1.1(5)④', text: '境外因素导致或可能导致突发环境事件', test: (f) => !!f.foreignCause },
  { clause: '5.1.1(5)⑤', text: '市政府认为有必要报告的突发环境事件', test: (f) => !!f.cityGovDeemsNecessary },
];

/** Which reporting procedure of 5.1.1(2) applies; 'unknown' when the level is open and no 5.1.1(3) fact holds. */
export type EnvProcedure = 'general' | 'larger' | 'major' | 'unknown';

export function envProcedure(level: Level | null, f: F): EnvProcedure {
  if (level === '特别重大' || level === '重大') return 'major';
  if (level === '较大') return 'larger';
  if (level === '一般') return 'general';
  return ENV_SENSITIVE.some((r) => r.test(f, null)) ? 'major' : 'unknown';
}

const DEPT = '事发地生态环境部门（市生态环境局或县（市、区）分局）';
const CITY_GOV_CLOCK = 'env.city-gov-to-province';

/** 5.1.1(2)–(5): the clocks an environmental incident sets running. */
export function environmentClockSpecs(level: Level | null, f: F, a: Anchors): ClockSpec[] {
  const proc = envProcedure(level, f);
  const sensitive = level === null ? ENV_SENSITIVE.filter((r) => r.test(f, null)).map((r) => r.clause) : [];
  const specs: ClockSpec[] = [];
  if (proc === 'general' || proc === 'larger') {
    const general = proc === 'general';
    const clause = general ? '5.1.1(2)①' : '5.1.1(2)②';
    const from = general ? '事发地县（市、区）分局' : DEPT;
    const minutes = general ? 180 : 60;
    const window = general ? '3小时内' : '1小时内';
    const owner = monitored(general ? '县级部门（生态环境分局）' : '生态环境部门（市局或县分局）');
    specs.push(
      {
        id: 'env.county-dept-to-gov',
        title: '向本级人民政府报告',
        from,
        to: '本级人民政府',
        minutes,
        window,
        clause,
        anchor: 'received',
        channel: 'any',
        owner,
        levelBound: true,
      },
      {
        id: 'env.dept-to-upper-dept',
        title: '向上一级生态环境部门报告',
        from,
        to: '上一级生态环境部门',
        minutes,
        window,
        clause,
        anchor: 'received',
        channel: 'any',
        owner,
        levelBound: true,
      },
    );
  } else if (proc === 'major') {
    const clause = ['5.1.1(2)③', ...sensitive].join('、');
    const common = {
      from: DEPT,
      minutes: 60,
      window: '1小时内',
      clause,
      anchor: 'received',
      channel: 'any',
      owner: monitored('生态环境部门（市局或县分局）'),
      levelBound: true,
    } as const;
    specs.push(
      { ...common, id: 'env.county-dept-to-gov', title: '向本级人民政府报告', to: '本级人民政府' },
      { ...common, id: 'env.dept-to-province-dept', title: '向省生态环境厅报告', to: '省生态环境厅' },
      { ...common, id: 'env.dept-to-ministry', title: '同时上报生态环境部', to: '生态环境部' },
    );
  }
  // 5.1.1(4) covers 特别重大、重大、较大 and 暂时无法判明等级; 5.1.1(5) adds cases of any level,
  // reported 立即: for those the 2 h of 5.1.1(4) is kept as the latest limit.
  const immediate = ENV_IMMEDIATE.filter((r) => r.test(f, level)).map((r) => r.clause);
  const byFour = level === null || level === '较大' || level === '重大' || level === '特别重大';
  if (byFour || immediate.length) {
    specs.push({
      id: CITY_GOV_CLOCK,
      title: immediate.length ? '立即报告省人民政府' : '报告省人民政府',
      from: '市人民政府',
      to: '省人民政府',
      minutes: 120,
      // 立即 has no minutes: the 2 h of 5.1.1(4) is the latest limit, and the label says so.
      window: immediate.length ? '立即（最迟2小时）' : '2小时内',
      clause: ['5.1.1(4)', ...immediate].join('、'),
      anchor: 'received',
      channel: 'any',
      immediate: immediate.length > 0,
      owner: ROOM_CITY_GOV,
      levelBound: true,
    });
  }
  // Once the province was phoned, the written follow-up is owed whatever the level became since.
  if (a.done[CITY_GOV_CLOCK]?.channel === 'phone') {
    specs.push({
      id: 'env.city-gov-written',
      title: '电话报告后报送书面信息',
      from: '市人民政府',
      to: '省人民政府',
      minutes: 30,
      window: '30分钟内',
      clause: '5.1.1(4)',
      anchor: `after:${CITY_GOV_CLOCK}`,
      channel: 'written',
      optional: true,
      owner: ROOM_CITY_GOV,
    });
  }
  specs.push(...crossBoundarySpecs(f));
  return specs;
}

/** The facts that make 5.1.3's cross-boundary notices due. */
export const crossesProvince = (f: F): boolean => !!f.crossProvincePossible || f.crossBoundary === 'province';
export const crossesCity = (f: F): boolean => !!f.crossCityPossible || f.crossBoundary === 'city';
export const touchesAdjacentCounty = (f: F): boolean => !!f.adjacentCountyInvolved || f.crossBoundary === 'county';

/**
 * 5.1.3 跨区域的信息通报, as duties when the facts say so. The plan says 及时 or 立即 without
 * minutes; the latest limit is the window 5.1.1(2) gives the same department for the level that
 * fact grades (相邻县 → 一般 3 h; 跨市 → 较大⑥ 1 h; 跨省 → 重大⑥ and 5.1.1(3)④ 1 h).
 */
function crossBoundarySpecs(f: F): ClockSpec[] {
  const specs: ClockSpec[] = [];
  const base = { clause: '5.1.3', anchor: 'received', channel: 'any', immediate: true } as const;
  if (touchesAdjacentCounty(f)) {
    specs.push({
      ...base,
      id: 'env.notify-adjacent-county',
      title: '及时通报相邻县级人民政府及其生态环境部门',
      from: '事发地县级人民政府及其生态环境部门',
      to: '相邻县级人民政府及其生态环境部门',
      minutes: 180,
      window: '及时（最迟3小时）',
      owner: monitored('县级政府和生态环境分局'),
    });
  }
  if (crossesCity(f)) {
    const owner = monitored('市生态环境局');
    specs.push(
      {
        ...base,
        id: 'env.notify-city-dept',
        title: '及时通报相关区域市级生态环境部门',
        from: '市生态环境局',
        to: '相关区域市级生态环境部门',
        minutes: 60,
        window: '及时（最迟1小时）',
        owner,
      },
      {
        ...base,
        id: 'env.suggest-city-gov',
        title: '向市人民政府提出向相关区域市级人民政府通报的建议',
        from: '市生态环境局',
        to: '市人民政府',
        minutes: 60,
        window: '及时（最迟1小时）',
        owner,
      },
    );
  }
  if (crossesProvince(f)) {
    const owner = monitored('市生态环境局');
    specs.push(
      {
        ...base,
        id: 'env.cross-province-to-city-gov',
        title: '跨省级行政区域：立即报告市人民政府',
        from: '市生态环境局',
        to: '市人民政府',
        minutes: 60,
        window: '立即（最迟1小时）',
        owner,
      },
      {
        ...base,
        id: 'env.cross-province-to-province-dept',
        title: '跨省级行政区域：立即报告省生态环境厅',
        from: '市生态环境局',
        to: '省生态环境厅',
        minutes: 60,
        window: '立即（最迟1小时）',
        owner,
      },
    );
  }
  return specs;
}
