/**
 * Channels of the 值班表、值班日志、交接班 feature. Add a channel: its schema here and its result
 * type below (CONTRACT_IS_COMPLETE checks the pairing).
 */
import { z } from 'zod';
import type { DutyLogDay, HandoverRecord } from '../../forms/types';
import type { ShiftAssignment, ShiftConfig } from '../../schedule/index';
import type { DutyLog } from '../../stats/duty-log';
import type { ExportedFile } from '../exported-file';
import { id, instant, longText, required, requiredLong } from '../schemas';

const month = z.string({ message: '月份应为文本' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const day = z.string({ message: '日期应为文本' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const field = z.enum(['leader', 'officer'], { message: '请选择带班领导或值班员' });
const shift = z.number({ message: '班次应为数字' }).int().min(0).max(23).default(0);
const names = (label: string) =>
  z
    .array(required(label, 20), { message: `${label}应为姓名列表` })
    .min(1, `${label}至少需要一人`)
    .max(60, `${label}最多60人`);
const reason = requiredLong('调整原因', 200);

export const TABLE_EXPORT_FORMATS = ['xlsx', 'csv', 'docx', 'json'] as const;
export const DUTY_LOG_EXPORT_FORMATS = [...TABLE_EXPORT_FORMATS, 'pdf'] as const;

export const dutyChannels = {
  'schedule:get': z.object({ month }),
  /** Plans a month from the rosters of leaders and officers; replacing a stored month needs a reason. */
  'schedule:generate': z.object({
    month,
    leaders: names('带班领导'),
    officers: names('值班员'),
    holidayLeaders: z.array(required('节假日带班领导', 20)).max(60).optional(),
    replace: z.boolean().default(false),
    reason: longText('重新生成原因', 200).default(''),
    /** The current month is planned from today's duty day unless the officer asks for the whole month. */
    fromMonthStart: z.boolean({ message: '「从月初开始」应为是或否' }).default(false),
  }),
  /** 替班: someone else takes one shift's role. */
  'schedule:swap': z.object({ date: day, shift, field, newPerson: required('替班人员', 20), reason }),
  /** 换班: two shifts exchange one role's holders. */
  'schedule:exchange': z.object({ date: day, shift, withDate: day, withShift: shift, field, reason }),
  /** The shift holding now and the next one, from the stored schedule. */
  'schedule:now': z.object({}).strict().default({}),
  'schedule:export': z.object({ month, format: z.enum(TABLE_EXPORT_FORMATS, { message: '导出格式无效' }) }),

  /** One duty day's compiled log; today's duty day when no day is given. */
  'duty-log:get': z.object({ day: day.optional() }).default({}),
  'duty-log:add-remark': z.object({ day, text: requiredLong('备注内容', 2000), at: instant.optional() }),
  'duty-log:edit-remark': z.object({ id, text: requiredLong('备注内容', 2000) }),
  /** The log of one day, or of every day from `day` to `toDay` (XLSX/CSV/DOCX/JSON only). */
  'duty-log:export': z
    .object({ day, toDay: day.optional(), format: z.enum(DUTY_LOG_EXPORT_FORMATS, { message: '导出格式无效' }) })
    .refine((v) => !v.toDay || v.toDay >= v.day, { path: ['toDay'], message: '结束日期不能早于开始日期' })
    .refine((v) => !v.toDay || v.format !== 'pdf', { path: ['format'], message: 'PDF 只能导出单日值班日志' }),

  /** What the outgoing officer would hand over now (nothing is stored). */
  'handover:draft': z.object({}).strict().default({}),
  'handover:create': z.object({
    toLeader: required('接班带班领导', 20),
    toOfficer: required('接班值班员', 20),
    pendingInstructions: longText('待落实批示', 4000).default(''),
    equipment: longText('设备运行情况', 1000).default('设备运行正常'),
    notes: longText('其他事项', 4000).default(''),
  }),
  /** The incoming officers confirm they took over; their names must match the sheet. */
  'handover:acknowledge': z.object({
    id,
    leader: required('接班带班领导', 20),
    officer: required('接班值班员', 20),
    note: longText('接班意见', 500).default(''),
  }),
  'handover:cancel': z.object({ id, reason: requiredLong('撤回原因', 200) }),
  'handover:list': z
    .object({ day: day.optional(), limit: z.number().int().min(1).max(500).default(50) })
    .default({ limit: 50 }),
} as const;

/** A stored month of the schedule with its change log. */
export interface ScheduleMonth {
  month: string;
  shifts: ShiftAssignment[];
  /** null when the month has not been planned yet. */
  plan: null | {
    leaders: string[];
    officers: string[];
    holidayLeaders: string[] | null;
    config: ShiftConfig;
    generatedAt: string;
    generatedBy: string;
  };
  changes: ScheduleChange[];
  /** false when neither an entered notice nor the packaged tables cover the year (statutory days only). */
  holidayDataKnown: boolean;
  /** Where the month's holiday marks come from (an entered notice, the package, or 放假办法). */
  holidaySource: string;
  /** What the schedule says of a year without its notice (null when the notice is known). */
  holidayNotice: string | null;
}

export interface ScheduleChange {
  id: number;
  kind: '生成' | '重新生成' | '替班' | '换班';
  text: string;
  reason: string;
  at: string;
  officer: string;
}

export interface ScheduleNow {
  now: ShiftAssignment | null;
  next: ShiftAssignment | null;
}

export type { ExportedFile };

export interface DutyRemark {
  id: number;
  day: string;
  at: string;
  text: string;
  officer: string;
  leader: string;
  createdAt: string;
  editedAt: string | null;
  editedBy: string | null;
  /** Earlier wordings; officerId is the writer's account where it was recorded (issue 18). */
  previous: { text: string; at: string; officer: string; officerId?: number }[];
}

export interface DutyLogView {
  log: DutyLog;
  remarks: DutyRemark[];
  /** The printable 值班日志 of the day. */
  form: DutyLogDay;
  /** The duty day holding now (the page opens on it). */
  today: string;
}

export interface HandoverSheet {
  openIncidents: {
    id: number;
    serial: string;
    title: string;
    level: string | null;
    status: string;
    nextStep: string;
    drill: boolean;
  }[];
  clocks: { incidentId: number; incident: string; title: string; dueAt: string; basis: string; overdue: boolean }[];
  /** Reports drafted or signed but not yet sent (续报 among them). */
  pendingReports: { incidentId: number; incident: string; label: string; status: 'draft' | 'signed' }[];
  instructions: { incidentId: number; incident: string; at: string; text: string }[];
}

export interface HandoverDraft {
  at: string;
  from: { leader: string; officer: string };
  /** The scheduled holders of the shift after now, offered as the incoming officers. */
  suggestedTo: { leader: string; officer: string } | null;
  sheet: HandoverSheet;
  /** Pending instructions and reports as the printed sheet words them. */
  pendingText: string;
}

export interface Handover {
  id: number;
  createdAt: string;
  dutyDay: string;
  from: { leader: string; officer: string };
  to: { leader: string; officer: string };
  sheet: HandoverSheet;
  pendingInstructions: string;
  equipment: string;
  notes: string;
  status: 'pending' | 'acknowledged' | 'cancelled';
  acknowledgedAt: string | null;
  acknowledgedBy: { leader: string; officer: string } | null;
  ackNote: string | null;
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
  /** The printable 交接班记录 (both sides' names and times in it). */
  record: HandoverRecord;
}

export interface DutyOutputs {
  'schedule:get': ScheduleMonth;
  'schedule:generate': ScheduleMonth;
  'schedule:swap': ScheduleMonth;
  'schedule:exchange': ScheduleMonth;
  'schedule:now': ScheduleNow;
  'schedule:export': ExportedFile;
  'duty-log:get': DutyLogView;
  'duty-log:add-remark': DutyLogView;
  'duty-log:edit-remark': DutyLogView;
  /** null: the officer cancelled the PDF's save dialog (Electron). */
  'duty-log:export': ExportedFile | null;
  'handover:draft': HandoverDraft;
  'handover:create': Handover;
  'handover:acknowledge': Handover;
  'handover:cancel': Handover;
  'handover:list': Handover[];
}
