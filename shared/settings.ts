/** Console settings: defaults, schema and upgrade of older files (pure, tested). */
import { z } from 'zod';

/** A time of day on the 24-hour clock, 00:00 to 23:59. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const SHIFT_START_MESSAGE = '交接班时间应为 00:00 至 23:59 之间的时刻（HH:mm）';
// eslint-disable-next-line no-control-regex -- matching control characters is the purpose of this pattern
const CONTROL = /[\u0000-\u001F\u007F]/;
/** Shifts tile the day: the schedule cuts 24 hours into equal shifts (4, 6, 8, 12 or 24 hours). */
const dividesDay = (h: number): boolean => 24 % h === 0;
const SHIFT_HOURS_MESSAGE = '每班时长应能整除24小时（4、6、8、12或24小时）';

export const settingsSchema = z.object({
  schema: z.literal(1).default(1),
  /** 即将到期 starts this many minutes before a deadline. */
  dueSoonMinutes: z.number().int().min(1).max(120).default(10),
  /** Re-remind every N minutes while a clock is overdue and unacknowledged. */
  repeatMinutes: z.number().int().min(1).max(60).default(5),
  /** Minutes ahead shown in the strip of upcoming deadlines. */
  upcomingMinutes: z.number().int().min(5).max(240).default(30),
  shiftStart: z.string().regex(TIME_OF_DAY, SHIFT_START_MESSAGE).default('08:30'),
  shiftHours: z.number().int().min(4).max(24).refine(dividesDay, SHIFT_HOURS_MESSAGE).default(24),
  stationName: z.string().max(60).default('朔州市人民政府总值班室'),
  backupKeep: z.number().int().min(1).max(365).default(14),
  /**
   * 待初步判定: minutes after 接报 an incident still without a level raises a reminder. The duty
   * room's own rule, not a plan's clause (issue 12; shared/rules/README.md "Unknown level").
   */
  pendingLevelMinutes: z.number().int().min(5).max(240).default(30),
  /** Idle minutes before the screen locks (GB/T 22239-2019 8.1.4.1 b 登录连接超时). */
  idleLockMinutes: z.number().int().min(1).max(240).default(15),
});

export type Settings = z.output<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Reads any stored shape; unknown or invalid fields fall back to defaults rather than failing start-up. */
export function parseSettings(raw: unknown): Settings {
  // any object: each field is read as unknown and checked by its schema below
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(settingsSchema.shape)) {
    // Object.keys is typed string[]; these are the keys of the same shape
    const field = settingsSchema.shape[key as keyof typeof settingsSchema.shape];
    const r = field.safeParse(obj[key]);
    if (r.success) out[key] = r.data;
  }
  return settingsSchema.parse(out);
}

/** A partial update from the UI: no defaults here, so absent fields stay as they are. */
export const settingsPatchSchema = z
  .object({
    dueSoonMinutes: z
      .number({ message: '即将到期提前分钟数应为数字' })
      .int('即将到期提前分钟数应为整数')
      .min(1, '提前提醒至少1分钟')
      .max(120, '提前提醒不超过120分钟'),
    repeatMinutes: z
      .number({ message: '重复提醒间隔应为数字' })
      .int('重复提醒间隔应为整数')
      .min(1, '重复提醒间隔至少1分钟')
      .max(60, '重复提醒间隔不超过60分钟'),
    upcomingMinutes: z
      .number({ message: '看板显示的到期范围应为数字' })
      .int('看板显示的到期范围应为整数')
      .min(5, '看板显示的到期范围至少5分钟')
      .max(240, '看板显示的到期范围不超过240分钟'),
    shiftStart: z.string({ message: SHIFT_START_MESSAGE }).regex(TIME_OF_DAY, SHIFT_START_MESSAGE),
    shiftHours: z
      .number({ message: '每班时长应为数字' })
      .int('每班时长应为整数小时')
      .min(4, '每班时长至少4小时')
      .max(24, '每班时长不超过24小时')
      .refine(dividesDay, SHIFT_HOURS_MESSAGE),
    stationName: z
      .string({ message: '值班单位名称应为文本' })
      .trim()
      .min(1, '请填写值班单位名称')
      .max(60, '值班单位名称不能超过60字')
      .refine((v) => !CONTROL.test(v), '值班单位名称不能包含控制字符或换行'),
    backupKeep: z
      .number({ message: '保留备份份数应为数字' })
      .int('保留备份份数应为整数')
      .min(1, '备份至少保留1份')
      .max(365, '备份最多保留365份'),
    pendingLevelMinutes: z
      .number({ message: '待初步判定提醒时长应为数字' })
      .int('待初步判定提醒时长应为整数分钟')
      .min(5, '待初步判定提醒时长至少5分钟')
      .max(240, '待初步判定提醒时长不超过240分钟'),
    idleLockMinutes: z
      .number({ message: '空闲锁屏时间应为数字' })
      .int('空闲锁屏时间应为整数分钟')
      .min(1, '空闲锁屏时间至少1分钟')
      .max(240, '空闲锁屏时间不超过240分钟'),
  })
  .partial()
  .strict();
