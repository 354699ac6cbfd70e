/**
 * The Chinese label of every field of the report forms, as printed on the form (朔政办发〔2021〕42号
 * 附件4、附件5, 4.1.2(3); 〔2021〕40号 4.1; 〔2021〕43号 5.1.1), so that "what changed" lists and
 * error messages name fields the way the officer sees them.
 */
import { formatOfficialDateTime } from '../forms/format';
import type { FormInput } from '../forms/types';

type Labels = Readonly<Record<string, string>>;

const ACCIDENT_TYPE: Labels = {
  exposure: '人员受照',
  contamination: '人员污染',
  exposedCount: '受照人数',
  contaminatedCount: '受污染人数',
  lost: '丢失',
  stolen: '被盗',
  outOfControl: '失控',
  sourceCount: '事故源数量',
  radioactivePollution: '放射性污染',
  pollutedAreaM2: '污染面积(m²)',
};

export const SOURCE_COLUMNS: Labels = {
  nuclide: '事故源核素名称',
  factoryActivityBq: '出厂活度(Bq)',
  factoryDate: '出厂日期',
  sourceCode: '放射源编码',
  activityAtAccidentBq: '事故时活度(Bq)',
  unsealedState: '非密封放射性物质状态(固/液态)',
};

export const DEVICE_COLUMNS: Labels = {
  name: '射线装置名称',
  model: '型号',
  maker: '生产厂家',
  serial: '设备编号',
  place: '所在场所',
  mainParameters: '主要参数',
};

export const DEPARTMENT_COLUMNS: Labels = { department: '部门', work: '工作内容' };

/** Tables of the forms: their printed name and their columns. */
const TABLES: Readonly<Record<string, { name: string; columns: Labels }>> = {
  sources: { name: '放射源表', columns: SOURCE_COLUMNS },
  devices: { name: '射线装置表', columns: DEVICE_COLUMNS },
  departments: { name: '参加处置工作的有关部门表', columns: DEPARTMENT_COLUMNS },
};

const RADIATION_COMMON: Labels = {
  unitName: '事故单位名称',
  address: '地址',
  licenceNumber: '许可证号',
  licenceAuthority: '许可证审批机关',
  occurredAt: '事故发生时间',
  place: '事故发生地点',
  accidentType: '事故类型',
  sources: '放射源表',
  devices: '射线装置表',
};

const HEADER: Labels = {
  eventTitle: '事件名称',
  unit: '报送单位',
  issuer: '签发人',
  reportedAt: '报送时间',
  copyNumber: '份号',
  classification: '密级',
  urgency: '紧急程度',
  contact: '联系人',
  contactPhone: '联系电话',
};

export const COMMS_CONTENT: Labels = {
  basicSituation: '事件基本情况',
  level: '事件级别',
  harm: '初步估计的危害及程度',
  scope: '影响范围',
  measures: '拟采取的应对措施及建议',
};

export const ENVIRONMENT_CONTENT: Labels = {
  occurredAt: '事件发生时间',
  place: '事件发生地点',
  unitName: '单位名称',
  infoSource: '信息来源',
  category: '事件类别',
  pollutants: '主要污染物种类和数量',
  casualtiesAndLoss: '伤亡或者经济损失的初步评估',
  sensitiveTargets: '饮用水水源地等环境敏感点受影响情况',
  scope: '影响范围',
  trendAndHandling: '事件发展态势及处置情况',
};

/** Top-level fields of each form kind with their printed labels. */
export const FORM_FIELDS: Readonly<
  Record<'radiation-initial' | 'radiation-follow-up' | 'radiation-final' | 'info-report', Labels>
> = {
  'radiation-initial': {
    ...RADIATION_COMMON,
    legalRepresentative: '法定代表人',
    postCode: '邮编',
    phone: '电话',
    fax: '传真',
    contact: '联系人',
    narrative: '事故经过情况',
    reporter: '报告人签字',
    reportedAt: '报告时间',
  },
  'radiation-follow-up': {
    ...RADIATION_COMMON,
    reportedAt: '事故报告时间',
    level: '事故级别',
    narrative: '事故经过和处理情况',
    department: '事发地生态环境主管部门',
    departmentContact: '主管部门联系人',
    departmentPhone: '主管部门电话',
    departmentFax: '主管部门传真',
  },
  'radiation-final': {
    eventTitle: '事件名称',
    unit: '报送单位',
    reportedAt: '报送时间',
    unitName: '事故单位名称',
    occurredAt: '事故发生时间',
    place: '事故发生地点',
    level: '事故级别',
    summary: '事故基本情况',
    measuresProcessResults: '处理事故的措施、过程和结果',
    potentialHarm: '事故潜在或间接的危害',
    socialImpact: '社会影响',
    remainingIssues: '处理后的遗留问题',
    departments: '参加处置工作的有关部门和工作内容',
    evidenceDocuments: '有关危害与损失的证明文件',
    contact: '联系人',
    contactPhone: '联系电话',
  },
  'info-report': { ...HEADER, content: '报告内容' },
};

export type ReportFormKind = keyof typeof FORM_FIELDS;

export function isReportFormKind(kind: string): kind is ReportFormKind {
  return Object.hasOwn(FORM_FIELDS, kind);
}

/**
 * The label of a field path such as "sources.0.nuclide" (→ 放射源表第1行 事故源核素名称),
 * "accidentType.lost" (→ 事故类型 丢失) or "content.scope" (→ 影响范围).
 */
export function fieldLabel(kind: FormInput['kind'], path: string, plan?: string): string {
  const [head = '', ...rest] = path.split('.');
  const table = TABLES[head];
  if (table && rest.length) {
    const row = Number(rest[0]);
    const col = rest[1];
    const rowLabel = Number.isInteger(row) ? `${table.name}第${row + 1}行` : table.name;
    return col ? `${rowLabel} ${table.columns[col] ?? col}` : rowLabel;
  }
  if (head === 'accidentType' && rest[0]) return `事故类型 ${ACCIDENT_TYPE[rest[0]] ?? rest[0]}`;
  if (head === 'content' && rest[0]) {
    const labels =
      plan === 'environment'
        ? ENVIRONMENT_CONTENT
        : plan === 'comms'
          ? COMMS_CONTENT
          : { ...COMMS_CONTENT, ...ENVIRONMENT_CONTENT };
    return labels[rest[0]] ?? rest[0];
  }
  const fields: Labels = isReportFormKind(kind) ? FORM_FIELDS[kind] : {};
  return fields[head] ?? path;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as the officer reads it: 是/否 for ticks, official date-times, plain text otherwise. */
export function displayValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' && ISO_INSTANT.test(v)) {
    try {
      return formatOfficialDateTime(v);
    } catch {
      return v;
    }
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}
