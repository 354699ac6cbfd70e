/**
 * The shape of every report form, checked where a version arrives over IPC (reports:save): a
 * version is a whole form, so every field must be there with its type, table rows included, and
 * nothing unknown may ride along and be silently dropped. Messages name fields by their labels.
 */
import { z } from 'zod';
import type { FormInput } from '../forms/types';
import {
  COMMS_CONTENT,
  DEPARTMENT_COLUMNS,
  DEVICE_COLUMNS,
  ENVIRONMENT_CONTENT,
  SOURCE_COLUMNS,
  fieldLabel,
  isReportFormKind,
} from './labels';

const str = (label: string) => z.string({ error: `${label}应为文字` }).max(20_000, { error: `${label}过长` });
const optStr = (label: string) => str(label).optional();
const count = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int({ error: `${label}应为整数` })
    .min(0, { error: `${label}不能为负数` })
    .optional();
const tick = (label: string) => z.boolean({ error: `${label}应为勾选或不勾选` });
const level = z
  .enum(['一般', '较大', '重大', '特别重大'], { error: '事故级别应为一般、较大、重大或特别重大' })
  .optional();

function row(columns: Readonly<Record<string, string>>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, l] of Object.entries(columns)) shape[k] = str(l);
  return z.strictObject(shape);
}

const table = (label: string, columns: Readonly<Record<string, string>>) =>
  z.array(row(columns), { error: `${label}应为表格行` }).max(500, { error: `${label}行数过多` });

const marks = {
  signOff: z.strictObject({ issuer: str('签发人'), issuedAt: str('签发时间') }).optional(),
  correction: z
    .strictObject({
      correctsLabel: str('被更正的报告'),
      correctsTitle: str('被更正的报告'),
      correctsSentAt: optStr('原报告报送时间'),
      reportedAt: optStr('更正报告报送时间'),
      items: z.array(str('更正事项')),
    })
    .optional(),
};

const accidentType = z.strictObject({
  exposure: tick('人员受照'),
  contamination: tick('人员污染'),
  exposedCount: count('受照人数'),
  contaminatedCount: count('受污染人数'),
  lost: tick('丢失'),
  stolen: tick('被盗'),
  outOfControl: tick('失控'),
  sourceCount: count('事故源数量'),
  radioactivePollution: tick('放射性污染'),
  pollutedAreaM2: z.number({ error: '污染面积应为数字' }).min(0, { error: '污染面积不能为负数' }).optional(),
});

const radiationCommon = {
  unitName: str('事故单位名称'),
  address: str('地址'),
  licenceNumber: str('许可证号'),
  licenceAuthority: str('许可证审批机关'),
  occurredAt: optStr('事故发生时间'),
  place: str('事故发生地点'),
  accidentType,
  sources: table('放射源表', SOURCE_COLUMNS),
  devices: table('射线装置表', DEVICE_COLUMNS),
  ...marks,
};

const radiationInitial = z.strictObject({
  ...radiationCommon,
  legalRepresentative: str('法定代表人'),
  postCode: str('邮编'),
  phone: str('电话'),
  fax: str('传真'),
  contact: str('联系人'),
  narrative: str('事故经过情况'),
  reporter: str('报告人签字'),
  reportedAt: optStr('报告时间'),
});

const radiationFollowUp = z.strictObject({
  ...radiationCommon,
  reportedAt: optStr('事故报告时间'),
  level,
  narrative: str('事故经过和处理情况'),
  department: str('事发地生态环境主管部门'),
  departmentContact: str('主管部门联系人'),
  departmentPhone: str('主管部门电话'),
  departmentFax: str('主管部门传真'),
});

const radiationFinal = z.strictObject({
  eventTitle: str('事件名称'),
  unit: str('报送单位'),
  reportedAt: optStr('报送时间'),
  unitName: str('事故单位名称'),
  occurredAt: optStr('事故发生时间'),
  place: str('事故发生地点'),
  level,
  summary: str('事故基本情况'),
  measuresProcessResults: str('处理事故的措施、过程和结果'),
  potentialHarm: str('事故潜在或间接的危害'),
  socialImpact: str('社会影响'),
  remainingIssues: str('处理后的遗留问题'),
  departments: table('参加处置工作的有关部门表', DEPARTMENT_COLUMNS),
  evidenceDocuments: str('有关危害与损失的证明文件'),
  contact: str('联系人'),
  contactPhone: str('联系电话'),
  ...marks,
});

const header = {
  kind: z.enum(['初报', '续报', '终报'], { error: '报告类别应为初报、续报或终报' }),
  seq: z.number({ error: '续报次数应为数字' }).int().min(1).optional(),
  eventTitle: str('事件名称'),
  unit: str('报送单位'),
  issuer: str('签发人'),
  reportedAt: str('报送时间'),
  copyNumber: optStr('份号'),
  classification: optStr('密级'),
  urgency: optStr('紧急程度'),
  contact: optStr('联系人'),
  contactPhone: optStr('联系电话'),
  ...marks,
};

function content(labels: Readonly<Record<string, string>>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, l] of Object.entries(labels)) shape[k] = str(l);
  return z.strictObject(shape);
}

const infoReport = z.discriminatedUnion(
  'plan',
  [
    z.strictObject({ ...header, plan: z.literal('comms'), content: content(COMMS_CONTENT) }),
    z.strictObject({ ...header, plan: z.literal('environment'), content: content(ENVIRONMENT_CONTENT) }),
  ],
  { error: '预案类型应为通信保障（comms）或突发环境（environment）' },
);

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const k of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Reflect.get(node, k);
  }
  return node;
}

const SCHEMAS = {
  'radiation-initial': radiationInitial,
  'radiation-follow-up': radiationFollowUp,
  'radiation-final': radiationFinal,
  'info-report': infoReport,
} as const;

/**
 * Checks a report version as a whole form; throws an Error naming each bad field by its label
 * (e.g. "放射源表第2行 放射源编码应为文字").
 */
export function assertReportForm(form: { kind: string; data: unknown }): asserts form is FormInput {
  if (!isReportFormKind(form.kind)) throw new Error('该表单不是报告表单');
  const kind = form.kind;
  const r = SCHEMAS[kind].safeParse(form.data);
  if (!r.success) {
    const plan =
      typeof form.data === 'object' && form.data !== null && 'plan' in form.data ? String(form.data.plan) : undefined;
    throw new Error(
      r.error.issues
        .map((iss) => {
          const path = iss.path.map(String).join('.');
          if (iss.code === 'unrecognized_keys') return `表单中有未知字段：${iss.keys.join('、')}`;
          if (iss.code === 'invalid_type' && valueAt(form.data, iss.path) === undefined)
            return `缺少「${fieldLabel(kind, path, plan)}」`;
          return iss.message;
        })
        .join('；'),
    );
  }
}
