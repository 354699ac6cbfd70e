/**
 * Channels of the holiday notices (节假日安排): the State Council's notice for a year, entered by the
 * administrator or 带班领导 where the packaged data lacks it or is wrong. Each refusal names the
 * field and the date in Chinese (shared/schedule/holiday-notice.ts checks the notice as a whole).
 */
import { z } from 'zod';
import { FESTIVALS, holidayNoticeProblems } from '../../schedule/holiday-notice';
import type { HolidayNotice } from '../../schedule/holiday-notice';
import { longText, required, text } from '../schemas';

const year = z
  .number({ message: '年份应为数字' })
  .int('年份应为整数')
  .min(2000, '年份应在2000至2100年之间')
  .max(2100, '年份应在2000至2100年之间');
const date = (label: string) =>
  z
    .string({ message: `${label}应为日期` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD（如 2027-02-06）`);

const period = z.object({
  festival: z.enum(FESTIVALS, { message: '节日应为元旦、春节、清明节、劳动节、端午节、中秋节或国庆节之一' }),
  from: date('放假起始日期'),
  to: date('放假结束日期'),
  workdays: z
    .array(date('调休上班日期'), { message: '调休上班日期应为日期列表' })
    .max(10, '调休上班日最多10天')
    .default([]),
});

export const holidayChannels = {
  /** Every entered notice, newest year first. */
  'holidays:list': z.object({}).strict().default({}),
  /** Enters or replaces a year's notice; it takes precedence over the packaged data from then on. */
  'holidays:save': z
    .object({
      year,
      title: required('通知标题', 100),
      docNo: text('文号', 50).default(''),
      periods: z
        .array(period, { message: '放假安排应为列表' })
        .min(1, '请至少录入一个节日的放假安排')
        .max(7, '放假安排最多7个节日'),
    })
    .superRefine((v, ctx) => {
      for (const p of holidayNoticeProblems(v)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
    }),
  /** Removes a year's entered notice: the year falls back to the packaged data or the statutory days. */
  'holidays:delete': z.object({ year, reason: longText('删除原因', 200).min(1, '请填写删除原因') }),
} as const;

export interface HolidayNoticeView extends HolidayNotice {
  /** Whether the packaged data also covers the year (the entered notice then corrects it). */
  packaged: boolean;
  /** Stored shifts whose day kind the notice changed when it was saved (0 when listed). */
  shiftsUpdated: number;
}

export interface HolidayOutputs {
  'holidays:list': HolidayNoticeView[];
  'holidays:save': HolidayNoticeView;
  'holidays:delete': { year: number; shiftsUpdated: number };
}
