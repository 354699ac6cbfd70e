/** Domain vocabulary of an incident as the duty room registers it (接报登记). */

export const CATEGORIES = [
  { id: 'comms', label: '通信保障' },
  { id: 'radiation', label: '辐射事故' },
  { id: 'environment', label: '突发环境事件' },
  { id: 'forest_fire', label: '森林草原火灾' },
  { id: 'fire', label: '火灾' },
  { id: 'other', label: '其他' },
] as const;
export type Category = (typeof CATEGORIES)[number]['id'];
// CATEGORIES is a non-empty literal list, so its ids make a non-empty tuple (z.enum needs one)
export const CATEGORY_IDS = CATEGORIES.map((c) => c.id) as [Category, ...Category[]];
export const categoryLabel = (id: string): string => CATEGORIES.find((c) => c.id === id)?.label ?? id;

/** The timeline's 接报 entry (written by the database trigger of migration 0007, same wording). */
export const registrationText = (category: string, title: string, drill: boolean): string =>
  `接报登记：${categoryLabel(category)}「${title}」${drill ? '（演练）' : ''}`;

/** The city's districts and counties (DOMAIN §1); free text is also allowed. */
export const PLACES = ['朔城区', '平鲁区', '山阴县', '应县', '右玉县', '怀仁市', '朔州经济开发区'] as const;

export const RECEIVE_CHANNELS = ['电话', '传真', '系统', '当面', '其他'] as const;
export type ReceiveChannel = (typeof RECEIVE_CHANNELS)[number];

export const LEVELS = ['特别重大', '重大', '较大', '一般'] as const;
export type IncidentLevel = (typeof LEVELS)[number];
export const RESPONSE_LEVELS = ['一级', '二级', '三级', '四级'] as const;
export type IncidentResponse = (typeof RESPONSE_LEVELS)[number];

/** Status lifecycle 接报 → 核实中 → 响应中 → 已终止 → 已归档. */
export const STATUSES = ['接报', '核实中', '响应中', '已终止', '已归档'] as const;
export type IncidentStatus = (typeof STATUSES)[number];

/**
 * Allowed status changes. Forward steps may skip (a report verified on the phone goes straight to
 * 响应中); a terminated response may be resumed; an archived incident is closed for good.
 */
export const STATUS_TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  接报: ['核实中', '响应中', '已终止'],
  核实中: ['响应中', '已终止'],
  响应中: ['已终止'],
  已终止: ['响应中', '已归档'],
  已归档: [],
};

/** Still being handled: the board's default view, and the incidents a warning may be linked to. */
export const OPEN_STATUSES: readonly IncidentStatus[] = ['接报', '核实中', '响应中'];

/**
 * What a shift hands over: the open incidents and the 已终止 ones, which still owe their 终报
 * (终结报告, 42号 4.1.2) until archived. Differs from OPEN_STATUSES on purpose.
 */
export const HANDOVER_STATUSES: readonly IncidentStatus[] = [...OPEN_STATUSES, '已终止'];

export const NOTE_KINDS = ['备注', '续报信息', '领导批示'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const CLOCK_CHANNELS = ['电话', '传真', '书面', '系统'] as const;
export type ClockChannel = (typeof CLOCK_CHANNELS)[number];

export type TimelineKind =
  | 'created'
  | 'status'
  | 'note'
  | 'instruction'
  | 'update'
  | 'level'
  | 'clock'
  | 'call'
  | 'report'
  | 'void'
  | 'print'
  | 'action'
  | 'warning';

export interface Officer {
  leader: string;
  officer: string;
}

export interface TimelineEntry {
  id: number;
  incidentId: number;
  at: string;
  kind: TimelineKind;
  text: string;
  data: Record<string, unknown> | null;
  officer: string;
  /** The seat it was recorded at (带班席); null on entries from before seats were recorded (issue 17). */
  seatName?: string | null;
  voided: null | { at: string; by: string; reason: string };
}

export interface ClockRecord {
  clockId: string;
  completedAt: string | null;
  channel: ClockChannel | null;
  recipientUnit: string | null;
  recipientName: string | null;
  notApplicableReason: string | null;
  officer: string;
  recordedAt: string;
}

export interface Incident {
  id: number;
  serial: string;
  category: Category;
  title: string;
  places: string[];
  occurredAt: string;
  discoveredAt: string | null;
  receivedAt: string;
  reporterUnit: string;
  reporterName: string;
  reporterPhone: string;
  receiveChannel: ReceiveChannel;
  narrative: string;
  facts: Record<string, unknown>;
  /** Level set by hand (overrides the graded one); null means "as graded". */
  levelOverride: IncidentLevel | null;
  responseOverride: IncidentResponse | null;
  status: IncidentStatus;
  drill: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /**
   * Counts the changes to the incident's own row (issue 17): an edit names the version it started
   * from and is refused when another seat changed the incident since. Absent only before it is stored.
   */
  version?: number;
}
