/** Channels of the report chain (初报、续报、终报、更正) and of printing. */
import { z } from 'zod';
import { CLOCK_CHANNELS } from '../../domain/incident';
import type { Report } from '../../domain/report';
import { FORM_LIMITS, instant, jsonProblem, required } from '../schemas';

const id = z.number({ message: '编号应为数字' }).int().positive();
const FORM_KINDS = [
  'radiation-initial',
  'radiation-follow-up',
  'radiation-final',
  'info-report',
  'duty-log',
  'handover',
  'roster',
] as const;
export const formInputSchema = z.object(
  {
    kind: z.enum(FORM_KINDS, { message: '未知的表单类型' }),
    // Each form's own shape is checked where it is used (reports: assertReportForm; print: the renderer).
    data: z
      .custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { message: '表单内容应为对象' })
      .superRefine((v, ctx) => {
        // Bounded, and no control characters in any field the officer typed.
        const problem = jsonProblem(v, FORM_LIMITS);
        if (problem) ctx.addIssue({ code: 'custom', message: `表单内容${problem}` });
      }),
  },
  { message: '表单内容有误' },
);

export const reportChannels = {
  'reports:list': z.object({ incidentId: id }),
  'reports:draft': z.object({ incidentId: id, kind: z.enum(['初报', '续报', '终报'], { message: '未知的报告类型' }) }),
  'reports:save': z.object({
    reportId: id,
    content: formInputSchema,
    /** The draft version the officer started from (issue 17): an older one than stored is refused. */
    version: z.number({ message: '稿次应为数字' }).int('稿次应为整数').min(1, '稿次应为正整数').optional(),
  }),
  'reports:sign': z.object({
    reportId: id,
    signedBy: required('签发人', 30),
    signedAt: instant,
    /** The officer confirmed signing a version whose level is not the incident's level in force. */
    confirmLevel: z.boolean().default(false),
  }),
  'reports:dispatch': z.object({
    reportId: id,
    sentAt: instant,
    // One 报送 may go to several recipients at once (a list); a single name is one recipient.
    sentTo: z.union([
      z.string().trim().min(1, '请填写报送单位').max(80),
      z
        .array(z.string().trim().min(1, '报送单位不能为空').max(80))
        .min(1, '请填写报送单位')
        .max(10, '一次报送最多10个单位'),
    ]),
    channel: z.enum(CLOCK_CHANNELS, { message: '请选择报送方式' }),
    confirmedBy: required('电话确认的接收人姓名', 30),
    /** The clocks this dispatch completes; absent: every open clock whose recipient is among sentTo. */
    clockIds: z.array(z.string().min(1).max(80)).max(30).optional(),
    /** The officer confirmed completing clocks whose recipient is not among sentTo. */
    confirmMismatch: z.boolean().default(false),
    /** The officer confirmed sending a version whose level is not the incident's level in force. */
    confirmLevel: z.boolean().default(false),
  }),
  'reports:correct': z.object({ reportId: id }),
} as const;

export interface ReportOutputs {
  'reports:list': Report[];
  'reports:draft': Report;
  'reports:save': Report;
  'reports:sign': Report;
  'reports:dispatch': Report;
  'reports:correct': Report;
}
