/**
 * The records each table holds, as an officer names them: a refusal or a summary that speaks of
 * tables names these, never the schema's English names.
 */
const TABLE_LABELS: Readonly<Record<string, string>> = {
  incidents: '事件',
  timeline_entries: '事件经过',
  clock_records: '报告时限办理记录',
  obligations: '报告义务',
  level_changes: '级别变更',
  incident_reporting: '续报设置',
  reports: '报告',
  report_versions: '报告稿',
  print_records: '打印记录',
  alarm_acks: '告警确认',
  fired_alarms: '告警记录',
  responses: '应急响应',
  response_levels: '响应级别调整',
  response_conditions: '终止条件确认',
  response_items: '响应措施',
  response_tasks: '善后任务',
  warnings: '预警',
  warning_actions: '预警措施',
  warning_changes: '预警调整',
  warning_incidents: '预警关联事件',
  duty_sessions: '值班记录',
  duty_log_remarks: '值班日志备注',
  duty_shifts: '值班表班次',
  duty_schedule_months: '值班表',
  duty_schedule_changes: '替班换班',
  handovers: '交接班',
  holiday_notices: '节假日安排',
  holiday_notice_changes: '节假日安排变更',
  roster_contacts: '通讯录联系人',
  roster_contact_history: '通讯录变更',
  roster_entries: '通讯录条目',
  serial_counters: '事件编号',
  wall_keys: '值班大屏地址',
  accounts: '账户',
  auth_events: '账户审计',
  seat_names: '席位名称',
  seat_sessions: '席位登录',
};

/** A table's records in Chinese; a table not named here (a later migration's) reads as 其他记录. */
export const tableLabel = (name: string): string => TABLE_LABELS[name] ?? '其他记录';

/** Several tables' records, each name once, in the order given. */
export const tableLabels = (names: readonly string[]): string[] => [...new Set(names.map(tableLabel))];
