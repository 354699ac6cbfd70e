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

/** Instants with an explicit offset; the year window rejects typos such as 0202 or 20266. */
export const instant = z.iso
  .datetime({ offset: true, message: '时间格式应为 ISO 8601（含时区）' })
  .refine((s) => {
    const y = new Date(s).getUTCFullYear();
    return y >= 2000 && y <= 2100;
  }, '时间超出合理范围（2000—2100年）');

const text = (label: string, max: number) =>
  z.string({ message: `${label}应为文本` }).trim().max(max, `${label}不能超过${max}字`);
const required = (label: string, max: number) => text(label, max).min(1, `请填写${label}`);
const id = z.number({ message: '编号应为数字' }).int().positive();

export const officerSchema = z.object({
  leader: required('带班领导', 20),
  officer: required('值班员', 20),
});

export const incidentFieldsSchema = z.object({
  category: z.enum(CATEGORY_IDS, { message: '请选择事件类别' }),
  title: required('事件标题', 120),
  places: z.array(required('地点', 60)).min(1, '请至少选择一个地点').max(10, '地点最多10个'),
  occurredAt: instant,
  discoveredAt: instant.nullable().optional(),
  receivedAt: instant.optional(),
  reporterUnit: text('报告单位', 80).default(''),
  reporterName: text('报告人', 30).default(''),
  reporterPhone: text('联系电话', 40).default(''),
  receiveChannel: z.enum(RECEIVE_CHANNELS, { message: '请选择接报方式' }).default('电话'),
  narrative: text('事件简要情况', 20000).default(''),
  facts: z.record(z.string(), z.unknown()).default({}),
  drill: z.boolean().default(false),
  levelOverride: z.enum(LEVELS).nullable().default(null),
  responseOverride: z.enum(RESPONSE_LEVELS).nullable().default(null),
});

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
  patch: incidentFieldsSchema
    .omit({ category: true })
    .partial()
    .extend({ receivedAt: instant.optional(), reason: text('修改原因', 200).default('') })
    .superRefine(checkTimeOrder),
});

export const incidentListSchema = z
  .object({
    statuses: z.array(z.enum(STATUSES)).optional(),
    categories: z.array(z.enum(CATEGORY_IDS)).optional(),
    levels: z.array(z.enum([...LEVELS, '未定级'])).optional(),
    place: text('地点', 60).optional(),
    from: instant.optional(),
    to: instant.optional(),
    search: text('搜索', 100).optional(),
    drills: z.enum(['exclude', 'include', 'only']).default('include'),
  })
  .default({ drills: 'include' });

export const statusChangeSchema = z.object({
  id,
  status: z.enum(STATUSES, { message: '未知的状态' }),
  note: text('说明', 500).default(''),
  /** Closing with reports still unsent must be asked for explicitly (the UI names them first). */
  confirmUnsent: z.boolean({ message: '「确认未报送的报告」应为是或否' }).default(false),
});

export const noteSchema = z
  .object({
    id,
    kind: z.enum(NOTE_KINDS, { message: '未知的记录类型' }),
    text: required('内容', 5000),
    givenBy: text('批示领导', 40).default(''),
  })
  .refine((v) => v.kind !== '领导批示' || v.givenBy.length > 0, {
    path: ['givenBy'],
    message: '领导批示须注明批示领导',
  });

export const voidEntrySchema = z.object({
  incidentId: id,
  entryId: id,
  reason: required('作废原因', 300),
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
  reason: required('不适用原因', 300),
});

export const byIdSchema = z.object({ id });
export const emptySchema = z.object({}).strict().default({});

export const alarmAckSchema = z
  .object({ clockKey: z.string().min(1).max(120).optional() })
  .strict()
  .default({});
