/**
 * How an obligation closed, in words, for the clock table, the drawer and the exports: met by
 * which report (on time or late, by how long), 不适用 with its reason, or 级别调整 with its reason,
 * time and how long it had been overdue (43号 5.1.1(6); shared/rules/README.md "Level changes").
 * One wording everywhere, so an export never names a 级别调整 as 不适用.
 */
import { formatLateSpan } from '../clocks/state';
import type { IncidentClock } from '../domain/incident-view';
import { shanghaiDateTime } from '../time';

/** The closure's short name; an open clock has none. */
export type ClosureName = '已完成' | '迟报' | '不适用' | '级别调整' | '级别调整（已超时）';

/** What the clock table and the exports need of a clock. */
export type ClosableClock = Pick<IncidentClock, 'dueAt' | 'record' | 'optional'> &
  Partial<Pick<IncidentClock, 'closure'>>;

const bj = (iso: string): string => shanghaiDateTime(Date.parse(iso)).slice(0, 16);

/** The kind of closure, from the obligation's own closure or, for older data, from its record. */
function kindOf(c: ClosableClock): 'met' | 'not_applicable' | 'level_change' | null {
  if (c.closure) return c.closure.kind;
  if (c.record?.completedAt) return 'met';
  if (c.record?.notApplicableReason) return 'not_applicable';
  return null;
}

/** Lateness of a closure in ms: the stored figure, or the record's time against the deadline. */
function lateOf(c: ClosableClock): number {
  if (c.closure) return c.closure.lateMs;
  const at = c.record?.completedAt;
  return at ? Math.max(0, Date.parse(at) - Date.parse(c.dueAt)) : 0;
}

/** 已完成 / 迟报 / 不适用 / 级别调整 / 级别调整（已超时）, or null while the obligation is open. */
export function closureName(c: ClosableClock): ClosureName | null {
  const kind = kindOf(c);
  if (kind === 'met') return lateOf(c) > 0 ? '迟报' : '已完成';
  if (kind === 'not_applicable') return '不适用';
  if (kind === 'level_change') return lateOf(c) > 0 ? '级别调整（已超时）' : '级别调整';
  return null;
}

/** The reason an officer or a level change gave, without a repeated 不适用/级别调整 prefix. */
function reasonOf(c: ClosableClock): string {
  const raw = c.closure?.reason ?? c.record?.notApplicableReason ?? '';
  return raw.replace(/^(不适用|级别调整)[：:]/, '').trim();
}

/**
 * One line on how it closed, e.g.
 * - 2021-09-08 11:00 书面报送 本级政府（张三），按时；记录人 李四
 * - 2021-09-08 12:50 电话报送 本级政府（张三），迟报20分
 * - 级别调整（2021-09-08 11:00）：级别由较大调整为一般：核实后死亡2人；调整时已超时30分
 * - 不适用（2021-09-08 11:00）：未涉及人员受照；记录人 李四
 * Empty while open.
 */
export function closureText(c: ClosableClock): string {
  const kind = kindOf(c);
  if (!kind) return '';
  const late = lateOf(c);
  const officer = c.record?.officer ? `；记录人 ${c.record.officer}` : '';
  if (kind === 'met') {
    const r = c.record;
    const at = r?.completedAt ?? c.closure?.at;
    const to = r?.recipientUnit ? ` ${r.recipientUnit}${r.recipientName ? `（${r.recipientName}）` : ''}` : '';
    const how = r?.channel ? `${r.channel}报送${to}` : to ? `报送${to}` : '';
    const timing = late > 0 ? `迟报${formatLateSpan(late / 1000)}` : '按时';
    const why = c.closure?.reason ? `；${c.closure.reason}` : '';
    return `${at ? bj(at) : ''} ${how}`.trim() + `，${timing}${why}${officer}`;
  }
  const at = c.closure?.at ?? c.record?.recordedAt;
  const when = at ? `（${bj(at)}）` : '';
  const reason = reasonOf(c);
  if (kind === 'level_change') {
    const overdue = late > 0 ? `；调整时已超时${formatLateSpan(late / 1000)}` : '';
    return `级别调整${when}${reason ? `：${reason}` : ''}${overdue}`;
  }
  return `不适用${when}${reason ? `：${reason}` : ''}${officer}`;
}
