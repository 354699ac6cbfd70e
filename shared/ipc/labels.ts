/**
 * The Chinese label of every field the IPC contract accepts, as the forms name it. Error messages
 * name a field by this label, never by its key (`receivedAt`, `unitName` …). One generic map by
 * key, and per-channel entries where the same key means something else (`title` of a contact is
 * 职务, of an incident 事件标题).
 */
import type { Channel } from './contract';

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // incidents
  id: '编号',
  patch: '修改内容',
  category: '事件类别',
  title: '事件标题',
  places: '地点',
  place: '地点',
  occurredAt: '发生时间',
  discoveredAt: '发现时间',
  receivedAt: '接报时间',
  reporterUnit: '报告单位',
  reporterName: '报告人',
  reporterPhone: '联系电话',
  receiveChannel: '接报方式',
  narrative: '事件简要情况',
  facts: '事件要素',
  drill: '演练标记',
  levelOverride: '人工定级',
  responseOverride: '人工响应级别',
  effectiveAt: '情况变化时间',
  version: '版本',
  seatName: '席位名称',
  reason: '原因',
  statuses: '状态',
  categories: '事件类别',
  levels: '事件级别',
  from: '开始时间',
  to: '结束时间',
  search: '搜索内容',
  drills: '演练筛选',
  status: '状态',
  note: '说明',
  kind: '类型',
  text: '内容',
  givenBy: '批示领导',
  incidentId: '事件编号',
  entryId: '记录编号',
  clockId: '时限',
  clockIds: '完成的时限',
  clockKey: '时限',
  completedAt: '完成时间',
  channel: '报送方式',
  recipientUnit: '接收单位',
  recipientName: '接收人',
  confirmUnsent: '确认未报送的报告',
  // duty
  leader: '带班领导',
  officer: '值班员',
  leaders: '带班领导',
  officers: '值班员',
  holidayLeaders: '节假日带班领导',
  month: '月份',
  replace: '重新生成',
  date: '日期',
  shift: '班次',
  field: '岗位',
  newPerson: '替班人员',
  withDate: '对方日期',
  withShift: '对方班次',
  day: '日期',
  toDay: '结束日期',
  format: '文件格式',
  toLeader: '接班带班领导',
  toOfficer: '接班值班员',
  pendingInstructions: '待落实批示',
  equipment: '设备运行情况',
  notes: '其他事项',
  limit: '条数',
  cursor: '翻页位置',
  clocks: '时限范围',
  fromMonthStart: '从月初开始排班',
  pendingLevelMinutes: '待初步判定提醒时间（分钟）',
  // rosters
  rosterId: '通讯录',
  includeEnded: '含已离任人员',
  query: '搜索内容',
  contactId: '联系人编号',
  role: '联系人类别',
  name: '姓名',
  officePhone: '办公电话',
  mobile: '手机',
  redPhone: '红机',
  fax: '传真',
  validFrom: '任职起始时间',
  endedAt: '离任时间',
  entryKind: '条目类别',
  response: '响应级别',
  target: '呼叫对象',
  number: '号码',
  result: '呼叫结果',
  at: '时间',
  key: '对象编号',
  fileName: '文件名',
  contentBase64: '文件内容',
  // response and warnings
  level: '级别',
  decidedBy: '决定人',
  itemId: '条目',
  conditionId: '终止条件',
  by: '确认人',
  taskId: '后续工作',
  dueAt: '完成期限',
  activeOnly: '仅生效中',
  plan: '预案',
  direction: '收到或发布',
  issuerKind: '发布主体类别',
  issuer: '发布单位',
  area: '预警区域',
  issuedAt: '发布时间',
  document: '文件',
  content: '内容',
  incidentIds: '关联事件',
  unlink: '取消关联',
  // reports and printing
  reportId: '报告编号',
  reportVersion: '报告版本',
  data: '表单内容',
  form: '表单',
  signedBy: '签发人',
  signedAt: '签发时间',
  sentAt: '报送时间',
  sentTo: '报送单位',
  confirmedBy: '确认接收人',
  confirmMismatch: '确认报送单位与时限的接收单位不一致',
  confirmLevel: '确认按与事件现级别不同的稿签发或报送',
  // data
  jobId: '任务编号',
  includeDrills: '包含演练',
  // settings
  dueSoonMinutes: '即将到期提前分钟数',
  repeatMinutes: '重复提醒间隔',
  upcomingMinutes: '看板显示的到期范围',
  shiftStart: '交接班时间',
  shiftHours: '每班时长',
  stationName: '值班单位名称',
  backupKeep: '保留备份份数',
  idleLockMinutes: '空闲锁屏时间',
  // accounts (issue 18)
  password: '密码',
  as: '登录身份',
  who: '退出人员',
  active: '启用',
};

/** Where a key means something particular on one channel. */
export const CHANNEL_LABELS: Readonly<Partial<Record<Channel, Readonly<Record<string, string>>>>> = {
  'auth:setup': { phone: '电话' },
  'auth:verify-leader': { password: '带班领导密码', channel: '操作' },
  'auth:change-password': { current: '当前密码', next: '新密码' },
  'accounts:create': { role: '角色', phone: '电话', password: '初始密码' },
  'accounts:update': { id: '账户编号', role: '角色', phone: '电话' },
  'accounts:reset-password': { id: '账户编号', password: '新密码' },
  'audit:list': { kind: '事件类型' },
  'audit:export': { kind: '事件类型' },
  'incidents:get': { id: '事件编号' },
  'incidents:update': { id: '事件编号', reason: '修改原因', effectiveAt: '生效时间' },
  'incidents:set-status': { id: '事件编号' },
  'incidents:add-note': { id: '事件编号', kind: '记录类型' },
  'incidents:void-entry': { reason: '作废原因' },
  'incidents:set-reporting': {
    id: '事件编号',
    followUpMinutes: '续报提醒间隔',
    occurredUnknown: '发生时间不详',
    handlingEndedAt: '事故处理完毕时间',
  },
  'clocks:not-applicable': { reason: '不适用原因' },
  'rosters:save-contact': { id: '联系人编号', title: '职务', note: '备注', reason: '修改说明', entryId: '条目' },
  'rosters:end-contact': { id: '联系人编号', reason: '离任原因' },
  'rosters:record-call': { note: '备注', at: '呼叫时间' },
  'schedule:generate': { reason: '重新生成原因' },
  'schedule:swap': { reason: '调整原因' },
  'schedule:exchange': { reason: '调整原因' },
  'holidays:save': {
    year: '年份',
    title: '通知标题',
    docNo: '文号',
    periods: '放假安排',
    festival: '节日',
    from: '放假起始日期',
    to: '放假结束日期',
    workdays: '调休上班日期',
  },
  'holidays:delete': { year: '年份', reason: '删除原因' },
  'duty-log:add-remark': { text: '备注内容', at: '时间' },
  'duty-log:edit-remark': { id: '备注编号', text: '备注内容' },
  'handover:acknowledge': { id: '交接班记录编号', leader: '接班带班领导', officer: '接班值班员', note: '接班意见' },
  'handover:cancel': { id: '交接班记录编号', reason: '撤回原因' },
  'response:start': { level: '响应级别', decidedBy: '决定人（如指挥长）' },
  'response:change-level': { level: '响应级别', decidedBy: '决定人（如指挥长）' },
  'response:tick': { note: '备注', at: '完成时间' },
  'response:not-applicable': { reason: '不适用理由' },
  'response:confirm-condition': { at: '确认时间' },
  'response:end': { decidedBy: '宣布终止的机构或领导' },
  'response:task-done': { note: '备注', at: '完成时间' },
  'warnings:issue': { level: '预警级别', document: '发布文件', content: '预警内容' },
  'warnings:lift': { id: '预警编号', at: '解除时间', by: '解除单位', document: '解除文件' },
  'warnings:change': { id: '预警编号', at: '调整时间', by: '调整单位', level: '预警级别', document: '调整文件' },
  'warnings:link': { id: '预警编号' },
  'warnings:tick-action': { id: '预警编号', note: '备注', at: '完成时间' },
  'warnings:issuers': { level: '预警级别' },
  'reports:draft': { kind: '报告类型' },
  'reports:save': { content: '表单', kind: '表单类型' },
  'print:pdf': { title: '打印标题', kind: '表单类型', chainCode: '核验码' },
  'print:print': { title: '打印标题', kind: '表单类型', chainCode: '核验码' },
  'print:record': { title: '打印标题', kind: '表单类型', chainCode: '核验码' },
  'data:import-all': { content: '导入内容' },
  'data:export-incident': { id: '事件编号' },
};

/**
 * The label of the field an issue points at: the innermost key with a label; list positions are
 * named as 第N项. Keys below a free-form object (facts, form data) are not ours to name, so the
 * object's own label is used.
 */
export function fieldLabel(channel: string, path: readonly PropertyKey[]): string | null {
  // channel is any string here (a refused call may name no channel): a miss reads undefined
  const own = (CHANNEL_LABELS as Record<string, Record<string, string> | undefined>)[channel];
  let label: string | null = null;
  let index = '';
  for (const seg of path) {
    if (typeof seg === 'number') {
      index = `第${seg + 1}项`;
      continue;
    }
    if (label && FREE_FORM.has(label)) break;
    const l = own?.[String(seg)] ?? FIELD_LABELS[String(seg)];
    if (l) {
      label = l;
      index = '';
    }
  }
  return label ? `${label}${index ? `（${index}）` : ''}` : null;
}

/** Objects whose inner keys are data (fact keys, form fields), not contract fields. */
const FREE_FORM = new Set(['事件要素', '表单内容']);

/**
 * A message from the pure rules, which name fields by their keys (`newPerson 与原值班员相同`,
 * `lift.at 早于…`), with each known key (or dotted path ending in one) replaced by its label.
 */
export function withLabels(message: string): string {
  return message.replace(
    /\b([A-Za-z_]\w*(?:\[\d+\])?(?:\.[A-Za-z_]\w*(?:\[\d+\])?)*) ?/g,
    (token: string, path: string) => {
      // split always yields at least one part.
      const last = (path.split('.').at(-1) ?? path).replace(/\[\d+\]$/, '');
      const label = FIELD_LABELS[last];
      return label ?? token;
    },
  );
}
