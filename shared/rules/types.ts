/** Types of the rules engine: plan ids, levels, facts per plan, reasons and reporting clocks. */

import type { PlanId } from '../plans/plans';

/** The plan ids are shared/plans' (one vocabulary); re-exported because every rule type names them. */
export type { PlanId };

/** Incident level (事件级别), highest first. */
export type Level = '特别重大' | '重大' | '较大' | '一般';

/** Response level (响应级别), highest first. */
export type ResponseLevel = '一级' | '二级' | '三级' | '四级';

/** Tier of a drinking-water source or protection zone: city = 设区的市级以上城市, county = 县级城市, township = 乡镇. */
export type WaterTier = 'city' | 'county' | 'township';

/** Boundary an environmental impact crosses: 省级、设区的市级、县级行政区域. */
export type Boundary = 'province' | 'city' | 'county';

export interface EnvironmentFacts {
  // 附件5: what happened (因环境污染造成的后果).
  deaths?: number;
  poisonedOrInjured?: number;
  evacuated?: number;
  directLossYuan?: number;
  waterSourceIntakeStopped?: WaterTier;
  crossBoundary?: Boundary;
  ecologicalFunctionLost?: boolean;
  ecologicalFunctionPartlyLost?: boolean;
  protectedSpeciesExtinct?: boolean;
  protectedPopulationsMassDeath?: boolean;
  protectedSpeciesDamaged?: boolean;
  countyDisputeGroupImpact?: boolean;
  environmentAffected?: boolean;
  // 附件4: what may happen (可能导致), for the response level.
  possibleDeaths?: number;
  possiblePoisonedOrInjured?: number;
  evacuationNeeded?: number;
  possibleLossYuan?: number;
  possibleEcologicalFunctionLost?: boolean;
  possibleProtectedSpeciesExtinct?: boolean;
  possibleEcologicalFunctionPartlyLost?: boolean;
  possibleProtectedPopulationsMassDeath?: boolean;
  possibleProtectedSpeciesDamaged?: boolean;
  waterProtectionZoneTier?: WaterTier;
  crossCityPossible?: boolean;
  possibleCountyDispute?: boolean;
  // 5.1.1(3): sensitive facts that send an event of unknown level down the 重大/特别重大 procedure.
  waterProtectionZone?: boolean;
  sensitiveArea?: boolean;
  heavyMetals?: boolean;
  crossProvincePossible?: boolean;
  massIncident?: boolean;
  // 5.1.1(5): cases reported to the province immediately.
  largeMassIncident?: boolean;
  foreignCause?: boolean;
  cityGovDeemsNecessary?: boolean;
  // 5.1.3: cross-boundary notices (跨省 and 跨设区的市 also read crossBoundary / crossProvincePossible / crossCityPossible).
  /** 已经或可能涉及相邻县级行政区域. */
  adjacentCountyInvolved?: boolean;
}

export type SourceClass = 1 | 2 | 3 | 4 | 5;
export type SourceEvent = 'lost' | 'stolen' | 'out_of_control';
/** 大范围 / 较大范围 / 小范围 / 局部. */
export type Contamination = 'large' | 'wide' | 'small' | 'local';

export interface RadiationFacts {
  sourceClass?: SourceClass;
  sourceEvent?: SourceEvent;
  leak?: boolean;
  contamination?: Contamination;
  acuteDeaths?: number;
  severeRadiationSickness?: number;
  overAnnualDoseLimit?: boolean;
  spacecraftOrExternal?: boolean;
  associatedMiningDischarge?: boolean;
  wellLoggingSourceSealed?: boolean;
  /** 造成或可能造成人员辐射损伤照射 (4.1.1(1): the unit also reports to 卫生健康). */
  peopleExposed?: boolean;
  /** false: a lost or stolen source is still missing (5.1(1)). */
  sourceRecovered?: boolean;
  /** Same as sourceRecovered === false, as a checkbox the form can set. */
  sourceUnrecovered?: boolean;
  /** 附件4: the unit where it happened (not the reporting bureau), and what the form's tables name. */
  accidentUnit?: string;
  peopleContaminated?: boolean;
  exposedCount?: number;
  contaminatedCount?: number;
  nuclide?: string;
  activityBq?: string;
  sourceCode?: string;
  deviceName?: string;
  deviceModel?: string;
  /** 4.1.3: 已经或可能涉及相邻行政区域. */
  adjacentAreaInvolved?: boolean;
  /** 4.1.3: 已经发生或者可能发生跨市级行政区域辐射事故. */
  crossCityPossible?: boolean;
}

export interface CommsFacts {
  countiesAffected?: number;
  beyondCountyCapacity?: boolean;
}

export interface ForestFireFacts {
  /** When the firefighting order (扑火指令) was given, ISO 8601 with offset. */
  orderedAt?: string;
}

export interface FactsByPlan {
  comms: CommsFacts;
  radiation: RadiationFacts;
  environment: EnvironmentFacts;
  forest_fire: ForestFireFacts;
}

export type Facts<P extends PlanId = PlanId> = FactsByPlan[P];

/** One criterion of a plan that the facts meet. */
export interface Reason {
  level: Level;
  /** e.g. '附件5 较大①'. */
  clause: string;
  /** The clause text as the gazette words it. */
  text: string;
}

/** One response-level condition that the facts meet (附件4, 4.3, 4.4.1). */
export interface ResponseReason {
  response: ResponseLevel;
  clause: string;
  text: string;
}

/** A rule that applies without deciding a level, e.g. 5.1.1(3) or 5.1.1(5). */
export interface Notice {
  clause: string;
  text: string;
}

export interface GradeResult {
  level: Level | null;
  response: ResponseLevel | null;
  /** Every level criterion that matched; `level` is the highest of them. */
  reasons: Reason[];
  /** Every response condition that matched; `response` is the highest of them. */
  responseReasons: ResponseReason[];
  /** Reporting rules the facts trigger (unknown-level procedure, immediate report). */
  notices: Notice[];
}

export type ClockAnchor =
  'occurred' | 'discovered' | 'received' | 'responseEnded' | 'handlingEnded' | 'ordered' | `after:${string}`;
export type ClockChannel = 'phone' | 'written' | 'any';
export type DoneChannel = 'phone' | 'fax' | 'written' | 'system';

/**
 * Whose obligation a clock is: the duty room's own (市政府 / 市指挥部办公室 report upward) or
 * another unit's that the duty room monitors (事发单位, 县级部门, 县级政府, 市级部门, 通信企业 …).
 */
export type ClockOwnerKind = 'room' | 'monitored';

export interface ClockOwner {
  kind: ClockOwnerKind;
  /** Who owes it, e.g. '市政府（本值班室）', '事发单位', '县级部门'. */
  unit: string;
}

/** Reports a clock is met by kind rather than by recipient (42号 4.1.2 续报、终结报告). */
export type ReportKind = '初报' | '续报' | '终结报告';

export interface Clock {
  /** Stable id; the database stores completions by it. */
  id: string;
  title: string;
  from: string;
  to: string;
  /** Length of the window; dueAt = startsAt + minutes. */
  minutes: number;
  /** The window as the plan words it, e.g. '1小时内', '1个月内'. */
  window: string;
  startsAt: string;
  dueAt: string;
  clause: string;
  document: string;
  citation: string;
  anchor: ClockAnchor;
  channel: ClockChannel;
  /** Applies only in the emergency path (紧急情况). */
  optional: boolean;
  /** The plan also says "立即" (5.1.1(5)): report at once; the window is the latest limit. */
  immediate: boolean;
  plan: PlanId;
  /** Whose obligation it is; 迟报/漏报 statistics keep the duty room's own apart. */
  owner: ClockOwner;
  /**
   * The report serves a level (43号 5.1.1(6)): a level change owes it again under the new level.
   * False for duties owed whatever the level (the unit's own report, post-response reports).
   */
  levelBound: boolean;
  /** Calendar months of the window (1个月、半年); dueAt is then startsAt + months, not + minutes. */
  months?: number;
  /** Met by a report of this kind to whoever it goes to (续报、终结报告), not by recipient. */
  reportKind?: ReportKind;
  /** Set when the anchor was replaced, e.g. '发生时间不详，以发现时间计'. */
  anchorNote?: string;
}

export interface ClockDone {
  at: string;
  channel?: DoneChannel;
}

export interface ClocksInput<P extends PlanId = PlanId> {
  plan: P;
  /** Level to report under; undefined grades the facts, null means the level is not yet known. */
  level?: Level | null;
  facts?: Facts<P>;
  occurredAt: string;
  discoveredAt?: string;
  receivedAt: string;
  done?: Record<string, ClockDone>;
  /** When the response ended (终止应急响应): anchors the post-response reports. */
  responseEndedAt?: string;
  /** When the firefighting order was given (forest_fire); overrides facts.orderedAt. */
  orderedAt?: string;
  /** 发生时间 不详（以发现时间计）: clocks counting from occurrence count from discovery instead. */
  occurredUnknown?: boolean;
  /** Where it happened (县（市、区）names); 42号 4.1.1(3) owes the county government's report. */
  places?: readonly string[];
  /** When handling ended (事故处理完毕, 42号 4.1.2 终结报告); defaults to responseEndedAt. */
  handlingEndedAt?: string;
}
