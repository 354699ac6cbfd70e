/** Console settings: defaults, schema and upgrade of older files (pure, tested). */
import { z } from 'zod';

export const settingsSchema = z.object({
  schema: z.literal(1).default(1),
  /** 即将到期 starts this many minutes before a deadline. */
  dueSoonMinutes: z.number().int().min(1).max(120).default(10),
  /** Re-remind every N minutes while a clock is overdue and unacknowledged. */
  repeatMinutes: z.number().int().min(1).max(60).default(5),
  /** Minutes ahead shown in the strip of upcoming deadlines. */
  upcomingMinutes: z.number().int().min(5).max(240).default(30),
  shiftStart: z.string().regex(/^\d{2}:\d{2}$/).default('08:30'),
  shiftHours: z.number().int().min(4).max(24).default(24),
  stationName: z.string().max(60).default('朔州市人民政府总值班室'),
  backupKeep: z.number().int().min(1).max(365).default(14),
});

export type Settings = z.output<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Reads any stored shape; unknown or invalid fields fall back to defaults rather than failing start-up. */
export function parseSettings(raw: unknown): Settings {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(settingsSchema.shape)) {
    const field = settingsSchema.shape[key as keyof typeof settingsSchema.shape];
    const r = field.safeParse(obj[key]);
    if (r.success) out[key] = r.data;
  }
  return settingsSchema.parse(out);
}

/** A partial update from the UI: no defaults here, so absent fields stay as they are. */
export const settingsPatchSchema = z
  .object({
    dueSoonMinutes: z.number().int().min(1, '提前提醒至少1分钟').max(120, '提前提醒不超过120分钟'),
    repeatMinutes: z.number().int().min(1, '重复提醒间隔至少1分钟').max(60, '重复提醒间隔不超过60分钟'),
    upcomingMinutes: z.number().int().min(5).max(240),
    shiftStart: z.string().regex(/^\d{2}:\d{2}$/, '交班时间格式为 HH:mm'),
    shiftHours: z.number().int().min(4).max(24),
    stationName: z.string().trim().min(1).max(60),
    backupKeep: z.number().int().min(1).max(365),
  })
  .partial()
  .strict();
