/**
 * The facts each plan grades on: the registration form's field list (FACT_FIELDS) and the zod
 * schemas that validate facts at the IPC boundary, both built from one table so they never drift.
 */
import { z } from 'zod';
import { PLANS, assertPlan } from '../plans/plans';
import type { Facts, PlanId } from './types';
import { parseInstant } from './time';
import { chineseDateTime } from '../time';
import { messageOf } from '../errors';

export type FactFieldType = 'count' | 'money' | 'boolean' | 'enum' | 'text';

export interface FactOption {
  value: string | number;
  label: string;
}

export interface FactField {
  key: string;
  label: string;
  type: FactFieldType;
  options?: FactOption[];
  /** Where the fact matters, e.g. '附件5 ①'. */
  clause: string;
  help?: string;
}

/** A fact the schema accepts but the form does not show (no generic input for it). */
interface HiddenField {
  key: string;
  label: string;
  type: 'datetime' | 'boolean';
}

const WATER_TIERS: FactOption[] = [
  { value: 'city', label: '设区的市级以上城市' },
  { value: 'county', label: '县级城市' },
  { value: 'township', label: '乡镇' },
];

const ENVIRONMENT: FactField[] = [
  { key: 'deaths', label: '死亡人数', type: 'count', clause: '附件5 ①', help: '因环境污染直接导致' },
  { key: 'poisonedOrInjured', label: '中毒或重伤人数', type: 'count', clause: '附件5 ①', help: '因环境污染直接导致' },
  { key: 'evacuated', label: '已疏散、转移人数', type: 'count', clause: '附件5 ②' },
  {
    key: 'directLossYuan',
    label: '直接经济损失',
    type: 'money',
    clause: '附件5 ③',
    help: '单位：元（500万元即5000000）',
  },
  { key: 'ecologicalFunctionLost', label: '造成区域生态功能丧失', type: 'boolean', clause: '附件5 特别重大④' },
  {
    key: 'protectedSpeciesExtinct',
    label: '造成该区域国家重点保护物种灭绝',
    type: 'boolean',
    clause: '附件5 特别重大④',
  },
  { key: 'ecologicalFunctionPartlyLost', label: '造成区域生态功能部分丧失', type: 'boolean', clause: '附件5 重大④' },
  {
    key: 'protectedPopulationsMassDeath',
    label: '造成国家重点保护野生动植物种群大批死亡',
    type: 'boolean',
    clause: '附件5 重大④',
  },
  {
    key: 'protectedSpeciesDamaged',
    label: '造成国家重点保护的动植物物种受到破坏',
    type: 'boolean',
    clause: '附件5 较大④',
  },
  {
    key: 'waterSourceIntakeStopped',
    label: '集中式饮用水水源地取水中断',
    type: 'enum',
    options: WATER_TIERS,
    clause: '附件5 特别重大⑤、重大⑤、较大⑤',
  },
  {
    key: 'crossBoundary',
    label: '已造成跨行政区域影响',
    type: 'enum',
    options: [
      { value: 'province', label: '跨省级行政区域' },
      { value: 'city', label: '跨设区的市级行政区域' },
      { value: 'county', label: '跨县级行政区域' },
    ],
    clause: '附件5 重大⑥、较大⑥；5.1.3',
  },
  {
    key: 'countyDisputeGroupImpact',
    label: '造成跨县级行政区域纠纷，引起一般性群体影响',
    type: 'boolean',
    clause: '附件5 一般④',
  },
  { key: 'environmentAffected', label: '对环境造成一定影响（尚未达到较大）', type: 'boolean', clause: '附件5 一般⑤' },
  { key: 'possibleDeaths', label: '可能导致死亡人数', type: 'count', clause: '附件4 ②' },
  { key: 'possiblePoisonedOrInjured', label: '可能导致中毒或重伤人数', type: 'count', clause: '附件4 ②' },
  { key: 'evacuationNeeded', label: '需疏散、转移人数', type: 'count', clause: '附件4 ③' },
  { key: 'possibleLossYuan', label: '可能造成的经济损失', type: 'money', clause: '附件4 ④', help: '单位：元' },
  { key: 'possibleEcologicalFunctionLost', label: '可能造成区域生态功能丧失', type: 'boolean', clause: '附件4 一级⑤' },
  {
    key: 'possibleProtectedSpeciesExtinct',
    label: '可能造成该区域国家重点保护物种灭绝',
    type: 'boolean',
    clause: '附件4 一级⑤',
  },
  {
    key: 'possibleEcologicalFunctionPartlyLost',
    label: '可能造成区域生态功能部分丧失',
    type: 'boolean',
    clause: '附件4 二级⑤',
  },
  {
    key: 'possibleProtectedPopulationsMassDeath',
    label: '可能造成国家重点保护野生动植物种群大批死亡',
    type: 'boolean',
    clause: '附件4 二级⑤',
  },
  {
    key: 'possibleProtectedSpeciesDamaged',
    label: '可能造成国家重点保护的动植物物种受到破坏',
    type: 'boolean',
    clause: '附件4 三级⑤',
  },
  {
    key: 'waterProtectionZoneTier',
    label: '受影响（或可能受影响）的集中式饮用水水源保护区',
    type: 'enum',
    options: WATER_TIERS,
    clause: '附件4 ⑥；5.1.1(3)①',
  },
  {
    key: 'crossCityPossible',
    label: '可能造成跨设区的市级行政区域影响',
    type: 'boolean',
    clause: '附件4 三级⑦；5.1.3',
  },
  {
    key: 'possibleCountyDispute',
    label: '可能造成跨县级行政区域纠纷，引起一般性群体性影响',
    type: 'boolean',
    clause: '附件4 四级⑤',
  },
  { key: 'waterProtectionZone', label: '对饮用水水源保护区造成或者可能造成影响', type: 'boolean', clause: '5.1.1(3)①' },
  {
    key: 'sensitiveArea',
    label: '涉及居民聚居区、学校、医院等敏感区域和敏感人群',
    type: 'boolean',
    clause: '5.1.1(3)②',
  },
  { key: 'heavyMetals', label: '涉及重金属或类金属污染', type: 'boolean', clause: '5.1.1(3)③' },
  {
    key: 'crossProvincePossible',
    label: '有可能产生跨省影响',
    type: 'boolean',
    clause: '5.1.1(3)④、5.1.1(5)③、附件4 二级⑦',
  },
  { key: 'massIncident', label: '因环境污染引发群体性事件，或者社会影响较大', type: 'boolean', clause: '5.1.1(3)⑤' },
  { key: 'largeMassIncident', label: '可能或已引发大规模群体性事件', type: 'boolean', clause: '5.1.1(5)②' },
  { key: 'foreignCause', label: '境外因素导致或可能导致', type: 'boolean', clause: '5.1.1(5)④' },
  { key: 'cityGovDeemsNecessary', label: '市政府认为有必要报告省政府', type: 'boolean', clause: '5.1.1(5)⑤' },
  {
    key: 'adjacentCountyInvolved',
    label: '已经或可能涉及相邻县级行政区域',
    type: 'boolean',
    clause: '5.1.3',
    help: '事发地县级人民政府及其生态环境部门应及时通报相邻县',
  },
];

const CONTAMINATION: FactOption[] = [
  { value: 'large', label: '大范围' },
  { value: 'wide', label: '较大范围' },
  { value: 'small', label: '小范围' },
  { value: 'local', label: '局部' },
];

const RADIATION: FactField[] = [
  {
    key: 'sourceClass',
    label: '放射源类别',
    type: 'enum',
    options: [
      { value: 1, label: 'Ⅰ类' },
      { value: 2, label: 'Ⅱ类' },
      { value: 3, label: 'Ⅲ类' },
      { value: 4, label: 'Ⅳ类' },
      { value: 5, label: 'Ⅴ类' },
    ],
    clause: '附件3 (1)',
  },
  {
    key: 'sourceEvent',
    label: '放射源情况',
    type: 'enum',
    options: [
      { value: 'lost', label: '丢失' },
      { value: 'stolen', label: '被盗' },
      { value: 'out_of_control', label: '失控' },
    ],
    clause: '附件3 (1)',
  },
  { key: 'leak', label: '放射性物质泄漏', type: 'boolean', clause: '附件3 特别重大(3)、重大(3)、较大(3)、一般(3)' },
  { key: 'contamination', label: '辐射污染范围', type: 'enum', options: CONTAMINATION, clause: '附件3 (1)(3)' },
  { key: 'acuteDeaths', label: '急性死亡人数', type: 'count', clause: '附件3 特别重大(2)、重大(2)' },
  {
    key: 'severeRadiationSickness',
    label: '急性重度放射病、局部器官残疾人数',
    type: 'count',
    clause: '附件3 重大(2)、较大(2)',
  },
  { key: 'overAnnualDoseLimit', label: '人员受到超过年剂量限值的照射', type: 'boolean', clause: '附件3 一般(2)' },
  {
    key: 'spacecraftOrExternal',
    label: '航天器坠落造成放射性污染，或市域外核与辐射事故可能影响本市',
    type: 'boolean',
    clause: '附件3 特别重大(4)',
  },
  {
    key: 'associatedMiningDischarge',
    label: '伴生放射性矿开发利用超标排放，造成环境辐射污染',
    type: 'boolean',
    clause: '附件3 一般(4)',
  },
  {
    key: 'wellLoggingSourceSealed',
    label: '测井用放射源落井，打捞不成功进行封井处理',
    type: 'boolean',
    clause: '附件3 一般(5)',
  },
  {
    key: 'peopleExposed',
    label: '造成或可能造成人员辐射损伤照射',
    type: 'boolean',
    clause: '4.1.1(1)',
    help: '事发单位还应同时向县级卫生健康部门报告',
  },
  { key: 'sourceUnrecovered', label: '丢失、被盗放射源尚未追回或下落不明', type: 'boolean', clause: '5.1(1)' },
  {
    key: 'adjacentAreaInvolved',
    label: '已经或可能涉及相邻行政区域',
    type: 'boolean',
    clause: '4.1.3',
    help: '事发地政府及其生态环境部门应及时通报相邻行政区域',
  },
  {
    key: 'crossCityPossible',
    label: '已经发生或者可能发生跨市级行政区域辐射事故',
    type: 'boolean',
    clause: '4.1.3',
    help: '市生态环境局应及时通报相关区域市级生态环境部门',
  },
];

/**
 * Facts the radiation report forms print but grading does not use (42号 附件4: 事故单位, 事故类型
 * counts, the source and device tables), captured at registration so the 初报 is prefilled.
 */
const RADIATION_FORM: FactField[] = [
  { key: 'accidentUnit', label: '事故单位名称', type: 'text', clause: '附件4', help: '发生事故的单位，不是报告单位' },
  { key: 'peopleContaminated', label: '人员受到放射性污染', type: 'boolean', clause: '附件4 事故类型' },
  { key: 'exposedCount', label: '受照人数', type: 'count', clause: '附件4 事故类型' },
  { key: 'contaminatedCount', label: '受污染人数', type: 'count', clause: '附件4 事故类型' },
  { key: 'nuclide', label: '事故源核素名称', type: 'text', clause: '附件4', help: '如 Cs-137' },
  { key: 'activityBq', label: '事故时活度(Bq)', type: 'text', clause: '附件4', help: '如 9.1E+09' },
  { key: 'sourceCode', label: '放射源编码', type: 'text', clause: '附件4' },
  { key: 'deviceName', label: '射线装置名称', type: 'text', clause: '附件4' },
  { key: 'deviceModel', label: '射线装置型号', type: 'text', clause: '附件4' },
];

const COMMS: FactField[] = [
  {
    key: 'countiesAffected',
    label: '涉及县级行政区域数',
    type: 'count',
    clause: '4.3.1、4.4.1',
    help: '县（市、区）及朔州经济开发区',
  },
  { key: 'beyondCountyCapacity', label: '超出一个县（市、区）应急通信保障能力', type: 'boolean', clause: '4.4.1' },
];

/** Fact inputs the registration form shows, per plan. */
export const FACT_FIELDS: Readonly<Record<PlanId, readonly FactField[]>> = {
  comms: COMMS,
  radiation: RADIATION,
  environment: ENVIRONMENT,
  // The order time is a date-time; the form has no generic input for it (see README).
  forest_fire: [],
};

/** Fact inputs the registration form shows for the report forms only (they never change a level). */
export const FORM_FACT_FIELDS: Readonly<Record<PlanId, readonly FactField[]>> = {
  comms: [],
  radiation: RADIATION_FORM,
  environment: [],
  forest_fire: [],
};

const HIDDEN: Readonly<Record<PlanId, readonly HiddenField[]>> = {
  comms: [],
  radiation: [{ key: 'sourceRecovered', label: '放射源已追回', type: 'boolean' }],
  environment: [],
  forest_fire: [{ key: 'orderedAt', label: '扑火指令下达时间', type: 'datetime' }],
};

/**
 * A fact as the officer reads it: its Chinese label and its value (是/否, an option's label, a time
 * in Beijing time). A key no plan knows keeps its key; an empty value reads （空）.
 */
export function factText(plan: PlanId | null, key: string, value: unknown): { label: string; value: string } {
  const field = plan
    ? [...FACT_FIELDS[plan], ...FORM_FACT_FIELDS[plan], ...HIDDEN[plan]].find((f) => f.key === key)
    : null;
  const label = field?.label ?? key;
  if (value === null || value === undefined || value === '') return { label, value: '（空）' };
  if (typeof value === 'boolean') return { label, value: value ? '是' : '否' };
  const option = field && 'options' in field ? field.options?.find((o) => o.value === value) : undefined;
  if (option) return { label, value: option.label };
  if (field?.type === 'datetime' && typeof value === 'string' && Number.isFinite(Date.parse(value))) {
    return { label, value: chineseDateTime(Date.parse(value)) };
  }
  return {
    label,
    value: typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value),
  };
}

function fieldSchema(f: FactField | HiddenField): z.ZodType {
  const name = f.label;
  switch (f.type) {
    case 'count':
      return z
        .number({ error: `${name}应为数字` })
        .refine(Number.isFinite, { error: `${name}应为有限数字` })
        .refine(Number.isInteger, { error: `${name}应为整数` })
        .refine((n) => n >= 0, { error: `${name}不能为负数` });
    case 'money':
      return z
        .number({ error: `${name}应为数字（单位：元）` })
        .refine(Number.isFinite, { error: `${name}应为有限数字` })
        .refine((n) => n >= 0, { error: `${name}不能为负数` });
    case 'text':
      return z
        .string({ error: `${name}应为文字` })
        .trim()
        .max(200, { error: `${name}不能超过200字` });
    case 'boolean':
      return z.boolean({ error: `${name}应为是或否（true/false）` });
    case 'enum': {
      // Every enum field lists its options (facts.test.ts checks them against the gazette).
      const options = f.options ?? [];
      const values = options.map((o) => o.value);
      const labels = options.map((o) => `${o.value}（${o.label}）`).join('、');
      // includes only compares: v of any other type is simply not found
      return z.custom((v) => values.includes(v as string | number), { error: `${name}应为以下之一：${labels}` });
    }
    case 'datetime':
      return z.string({ error: `${name}应为时间字符串` }).superRefine((v, ctx) => {
        try {
          parseInstant(v, name);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: messageOf(err) });
        }
      });
  }
}

const schemaCache = new Map<PlanId, z.ZodType>();

/** The zod schema of a plan's facts (all optional; unknown keys refused), with Chinese messages. */
export function factsSchema<P extends PlanId>(plan: P): z.ZodType<Facts<P>> {
  assertPlan(plan);
  const hit = schemaCache.get(plan);
  // the cache is keyed by plan and holds the schema built for that plan below
  if (hit) return hit as z.ZodType<Facts<P>>;
  const shape: Record<string, z.ZodType> = {};
  for (const f of [...FACT_FIELDS[plan], ...FORM_FACT_FIELDS[plan], ...HIDDEN[plan]])
    shape[f.key] = fieldSchema(f).optional();
  const schema = z.strictObject(shape, {
    error: (iss) => {
      // A strict object raises only these two issues itself; field issues carry their own messages.
      if (iss.code === 'unrecognized_keys') return `《${PLANS[plan].name}》没有这些事件要素：${iss.keys.join('、')}`;
      return '事件要素应为对象';
    },
  });
  schemaCache.set(plan, schema);
  // the shape is built from the plan's FACT_FIELDS, which types.ts's Facts<P> mirrors (facts.test.ts)
  return schema as unknown as z.ZodType<Facts<P>>;
}

/** Validates facts for a plan; throws an Error whose message names every bad field in Chinese. */
export function parseFacts<P extends PlanId>(plan: P, input: unknown): Facts<P> {
  const schema = factsSchema(plan);
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const msgs = r.error.issues.map((iss) => {
    const key = iss.path[0];
    return key === undefined ? iss.message : `${iss.message}（${String(key)}）`;
  });
  throw new Error(msgs.join('；'));
}
