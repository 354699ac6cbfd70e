/**
 * Incidents as export tables: a date range (one row per incident, then every reporting clock), or
 * one incident in full (particulars, clocks, the whole timeline). Also the HTML the PDF is printed
 * from, in the official fonts.
 */
import { categoryLabel } from '../../../shared/domain/incident';
import type { TimelineKind } from '../../../shared/domain/incident';
import type { IncidentClock, IncidentDetail, IncidentSummary } from '../../../shared/domain/incident-view';
import { escapeHtml } from '../../../shared/forms/render';
import { BODY_STACK, TITLE_STACK, fontFaceCss } from '../../../shared/forms/font-faces';
import { shanghaiDateTime } from '../../../shared/time';
import { CLOCK_OUTCOME_LABELS, clockOutcome } from '../../../shared/stats/index';
import { closureName, closureText } from '../../../shared/incidents/closure';
import { cellText, orientationOf, type ExportTable } from '../../exports/index';
import { factText } from '../../../shared/rules';
import { planOf } from '../../../shared/plans';

/** 2026-11-29 09:20 in Beijing time; empty for no value. */
export const bj = (iso: string | null | undefined): string =>
  iso ? shanghaiDateTime(Date.parse(iso)).slice(0, 16) : '';

export const TIMELINE_KIND_LABELS: Readonly<Record<TimelineKind, string>> = {
  created: '接报登记',
  status: '状态变更',
  note: '记录',
  instruction: '领导批示',
  update: '信息修改',
  level: '级别',
  clock: '报告时限',
  call: '电话',
  report: '信息报送',
  void: '作废',
  print: '打印',
  action: '处置',
  warning: '预警',
};

/**
 * Outcome label of one clock at `now` (迟报/漏报 as defined in shared/stats). A closed obligation is
 * named by how it closed: a 级别调整 (43号 5.1.1(6)) is not an officer's 不适用.
 */
export function clockOutcomeLabel(c: IncidentClock, now: Date): string {
  const closed = closureName(c);
  if (closed === '已完成') return CLOCK_OUTCOME_LABELS.onTime;
  if (closed) return closed;
  if (!c.record && c.optional) return '不适用';
  return CLOCK_OUTCOME_LABELS[
    clockOutcome(
      {
        incidentId: c.incidentId,
        plan: '',
        clockId: c.clockId,
        channel: c.channel,
        dueAt: c.dueAt,
        completedAt: c.record?.completedAt ?? null,
        notApplicable: c.record?.notApplicableReason != null,
      },
      now.getTime(),
    )
  ];
}

const clockSummary = (clocks: IncidentClock[], now: Date): string => {
  const n = new Map<string, number>();
  for (const c of clocks) n.set(clockOutcomeLabel(c, now), (n.get(clockOutcomeLabel(c, now)) ?? 0) + 1);
  return [...n].map(([k, v]) => `${k}${v}`).join('，');
};

const CLOCK_COLUMNS = [
  { key: 'title', header: '报告事项', width: 24 },
  { key: 'level', header: '服务级别', width: 8 },
  { key: 'dueAt', header: '截止时间', width: 17 },
  { key: 'completedAt', header: '完成时间', width: 17 },
  { key: 'channel', header: '方式', width: 8 },
  { key: 'recipient', header: '接收单位（人）', width: 20 },
  { key: 'officer', header: '记录人', width: 10 },
  { key: 'outcome', header: '结果', width: 10 },
  { key: 'closure', header: '办结情况', width: 28 },
];

const clockRow = (c: IncidentClock, now: Date) => ({
  title: c.title,
  level: c.levelLabel ?? '',
  dueAt: bj(c.dueAt),
  completedAt: bj(c.record?.completedAt),
  channel: c.record?.channel ?? '',
  recipient: c.record?.recipientUnit
    ? `${c.record.recipientUnit}${c.record.recipientName ? `（${c.record.recipientName}）` : ''}`
    : (c.record?.notApplicableReason ?? ''),
  officer: c.record?.officer ?? '',
  outcome: clockOutcomeLabel(c, now),
  closure: closureText(c),
});

/** A date range of incidents: one row each, then every reporting clock. */
export function incidentRangeTables(list: IncidentSummary[], subtitle: string, now: Date): ExportTable[] {
  return [
    {
      title: '突发事件接报一览',
      subtitle,
      sheetName: '事件一览',
      orientation: 'landscape',
      columns: [
        { key: 'serial', header: '编号', width: 12 },
        { key: 'title', header: '事件', width: 28 },
        { key: 'category', header: '类别', width: 14 },
        { key: 'places', header: '地点', width: 14 },
        { key: 'level', header: '级别', width: 8 },
        { key: 'status', header: '状态', width: 8 },
        { key: 'occurredAt', header: '发生时间', width: 17 },
        { key: 'receivedAt', header: '接报时间', width: 17 },
        { key: 'reporter', header: '报告单位（人）', width: 20 },
        { key: 'drill', header: '演练', width: 6 },
        { key: 'clocks', header: '报告时限', width: 20 },
      ],
      rows: list.map((i) => ({
        serial: i.serial,
        title: i.title,
        category: i.grading.planName ?? categoryLabel(i.category),
        places: i.places.join('、'),
        level: i.grading.level ?? '未定级',
        status: i.status,
        occurredAt: bj(i.occurredAt),
        receivedAt: bj(i.receivedAt),
        reporter: [i.reporterUnit, i.reporterName].filter(Boolean).join(' '),
        drill: i.drill ? '是' : '否',
        clocks: clockSummary(i.clocks, now),
      })),
    },
    {
      title: '报告时限执行明细',
      subtitle,
      sheetName: '报告时限',
      orientation: 'landscape',
      columns: [{ key: 'serial', header: '事件编号', width: 12 }, ...CLOCK_COLUMNS],
      rows: list.flatMap((i) => i.clocks.map((c) => ({ serial: i.serial, ...clockRow(c, now) }))),
    },
  ];
}

/** One incident in full: particulars, its reporting clocks and its whole timeline (voided entries marked). */
export function incidentDetailTables(d: IncidentDetail, now: Date): ExportTable[] {
  const title = `${d.title}（${d.serial}）`;
  const facts = factsText(d);
  return [
    {
      title: '事件基本情况',
      subtitle: title,
      sheetName: '基本情况',
      orientation: 'portrait',
      columns: [
        { key: 'item', header: '项目', width: 16 },
        { key: 'value', header: '内容', width: 60 },
      ],
      rows: [
        ['编号', d.serial],
        ['事件', d.title],
        ['类别', d.grading.planName ?? categoryLabel(d.category)],
        ['地点', d.places.join('、')],
        ['发生时间', bj(d.occurredAt)],
        ['发现时间', bj(d.discoveredAt)],
        ['接报时间', bj(d.receivedAt)],
        ['接报方式', d.receiveChannel],
        ['报告单位', d.reporterUnit],
        ['报告人', d.reporterName],
        ['联系电话', d.reporterPhone],
        ['事件级别', d.grading.level ?? '未定级'],
        ['响应级别', d.grading.response ?? ''],
        ['定级依据', d.grading.reasons.map((r) => `${r.clause}：${r.text}`).join('；')],
        ['状态', d.status],
        ['演练', d.drill ? '是' : '否'],
        ['简要情况', d.narrative],
        ['事实要素', facts],
        ['登记人', d.createdBy],
      ].map(([item, value]) => ({ item: item ?? '', value: value ?? '' })),
    },
    {
      title: '报告时限',
      subtitle: title,
      sheetName: '报告时限',
      orientation: 'landscape',
      columns: CLOCK_COLUMNS,
      rows: d.clocks.map((c) => clockRow(c, now)),
    },
    {
      title: '处置记录',
      subtitle: title,
      sheetName: '处置记录',
      orientation: 'landscape',
      columns: [
        { key: 'at', header: '时间', width: 17 },
        { key: 'kind', header: '类别', width: 10 },
        { key: 'text', header: '内容', width: 60 },
        { key: 'officer', header: '记录人', width: 10 },
        { key: 'voided', header: '作废', width: 20 },
      ],
      rows: d.timeline.map((t) => ({
        at: bj(t.at),
        kind: TIMELINE_KIND_LABELS[t.kind],
        text: t.text,
        officer: t.officer,
        voided: t.voided ? `${bj(t.voided.at)} ${t.voided.by}：${t.voided.reason}` : '',
      })),
    },
  ];
}

/** The facts as the officer entered them, by their Chinese labels (an export shows no field keys). */
function factsText(d: IncidentDetail): string {
  const plan = planOf(d.category);
  return Object.entries(d.facts)
    .map(([k, v]) => {
      const f = factText(plan, k, v);
      return `${f.label}：${f.value}`;
    })
    .join('；');
}

/** The tables as one printable HTML page (A4, header rows repeated by the browser's table printing). */
export function tablesHtml(tables: ExportTable[], heading: string, fontBaseUrl: string): string {
  const landscape = tables.some((t) => orientationOf(t) === 'landscape');
  const body = tables
    .map((t) => {
      const head = t.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('');
      const rows = t.rows.length
        ? t.rows
            .map((r) => `<tr>${t.columns.map((c) => `<td>${escapeHtml(cellText(r[c.key]))}</td>`).join('')}</tr>`)
            .join('')
        : `<tr><td colspan="${t.columns.length}">无</td></tr>`;
      return `<section><h2>${escapeHtml(t.title)}</h2>${t.subtitle ? `<p class="sub">${escapeHtml(t.subtitle)}</p>` : ''}<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></section>`;
    })
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(heading)}</title><style>
${fontFaceCss(fontBaseUrl)}
@page{size:A4 ${landscape ? 'landscape' : 'portrait'};margin:20mm 15mm}
body{font-family:${BODY_STACK};font-size:11pt;color:#000;margin:0}
h1{font-family:${TITLE_STACK};font-weight:normal;font-size:20pt;text-align:center;margin:0 0 6mm}
h2{font-family:${TITLE_STACK};font-weight:normal;font-size:15pt;margin:6mm 0 2mm}
.sub{margin:0 0 2mm;white-space:pre-line}
table{border-collapse:collapse;width:100%}
thead{display:table-header-group}
tr{break-inside:avoid}
th,td{border:0.5pt solid #000;padding:1mm 1.5mm;vertical-align:top;text-align:left;word-break:break-all;white-space:pre-wrap}
th{text-align:center}
</style></head><body><h1>${escapeHtml(heading)}</h1>${body}</body></html>`;
}
