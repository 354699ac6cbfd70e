import { z } from 'zod';
import {
  CATEGORY_IDS,
  CLOCK_CHANNELS,
  LEVELS,
  NOTE_KINDS,
  RECEIVE_CHANNELS,
  RESPONSE_LEVELS,
  STATUSES,
} from '../domain/incident';
import { phoneTextProblem } from '../rosters/phone';

/**
 * Instants with an explicit offset; the year window rejects typos such as 0202 or 20266. Whatever
 * offset was sent, the services receive the stored form (UTC ISO): instants are ordered and ranged
 * as text, so 09:00+08:00 kept as sent would sort after 08:30Z, an hour too late.
 */
export const instant = z.iso
  .datetime({ offset: true, message: '时间格式应为 ISO 8601（含时区）' })
  .refine((s) => {
    const y = new Date(s).getUTCFullYear();
    return y >= 2000 && y <= 2100;
  }, '时间超出合理范围（2000—2100年）')
  .transform((s) => new Date(s).toISOString());

/** C0 controls and DEL: never typed by an officer, and NUL breaks printing and exports. */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL = /[\u0000-\u001F\u007F]/;
/** The same without line feed, carriage return and tab, which multi-line fields keep. */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL_IN_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A one-line text field: trimmed, bounded, no control characters. */
export const text = (label: string, max: number) =>
  z
    .string({ message: `${label}应为文本` })
    .trim()
    .max(max, `${label}不能超过${max}字`)
    .refine((s) => !CONTROL.test(s), `${label}不能包含控制字符或换行`);
/** A multi-line text field (情况、备注、说明): line breaks and tabs allowed, other control characters not. */
export const longText = (label: string, max: number) =>
  z
    .string({ message: `${label}应为文本` })
    .trim()
    .max(max, `${label}不能超过${max}字`)
    .refine((s) => !CONTROL_IN_LINES.test(s), `${label}不能包含控制字符`);
export const required = (label: string, max: number) => text(label, max).min(1, `请填写${label}`);
export const requiredLong = (label: string, max: number) => longText(label, max).min(1, `请填写${label}`);
export const id = z.number({ message: '编号应为数字' }).int('编号应为整数').positive('编号应为正整数');

/** Bounds of the free-form facts object (checked for every category, with or without a fact schema). */
export const FACTS_LIMITS = { maxChars: 20_000, maxDepth: 4, maxKeys: 200, maxText: 2000 } as const;

/** Bounds of a form's content (a report version or a print job): table rows make it larger than facts. */
export const FORM_LIMITS = { maxChars: 1_000_000, maxDepth: 8, maxKeys: 20_000, maxText: 20_000 } as const;

/** Why a facts object is refused, or null: size, nesting depth, key count and text are bounded. */
export function factsProblem(facts: unknown): string | null {
  return jsonProblem(facts, FACTS_LIMITS);
}

/** Why a free-form JSON value is refused, or null (the words follow the object's label). */
export function jsonProblem(
  value: unknown,
  limits: { maxChars: number; maxDepth: number; maxKeys: number; maxText: number },
): string | null {
  let keys = 0;
  const walk = (v: unknown, depth: number): string | null => {
    if (v === null || typeof v === 'boolean') return null;
    if (typeof v === 'number') return Number.isFinite(v) ? null : '数值无效';
    if (typeof v === 'string') {
      if (v.length > limits.maxText) return `单项文字不能超过${limits.maxText}字`;
      return CONTROL_IN_LINES.test(v) ? '不能包含控制字符' : null;
    }
    if (typeof v !== 'object') return '含有无效的值';
    if (depth >= limits.maxDepth) return `层级不能超过${limits.maxDepth}层`;
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    for (const [k, x] of entries) {
      keys += 1;
      if (keys > limits.maxKeys) return `项目不能超过${limits.maxKeys}个`;
      if (CONTROL.test(k) || k.length > 100) return '含有无效的项目名';
      const p = walk(x, depth + 1);
      if (p) return p;
    }
    return null;
  };
  const problem = walk(value, 0);
  if (problem) return problem;
  return JSON.stringify(value).length > limits.maxChars ? `内容过多（不超过${limits.maxChars}字符）` : null;
}

const facts = z.record(z.string(), z.unknown(), { message: '事件要素应为对象' }).superRefine((v, ctx) => {
  const problem = factsProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: `事件要素${problem}` });
});

export const officerSchema = z.object({
  leader: required('带班领导', 20),
  officer: required('值班员', 20),
});

/**
 * The fields of an incident without defaults: what an update may send. Every field is optional in a
 * patch, and an absent field stays exactly as recorded (a default here would overwrite it).
 */
const incidentFieldShape = {
  category: z.enum(CATEGORY_IDS, { message: '请选择事件类别' }),
  title: required('事件标题', 120),
  places: z
    .array(required('地点', 60), { message: '地点应为列表' })
    .min(1, '请至少选择一个地点')
    .max(10, '地点最多10个'),
  occurredAt: instant,
  discoveredAt: instant.nullable(),
  receivedAt: instant,
  reporterUnit: text('报告单位', 80),
  reporterName: text('报告人', 30),
  reporterPhone: text('联系电话', 40).superRefine((v, ctx) => {
    const problem = phoneTextProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  receiveChannel: z.enum(RECEIVE_CHANNELS, { message: '请选择接报方式' }),
  narrative: longText('事件简要情况', 20000),
  facts,
  drill: z.boolean({ message: '演练标记应为是或否' }),
  levelOverride: z.enum(LEVELS, { message: '请选择事件级别' }).nullable(),
  responseOverride: z.enum(RESPONSE_LEVELS, { message: '请选择响应级别' }).nullable(),
};

/** A new registration: optional fields take their defaults (a new record has nothing to keep). */
export const incidentFieldsSchema = z.object({
  ...incidentFieldShape,
  discoveredAt: incidentFieldShape.discoveredAt.optional(),
  receivedAt: incidentFieldShape.receivedAt.optional(),
  reporterUnit: incidentFieldShape.reporterUnit.default(''),
  reporterName: incidentFieldShape.reporterName.default(''),
  reporterPhone: incidentFieldShape.reporterPhone.default(''),
  receiveChannel: incidentFieldShape.receiveChannel.default('电话'),
  narrative: incidentFieldShape.narrative.default(''),
  facts: incidentFieldShape.facts.default({}),
  drill: incidentFieldShape.drill.default(false),
  levelOverride: incidentFieldShape.levelOverride.default(null),
  responseOverride: incidentFieldShape.responseOverride.default(null),
});

/** An incident patch: no defaults, so a field not sent is not touched. The category is fixed at registration. */
export const incidentPatchSchema = z
  .object(incidentFieldShape)
  .omit({ category: true })
  .partial()
  // effectiveAt: when the new level or facts became known (43号 5.1.1(6)); default now.
  .extend({ reason: longText('修改原因', 200).optional(), effectiveAt: instant.optional() })
  .strict();

/** Times must be in the order things happen; a receive time may be back-dated but not precede the event. */
function checkTimeOrder(
  v: { occurredAt?: string; discoveredAt?: string | null; receivedAt?: string },
  ctx: z.RefinementCtx,
): void {
  const t = (s?: string | null) => (s ? Date.parse(s) : NaN);
  if (v.discoveredAt && t(v.discoveredAt) < t(v.occurredAt)) {
    ctx.addIssue({ code: 'custom', path: ['discoveredAt'], message: '发现时间不能早于发生时间' });
  }
  if (v.receivedAt && t(v.receivedAt) < t(v.occurredAt)) {
    ctx.addIssue({ code: 'custom', path: ['receivedAt'], message: '接报时间不能早于发生时间' });
  }
}

export const incidentCreateSchema = incidentFieldsSchema.superRefine(checkTimeOrder);

export const incidentUpdateSchema = z.object({
  id,
  patch: incidentPatchSchema.superRefine(checkTimeOrder),
  /** The version the officer started from (issue 17): an older one than stored is refused. */
  version: z.number({ message: '版本应为数字' }).int('版本应为整数').min(1, '版本应为正整数').optional(),
});

/** Per-incident reporting settings (issue 12): the leader's 续报 interval, 发生时间 不详, end of handling. */
export const reportingSettingsSchema = z
  .object({
    id,
    followUpMinutes: z
      .number({ message: '续报提醒间隔应为数字（分钟）' })
      .int('续报提醒间隔应为整数（分钟）')
      .min(1, '续报提醒间隔至少为1分钟')
      .max(10080, '续报提醒间隔不能超过10080分钟（7天）')
      .nullable()
      .optional(),
    occurredUnknown: z.boolean({ message: '「发生时间不详」应为是或否' }).optional(),
    handlingEndedAt: instant.nullable().optional(),
  })
  .strict();

/** Which incidents: the filter of a list, without paging (incidents:list adds limit and cursor). */
export const incidentFilterSchema = z.object({
  statuses: z.array(z.enum(STATUSES)).optional(),
  categories: z.array(z.enum(CATEGORY_IDS)).optional(),
  levels: z.array(z.enum([...LEVELS, '未定级'])).optional(),
  place: text('地点', 60).optional(),
  from: instant.optional(),
  to: instant.optional(),
  search: text('搜索', 100).optional(),
  drills: z.enum(['exclude', 'include', 'only']).default('include'),
});
export const incidentListSchema = incidentFilterSchema.default({ drills: 'include' });
export type IncidentFilter = z.output<typeof incidentFilterSchema>;

export const statusChangeSchema = z.object({
  id,
  status: z.enum(STATUSES, { message: '未知的状态' }),
  note: longText('说明', 500).default(''),
  /** Closing with reports still unsent must be asked for explicitly (the UI names them first). */
  confirmUnsent: z.boolean({ message: '「确认未报送的报告」应为是或否' }).default(false),
});

export const noteSchema = z
  .object({
    id,
    kind: z.enum(NOTE_KINDS, { message: '未知的记录类型' }),
    text: requiredLong('内容', 5000),
    givenBy: text('批示领导', 40).default(''),
  })
  .refine((v) => v.kind !== '领导批示' || v.givenBy.length > 0, {
    path: ['givenBy'],
    message: '领导批示须注明批示领导',
  });

export const voidEntrySchema = z.object({
  incidentId: id,
  entryId: id,
  reason: requiredLong('作废原因', 300),
});

export const clockCompleteSchema = z.object({
  incidentId: id,
  clockId: required('时限编号', 80),
  completedAt: instant,
  channel: z.enum(CLOCK_CHANNELS, { message: '请选择报送方式' }),
  recipientUnit: required('接收单位', 80),
  recipientName: required('接收人', 30),
});

export const clockNotApplicableSchema = z.object({
  incidentId: id,
  clockId: required('时限编号', 80),
  reason: requiredLong('不适用原因', 300),
});

export const byIdSchema = z.object({ id });
export const emptySchema = z.object({}).strict().default({});

export const alarmAckSchema = z
  .object({ clockKey: required('时限', 120).optional() })
  .strict()
  .default({});
