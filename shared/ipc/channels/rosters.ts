/** Channels of the 通讯录与呼叫清单 feature. Add a channel: its schema here and its result type below. */
import { z } from 'zod';
import type {
  CallListView,
  ContactHistoryEntry,
  ImportApplied,
  ImportPreview,
  RosterContact,
  RosterFile,
  RosterSearchHit,
  RosterSummary,
  RosterView,
  SeedReport,
} from '../../domain/roster';
import { CALL_RESULTS, CONTACT_ROLES, ENTRY_KINDS } from '../../domain/roster';
import type { IncidentDetail } from '../../domain/incident-view';
import { RESPONSE_LEVELS } from '../../domain/incident';
import type { RosterPrint } from '../../forms/types';
import { id, instant, longText, required, requiredLong, text } from '../schemas';

/** Largest roster file accepted for import. */
export const MAX_ROSTER_FILE_BYTES = 5 * 1024 * 1024;

/**
 * The most hits `rosters:search` answers, the most relevant first. A common word (市, 局) matches
 * hundreds of entries; the page lists them virtualised and says when the list stops here.
 */
export const ROSTER_SEARCH_MAX = 500;

const rosterId = required('通讯录', 40).regex(/^[a-z0-9-]+$/, '通讯录编号无效');
const format = z.enum(['xlsx', 'csv'], { message: '文件格式应为 xlsx 或 csv' });

/** A contact's fields as an edit may send them: no defaults, so a field not sent stays as it is. */
const contactShape = {
  role: z.enum(CONTACT_ROLES, { message: '请选择联系人类别' }),
  name: required('姓名', 30),
  title: text('职务', 80),
  officePhone: text('办公电话', 120),
  mobile: text('手机', 120),
  redPhone: text('红机', 60),
  fax: text('传真', 120),
  note: longText('备注', 200),
  validFrom: instant,
};

/** A new contact: the fields left out start empty. */
const contactCreate = z
  .object({
    ...contactShape,
    title: contactShape.title.default(''),
    officePhone: contactShape.officePhone.default(''),
    mobile: contactShape.mobile.default(''),
    redPhone: contactShape.redPhone.default(''),
    fax: contactShape.fax.default(''),
    note: contactShape.note.default(''),
    validFrom: contactShape.validFrom.optional(),
    reason: longText('修改说明', 200).default(''),
    rosterId,
    entryKind: z.enum(ENTRY_KINDS, { message: '条目类别无效' }),
    entryId: required('条目', 60),
  })
  .strict();

/** An edit of a stored contact (by id): only the fields sent change. */
export const contactPatchSchema = z
  .object(contactShape)
  .partial()
  .extend({
    id,
    reason: longText('修改说明', 200).default(''),
    /** The version the officer started from (issue 17): an older one than stored is refused. */
    version: z.number({ message: '版本应为数字' }).int('版本应为整数').min(1, '版本应为正整数').optional(),
  })
  .strict();

const fileInput = z.object({
  rosterId,
  format,
  fileName: text('文件名', 200).default(''),
  // base64 of at most MAX_ROSTER_FILE_BYTES; the service checks the decoded size again.
  contentBase64: z
    .string({ message: '文件内容应为 base64 文本' })
    .min(1, '文件为空')
    .max(Math.ceil(MAX_ROSTER_FILE_BYTES / 3) * 4 + 4, '文件过大（最大5 MB）')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容不是有效的 base64 文本'),
});

export const rosterChannels = {
  'rosters:list': z.object({}).strict().default({}),
  'rosters:get': z.object({ rosterId, includeEnded: z.boolean().default(false) }),
  'rosters:search': z.object({ query: required('搜索内容', 60), rosterId: rosterId.optional() }),
  /** Adds a contact under a seed entry (no id) or changes one (id); every change goes to history. */
  'rosters:save-contact': z.union([contactPatchSchema, contactCreate]),
  /** A person who leaves is ended, never deleted. */
  'rosters:end-contact': z.object({ id, reason: requiredLong('离任原因', 200), endedAt: instant.optional() }),
  'rosters:history': z.object({ rosterId: rosterId.optional(), contactId: id.optional() }),
  'rosters:call-list': z.object({ incidentId: id, response: z.enum(RESPONSE_LEVELS).optional() }),
  'rosters:record-call': z.object({
    incidentId: id,
    target: required('呼叫对象', 200),
    number: text('号码', 40).default(''),
    result: z.enum(CALL_RESULTS, { message: '请选择呼叫结果' }),
    at: instant,
    note: longText('备注', 300).default(''),
    key: text('对象编号', 200).default(''),
  }),
  'rosters:import-preview': fileInput,
  /** Applies the same file after the officer has seen the preview; refuses when any row is wrong. */
  'rosters:import-apply': fileInput,
  'rosters:export': z.object({ rosterId: rosterId.optional(), format }),
  'rosters:print-data': z.object({ rosterId }),
  // No page calls it: the handlers seed before the first roster access. It re-runs the idempotent
  // seed on demand and reports what changed (the roster tests check a gazette update with it).
  'rosters:seed': z.object({}).strict().default({}),
} as const;

export interface RosterOutputs {
  'rosters:list': RosterSummary[];
  'rosters:get': RosterView;
  'rosters:search': RosterSearchHit[];
  'rosters:save-contact': RosterContact;
  'rosters:end-contact': RosterContact;
  'rosters:history': ContactHistoryEntry[];
  'rosters:call-list': CallListView;
  'rosters:record-call': IncidentDetail;
  'rosters:import-preview': ImportPreview;
  'rosters:import-apply': ImportApplied;
  'rosters:export': RosterFile;
  'rosters:print-data': RosterPrint;
  'rosters:seed': SeedReport;
}
