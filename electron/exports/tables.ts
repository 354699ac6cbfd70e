/**
 * Builders from domain results to ExportTable: the duty log (one day or a range), the printable
 * month schedule, and the statistics. Pure mapping; the format writers do the rest.
 */
import { DUTY_ROLE_LABELS, type ShiftAssignment } from '../../shared/schedule/index';
import { WEEKDAY_LABELS, chineseDate, chineseDateTime, shanghaiParts, weekdayOf } from '../../shared/time';
import { CLOCK_OUTCOME_LABELS, type OutcomeCounts, type Stats } from '../../shared/stats/index';
import { clockSummary, receivedSummary, type DutyLog } from '../../shared/stats/duty-log';
import type { ExportColumn, ExportTable } from './types';

const LOG_COLUMNS: ExportColumn[] = [
  { key: 'time', header: '时间', width: 12, type: 'time' },
  { key: 'kind', header: '类别', width: 8 },
  { key: 'incident', header: '事件', width: 26 },
  { key: 'text', header: '内容', width: 52 },
  { key: 'officer', header: '记录人', width: 10 },
];

const people = (log: DutyLog, field: 'leader' | 'officer'): string =>
  [...new Set(log.duty.map((d) => d[field]).filter(Boolean))].join('、') || '—';

/** A section title without its ordinal: 一、接报情况 → 接报情况. */
const sectionName = (title: string): string => title.replace(/^[一二三四五六七八九十]+、/, '');

/** The duty period in Chinese dates: 2025年10月1日 08:30 至 2025年10月2日 08:30. */
const period = (log: DutyLog): string =>
  `${chineseDateTime(Date.parse(log.start))} 至 ${chineseDateTime(Date.parse(log.end))}`;

/**
 * One duty day's log as one compact table, so a day of about 20 events prints on one or two A4
 * pages: the overview (period, leader and officer, counts) in the lines under the title, then every
 * record in section order with its section named; sections without records are named once.
 */
export function dutyLogTables(log: DutyLog): ExportTable[] {
  const c = log.counts;
  const empty = log.sections.filter((s) => s.rows.length === 0).map((s) => sectionName(s.title));
  const subtitle = [
    `${period(log)}　${DUTY_ROLE_LABELS.leader}：${people(log, 'leader')}　${DUTY_ROLE_LABELS.officer}：${people(log, 'officer')}`,
    `${receivedSummary(c)}，电话记录${c.calls}次，信息报送${c.reports}次，` +
      `领导批示${c.instructions}条；报告时限${clockSummary(c)}；共${c.total}条记录`,
    ...(empty.length ? [`无记录：${empty.join('、')}`] : []),
  ].join('\n');
  const rows: ExportTable['rows'] = log.sections.flatMap((s) =>
    s.rows.map((r) => ({
      section: sectionName(s.title),
      time: r.time,
      kind: r.kind,
      incident: r.incidentTitle ?? '',
      text: r.text,
      officer: r.officer,
    })),
  );
  return [
    {
      title: `值班日志（${chineseDate(log.day)}）`,
      subtitle,
      sheetName: '值班日志',
      orientation: 'portrait',
      columns: [{ key: 'section', header: '栏目', width: 12 }, ...LOG_COLUMNS],
      rows: rows.length ? rows : [{ section: '', time: '', kind: '', incident: '', text: '无', officer: '' }],
    },
  ];
}

/**
 * Many duty days in two sheets (a month or a year would otherwise mean thousands of sheets): a
 * per-day summary and every record with its duty day.
 */
export function dutyLogRangeTables(logs: readonly DutyLog[], title = '值班日志汇总'): ExportTable[] {
  const first = logs[0];
  const last = logs[logs.length - 1];
  const subtitle = first && last ? `${chineseDate(first.day)}至${chineseDate(last.day)}` : undefined;
  const summary: ExportTable = {
    title,
    ...(subtitle ? { subtitle } : {}),
    sheetName: '逐日汇总',
    columns: [
      { key: 'day', header: '值班日期', width: 17, type: 'date' },
      { key: 'leader', header: '带班领导', width: 12 },
      { key: 'officer', header: '值班员', width: 12 },
      { key: 'received', header: '接报', width: 7 },
      { key: 'calls', header: '电话', width: 7 },
      { key: 'reports', header: '报送', width: 7 },
      { key: 'instructions', header: '批示', width: 7 },
      { key: 'late', header: '迟报', width: 7 },
      { key: 'missed', header: '漏报', width: 7 },
      { key: 'monitoredLate', header: '督促他方迟报', width: 9 },
      { key: 'monitoredMissed', header: '督促他方未报', width: 9 },
      { key: 'total', header: '记录数', width: 8 },
    ],
    rows: logs.map((l) => ({
      day: l.day,
      leader: people(l, 'leader'),
      officer: people(l, 'officer'),
      received: l.counts.incidentsReceived,
      calls: l.counts.calls,
      reports: l.counts.reports,
      instructions: l.counts.instructions,
      late: l.counts.clocksLate,
      missed: l.counts.clocksMissed,
      monitoredLate: l.counts.monitoredLate,
      monitoredMissed: l.counts.monitoredMissed,
      total: l.counts.total,
    })),
  };
  const rows: ExportTable['rows'] = [];
  for (const l of logs) {
    // Section order within each day, as in the printed log; the kind names the section.
    for (const s of l.sections) {
      for (const r of s.rows) {
        rows.push({
          day: l.day,
          time: r.time,
          kind: r.kind,
          incident: r.incidentTitle ?? '',
          text: r.text,
          officer: r.officer,
        });
      }
    }
  }
  const detail: ExportTable = {
    title: `${title}（明细）`,
    ...(subtitle ? { subtitle } : {}),
    sheetName: '明细',
    // Portrait, fitted to the width: about twice the rows a page of a landscape sheet holds.
    orientation: 'portrait',
    columns: [{ key: 'day', header: '值班日期', width: 17, type: 'date' }, ...LOG_COLUMNS],
    rows,
  };
  return [summary, detail];
}

const hm = (iso: string): string => {
  const p = shanghaiParts(Date.parse(iso));
  return `${String(p.hh).padStart(2, '0')}:${String(p.mm).padStart(2, '0')}`;
};

/** The printable month sheet of the duty schedule, then per-person counts. */
export function scheduleTables(schedule: readonly ShiftAssignment[], title = '值班表'): ExportTable[] {
  const first = schedule[0];
  const monthLabel = first ? `${first.date.slice(0, 4)}年${Number(first.date.slice(5, 7))}月` : '';
  const sheet: ExportTable = {
    title: monthLabel ? `${monthLabel}${title}` : title,
    sheetName: title,
    columns: [
      { key: 'date', header: '日期', width: 12 },
      { key: 'weekday', header: '星期', width: 8 },
      // Wide enough for 法定节假日（国庆节） on one line: a holiday mark never breaks at its bracket.
      { key: 'kind', header: '类别', width: 22 },
      { key: 'time', header: '值班时间', width: 18 },
      { key: 'leader', header: '带班领导', width: 12 },
      { key: 'officer', header: '值班员', width: 12 },
      { key: 'note', header: '备注', width: 24 },
    ],
    orientation: 'portrait',
    rows: schedule.map((a) => {
      const endDay = a.end.slice(0, 10) === a.date ? '' : '次日';
      return {
        date: `${Number(a.date.slice(5, 7))}月${Number(a.date.slice(8, 10))}日`,
        weekday: WEEKDAY_LABELS[weekdayOf(a.date)] ?? '',
        kind: a.holidayName ? `${a.dayKind}（${a.holidayName}）` : a.dayKind,
        time: `${hm(a.start)}—${endDay}${hm(a.end)}`,
        leader: a.leader,
        officer: a.officer,
        note: a.overrides
          .map((o) =>
            o.kind === '替班'
              ? `${DUTY_ROLE_LABELS[o.field]}由${o.to}替${o.from}：${o.reason}`
              : `${DUTY_ROLE_LABELS[o.field]}${o.from}与${o.withDate ?? ''}换班：${o.reason}`,
          )
          .join('；'),
      };
    }),
  };
  const counts = new Map<string, { name: string; role: string; total: number; holiday: number; weekend: number }>();
  for (const a of schedule) {
    for (const field of ['leader', 'officer'] as const) {
      const k = `${field}:${a[field]}`;
      let row = counts.get(k);
      if (!row) {
        row = { name: a[field], role: DUTY_ROLE_LABELS[field], total: 0, holiday: 0, weekend: 0 };
        counts.set(k, row);
      }
      row.total++;
      if (a.dayKind === '法定节假日') row.holiday++;
      if (a.dayKind === '周末') row.weekend++;
    }
  }
  const tally: ExportTable = {
    title: '值班次数统计',
    sheetName: '次数统计',
    columns: [
      { key: 'role', header: '岗位', width: 10 },
      { key: 'name', header: '姓名', width: 12 },
      { key: 'total', header: '班次', width: 8 },
      { key: 'holiday', header: '其中法定节假日', width: 14 },
      { key: 'weekend', header: '其中周末', width: 10 },
    ],
    rows: [...counts.values()],
  };
  return [sheet, tally];
}

const outcomeColumns: ExportColumn[] = [
  { key: 'key', header: '项目', width: 16 },
  { key: 'onTime', header: CLOCK_OUTCOME_LABELS.onTime, width: 10 },
  { key: 'late', header: CLOCK_OUTCOME_LABELS.late, width: 8 },
  { key: 'missed', header: CLOCK_OUTCOME_LABELS.missed, width: 8 },
  { key: 'pending', header: CLOCK_OUTCOME_LABELS.pending, width: 8 },
  { key: 'rate', header: '按时率', width: 10 },
];

const outcomeRow = (key: string, o: OutcomeCounts) => ({
  key,
  onTime: o.onTime,
  late: o.late,
  missed: o.missed,
  pending: o.pending,
  rate: o.onTimeRate === null ? '—' : `${(o.onTimeRate * 100).toFixed(1)}%`,
});

/** The statistics as tables: counts by plan, level, place and month, clock outcomes, medians. */
export function statsTables(stats: Stats, subtitle?: string): ExportTable[] {
  const countTable = (title: string, header: string, rows: { key: string; count: number }[]): ExportTable => ({
    title,
    ...(subtitle ? { subtitle } : {}),
    columns: [
      { key: 'key', header, width: 20 },
      { key: 'count', header: '事件数', width: 10 },
    ],
    rows: rows.map((r) => ({ key: r.key, count: r.count })),
  });
  const fmt = (m: number | null): string => (m === null ? '—' : m.toFixed(1));
  return [
    countTable('按预案统计', '预案', stats.byPlan),
    countTable('按级别统计', '级别', stats.byLevel),
    countTable('按地区统计', '县（市、区）', stats.byPlace),
    countTable('按月统计', '月份', stats.byMonth),
    {
      title: '报告时限执行情况',
      columns: outcomeColumns,
      rows: [
        outcomeRow('合计', stats.clockOutcomes.overall),
        ...stats.clockOutcomes.byPlan.map((o) => outcomeRow(o.key, o)),
      ],
    },
    {
      title: '报告时限执行情况（按值班员）',
      sheetName: '按值班员',
      columns: outcomeColumns,
      rows: stats.clockOutcomes.byOfficer.map((o) => outcomeRow(o.key, o)),
    },
    // The duty room's own clocks apart from those it monitors (issue 12 "Whose clock").
    {
      title: '报告时限执行情况（本值班室与督促他方）',
      sheetName: '按义务归属',
      columns: outcomeColumns,
      rows: stats.clockOutcomes.byOwner.map((o) => outcomeRow(o.key, o)),
    },
    {
      title: '报告用时',
      columns: [
        { key: 'item', header: '项目', width: 24 },
        { key: 'minutes', header: '中位数（分钟）', width: 14 },
        { key: 'n', header: '样本数', width: 8 },
      ],
      rows: [
        { item: '接报至电话报告', minutes: fmt(stats.medianMinutesToPhone), n: stats.samples.phone },
        { item: '接报至书面报告', minutes: fmt(stats.medianMinutesToWritten), n: stats.samples.written },
      ],
    },
  ];
}
