// Plain view models for the printed forms. The app maps its records onto these; the renderer
// only reads them. Times are ISO 8601 strings with an offset (or plain dates "YYYY-MM-DD").

/** One row of the source table (朔政办发〔2021〕42号 附件4/附件5). */
export interface RadiationSourceRow {
  /** 事故源核素名称, e.g. "Cs-137". */
  nuclide: string;
  /** 出厂活度 (Bq), kept as text so "3.7×10¹⁰" survives. */
  factoryActivityBq: string;
  /** 出厂日期 (ISO date) or free text when only a year is known. */
  factoryDate: string;
  /** 放射源编码. */
  sourceCode: string;
  /** 事故时活度 (Bq). */
  activityAtAccidentBq: string;
  /** 非密封放射性物质状态 (固/液态); empty for sealed sources. */
  unsealedState: string;
}

/** One row of the ray-device table (附件4/附件5). */
export interface RayDeviceRow {
  name: string;
  model: string;
  maker: string;
  serial: string;
  place: string;
  /** 主要参数: X-ray tube current (mA) and voltage (kV), or accelerator beam energy. */
  mainParameters: string;
}

/** The accident-type block shared by 附件4 and 附件5. */
export interface RadiationAccidentType {
  exposure: boolean; // 人员受照
  contamination: boolean; // 人员污染
  exposedCount?: number; // 受照人数
  contaminatedCount?: number; // 受污染人数
  lost: boolean; // 丢失
  stolen: boolean; // 被盗
  outOfControl: boolean; // 失控
  sourceCount?: number; // 事故源数量
  radioactivePollution: boolean; // 放射性污染
  pollutedAreaM2?: number; // 污染面积 (m²)
}

/** 签发: who signed the report off and when; printed on every signed report. */
export interface ReportSignOff {
  issuer: string;
  issuedAt: string;
}

/** A 更正报告 names the report it corrects (label, form title, when that one was sent). */
export interface CorrectionNote {
  /** The corrected report's label in the chain, e.g. "初报", "续报一". */
  correctsLabel: string;
  /** The corrected report's form title, e.g. "辐射事故初始报告表". */
  correctsTitle: string;
  /** When the corrected report was sent (报送时间), ISO. */
  correctsSentAt?: string;
  /** This correction's own 报送时间, ISO. */
  reportedAt?: string;
  /** 更正事项: what this correction changes, by the form's labels. */
  items: string[];
}

/** Marks the report chain puts on a printed report; absent on forms outside the chain. */
export interface ReportChainMarks {
  signOff?: ReportSignOff;
  correction?: CorrectionNote;
  /** A version not yet 签发: the paper is marked 草稿 so that it cannot pass for a signed report. */
  draft?: boolean;
}

/** 辐射事故初始报告表 (朔政办发〔2021〕42号 附件4). */
export interface RadiationInitialReport extends ReportChainMarks {
  unitName: string;
  legalRepresentative: string;
  address: string;
  postCode: string;
  phone: string;
  fax: string;
  contact: string;
  licenceNumber: string;
  licenceAuthority: string;
  occurredAt?: string;
  place: string;
  accidentType: RadiationAccidentType;
  sources: RadiationSourceRow[];
  devices: RayDeviceRow[];
  narrative: string;
  /** Printed name; the signature itself is written by hand. */
  reporter: string;
  reportedAt?: string;
}

export type RadiationLevel = '一般' | '较大' | '重大' | '特别重大';

/** 辐射事故后续报告表 (朔政办发〔2021〕42号 附件5). */
export interface RadiationFollowUpReport extends ReportChainMarks {
  unitName: string;
  address: string;
  licenceNumber: string;
  licenceAuthority: string;
  occurredAt?: string;
  reportedAt?: string;
  place: string;
  accidentType: RadiationAccidentType;
  sources: RadiationSourceRow[];
  devices: RayDeviceRow[];
  level?: RadiationLevel;
  /** 事故经过和处理情况. */
  narrative: string;
  /** 事发地生态环境主管部门 and its contact block. */
  department: string;
  departmentContact: string;
  departmentPhone: string;
  departmentFax: string;
}

/** One department that took part in the handling and what it did (42号 4.1.2(3)). */
export interface FinalReportDepartmentRow {
  department: string;
  work: string;
}

/**
 * 辐射事故终结报告 (朔政办发〔2021〕42号 4.1.2(3)): a written report, on the basis of the 初报 and
 * 续报, of the measures, process and results of the handling, the potential or indirect harm, the
 * social impact, the issues left after handling, the departments that took part and their work,
 * and the documents certifying harm and loss.
 */
export interface RadiationFinalReport extends ReportChainMarks {
  /** Event name used in the title line. */
  eventTitle: string;
  /** 报送单位. */
  unit: string;
  reportedAt?: string;
  /** 事故单位名称. */
  unitName: string;
  occurredAt?: string;
  place: string;
  level?: RadiationLevel;
  /** 事故基本情况 (what the 初报 and 续报 established). */
  summary: string;
  /** 处理事故的措施、过程和结果. */
  measuresProcessResults: string;
  /** 事故潜在或间接的危害. */
  potentialHarm: string;
  /** 社会影响. */
  socialImpact: string;
  /** 处理后的遗留问题. */
  remainingIssues: string;
  /** 参加处置工作的有关部门和工作内容. */
  departments: FinalReportDepartmentRow[];
  /** 出具有关危害与损失的证明文件. */
  evidenceDocuments: string;
  contact: string;
  contactPhone: string;
}

/** The three levels of state secrets (保守国家秘密法 第十条); anything else is not a 密级. */
export const SECURITY_LEVELS = ['绝密', '机密', '秘密'] as const;
export type SecurityLevel = (typeof SECURITY_LEVELS)[number];

export type InfoReportKind = '初报' | '续报' | '终报';

/** Header shared by both plans' information reports. */
export interface InfoReportHeader extends ReportChainMarks {
  kind: InfoReportKind;
  /** 续报 sequence number (第N次续报); required when kind is 续报. */
  seq?: number;
  /** Event name used in the title, e.g. "朔城区移动通信基站大面积退服". */
  eventTitle: string;
  /** 报送单位. */
  unit: string;
  /** 签发人. */
  issuer: string;
  reportedAt: string;
  /** 份号: the copy number, six digits, printed top left when set (GB/T 9704-2012 7.2.1). */
  copyNumber?: string;
  /** 密级, one of the levels of the 保守国家秘密法 art. 10, printed top left in 3号黑体 when set. */
  classification?: SecurityLevel;
  /** 紧急程度 (特急/加急), printed top left when set. */
  urgency?: string;
  contact?: string;
  contactPhone?: string;
}

/** Content list of 朔政办发〔2021〕40号 4.1 (communications plan). */
export interface CommsInfoContent {
  basicSituation: string; // 事件基本情况描述
  level: string; // 事件级别
  harm: string; // 初步估计的危害及程度
  scope: string; // 影响范围
  measures: string; // 拟采取的应对措施及建议
}

/** Content list of 朔政办发〔2021〕43号 5.1.1 (environmental plan). */
export interface EnvironmentInfoContent {
  occurredAt: string; // 事件发生时间 (ISO)
  place: string; // 地点
  unitName: string; // 单位名称
  infoSource: string; // 信息来源
  category: string; // 事件类别
  pollutants: string; // 主要污染物种类和数量
  casualtiesAndLoss: string; // 伤亡或者经济损失的初步评估
  sensitiveTargets: string; // 饮用水水源地等环境敏感点受影响情况
  scope: string; // 影响范围
  trendAndHandling: string; // 事件发展态势及处置情况
}

/** 突发事件信息报告 for plan A (通信) or plan C (突发环境). */
export type InfoReport =
  | (InfoReportHeader & { plan: 'comms'; content: CommsInfoContent })
  | (InfoReportHeader & { plan: 'environment'; content: EnvironmentInfoContent });

export interface DutyLogEntry {
  at: string;
  /** 接报 / 报告 / 批示 / 交办 / 其他. */
  category: string;
  content: string;
  handling: string;
  handler: string;
}

/** 值班日志: one day's log. */
export interface DutyLogDay {
  date: string; // YYYY-MM-DD
  dutyUnit: string; // 值班单位
  leader: string; // 带班领导
  officers: string[]; // 值班员
  entries: DutyLogEntry[];
  /** 其他需要记载的事项. */
  notes: string;
}

export interface HandoverIncident {
  title: string;
  level?: string;
  status: string;
  nextStep: string;
}

export interface HandoverClock {
  incident: string;
  /** What is due, e.g. "书面报告省政府". */
  label: string;
  dueAt: string;
  /** The clause that sets the deadline. */
  basis: string;
}

/** 交接班记录. */
export interface HandoverRecord {
  handoverAt: string;
  dutyUnit: string;
  fromOfficers: string[];
  toOfficers: string[];
  leader: string;
  openIncidents: HandoverIncident[];
  runningClocks: HandoverClock[];
  /** 领导批示 still to pass on or follow up. */
  pendingInstructions: string;
  /** 设备运行情况. */
  equipment: string;
  notes: string;
}

export interface RosterRow {
  role: string; // 职务/角色 in the body (指挥长, 成员…)
  name: string;
  unitTitle: string; // 单位及职务
  officePhone: string;
  mobile: string;
  redPhone: string; // 红机
  /** 传真; optional so older saved printouts still render. */
  fax?: string;
}

export interface RosterSection {
  heading: string;
  rows: RosterRow[];
}

/** A printed roster (通讯录) of one headquarters or group. */
export interface RosterPrint {
  title: string;
  /** The document that constitutes the body, e.g. 朔政办发〔2021〕42号 2.3. */
  basis: string;
  asOf: string;
  sections: RosterSection[];
}

export type FormKind =
  'radiation-initial' | 'radiation-follow-up' | 'radiation-final' | 'info-report' | 'duty-log' | 'handover' | 'roster';

/** Everything renderForm accepts. */
export type FormInput =
  | { kind: 'radiation-initial'; data: RadiationInitialReport }
  | { kind: 'radiation-follow-up'; data: RadiationFollowUpReport }
  | { kind: 'radiation-final'; data: RadiationFinalReport }
  | { kind: 'info-report'; data: InfoReport }
  | { kind: 'duty-log'; data: DutyLogDay }
  | { kind: 'handover'; data: HandoverRecord }
  | { kind: 'roster'; data: RosterPrint };

export interface RenderOptions {
  /** URL (ending in "/") where node_modules/@fontsource/noto-serif-sc/files/ is served. */
  fontBaseUrl: string;
  /** Drills (演练) print a watermark on every page. */
  drill?: boolean;
  /** Replaces the generated @font-face rules (e.g. CSS prepared by Node code). */
  fontFaceCss?: string;
  /**
   * The record chain's short code at print time (3F9A-21C7), printed in every page's footer so a
   * paper can be matched to the record (issue 18; GB/T 22239-2019 8.1.4.7).
   */
  chainCode?: string | null;
}
