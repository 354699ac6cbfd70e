/**
 * Drafts of the reports the plans call for, prefilled from what the incident already knows:
 * plan A 4.1 (content of a communications report), plan C 5.1.1 (content of an environmental
 * report), plan B 4.1.2 with 附件4/附件5 (radiation initial and follow-up report forms).
 */
import type { IncidentDetail, IncidentGrading } from '../domain/incident-view';
import { categoryLabel } from '../domain/incident';
import type {
  CommsInfoContent,
  EnvironmentInfoContent,
  FormInput,
  RadiationAccidentType,
  RadiationFinalReport,
  RadiationFollowUpReport,
  RadiationInitialReport,
} from '../forms/types';
import { FORM_FIELDS, displayValue, fieldLabel } from './labels';
import type { TimelineEntry } from '../domain/incident';
import { levelHistoryLines, levelHistoryOf } from '../incidents/level-history';

const FIELDS_OF: Partial<Record<FormInput['kind'], Readonly<Record<string, string>>>> = FORM_FIELDS;

export const REPORT_KINDS = ['初报', '续报', '终报', '更正'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Where each report's content list comes from, shown with the draft. */
export function reportBasis(category: string): string {
  switch (category) {
    case 'comms':
      return '依据《朔州市通信保障应急预案》（朔政办发〔2021〕40号）4.1';
    case 'environment':
      return '依据《朔州市突发环境事件应急预案》（朔政办发〔2021〕43号）5.1.1、5.1.2';
    case 'radiation':
      return '依据《朔州市辐射事故应急预案》（朔政办发〔2021〕42号）4.1.2 及附件4、附件5';
    default:
      return '参照《朔州市通信保障应急预案》4.1 信息报送内容';
  }
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const yes = (v: unknown): boolean => v === true;

function casualties(facts: Record<string, unknown>): string {
  const parts: string[] = [];
  const deaths = num(facts.deaths) ?? num(facts.acuteDeaths);
  if (deaths !== undefined) parts.push(`死亡${deaths}人`);
  const hurt = num(facts.poisonedOrInjured);
  if (hurt !== undefined) parts.push(`中毒（重伤）${hurt}人`);
  const evac = num(facts.evacuated);
  if (evac !== undefined) parts.push(`疏散转移${evac}人`);
  const loss = num(facts.directLossYuan);
  if (loss !== undefined) parts.push(`直接经济损失约${(loss / 10_000).toLocaleString('zh-CN')}万元`);
  return parts.join('，') || '待核实';
}

function sensitive(facts: Record<string, unknown>): string {
  const parts: string[] = [];
  if (yes(facts.waterProtectionZone)) parts.push('涉及或可能涉及饮用水水源保护区');
  if (typeof facts.waterSourceIntakeStopped === 'string') parts.push('饮用水水源地取水中断');
  if (yes(facts.sensitiveArea)) parts.push('涉及居民聚居区、学校、医院等敏感区域');
  if (yes(facts.heavyMetals)) parts.push('涉及重金属或类金属');
  if (yes(facts.crossProvincePossible)) parts.push('可能跨省级行政区域');
  return parts.join('；') || '暂未发现饮用水水源地等环境敏感点受影响';
}

/** 附件4 事故类型, ticked from the facts the officer recorded at registration. */
function accidentType(facts: Record<string, unknown>): RadiationAccidentType {
  const exposedCount = num(facts.exposedCount);
  const contaminatedCount = num(facts.contaminatedCount);
  return {
    // 人员受照: anyone irradiated, over the annual limit, or with acute radiation injury (附件3).
    exposure:
      yes(facts.peopleExposed) ||
      yes(facts.overAnnualDoseLimit) ||
      (exposedCount ?? 0) > 0 ||
      (num(facts.acuteDeaths) ?? 0) > 0 ||
      (num(facts.severeRadiationSickness) ?? 0) > 0,
    contamination: yes(facts.peopleContaminated) || (contaminatedCount ?? 0) > 0,
    exposedCount,
    contaminatedCount,
    lost: facts.sourceEvent === 'lost',
    stolen: facts.sourceEvent === 'stolen',
    outOfControl: facts.sourceEvent === 'out_of_control',
    sourceCount: facts.sourceEvent ? 1 : undefined,
    radioactivePollution: yes(facts.leak) || typeof facts.contamination === 'string',
  };
}

/** What a draft reads from the incident; stored with each version as the basis it started from. */
export type PrefillSource = Pick<
  IncidentDetail,
  | 'title'
  | 'category'
  | 'places'
  | 'occurredAt'
  | 'reporterUnit'
  | 'reporterName'
  | 'reporterPhone'
  | 'receiveChannel'
  | 'narrative'
  | 'facts'
> & {
  grading: Pick<IncidentGrading, 'level' | 'response'>;
  /**
   * The level history, one line per change (from, to, when, who, why): 43号 5.1.1(6) "按照变化后的
   * 级别报告信息", so the next report says the level changed and since when. Absent in bases kept
   * before it was recorded.
   */
  levelHistory?: string[];
};

/** The incident as a draft reads it; the level history comes from the timeline's level entries. */
export function prefillSource(
  i: PrefillSource & { timeline?: readonly Pick<TimelineEntry, 'kind' | 'at' | 'data'>[] },
): PrefillSource {
  const history = i.timeline ? levelHistoryLines(levelHistoryOf(i.timeline)) : [...(i.levelHistory ?? [])];
  return {
    title: i.title,
    category: i.category,
    places: [...i.places],
    occurredAt: i.occurredAt,
    reporterUnit: i.reporterUnit,
    reporterName: i.reporterName,
    reporterPhone: i.reporterPhone,
    receiveChannel: i.receiveChannel,
    narrative: i.narrative,
    // a JSON round trip of plain data gives back the same shape (a deep copy)
    facts: JSON.parse(JSON.stringify(i.facts)) as Record<string, unknown>,
    grading: { level: i.grading.level, response: i.grading.response },
    ...(history.length ? { levelHistory: history } : {}),
  };
}

/** Heading of the level history paragraph a report carries. */
export const LEVEL_HISTORY_HEADING = '级别变化：';

/** The form's field that tells the event's development, where the level history goes. */
function historyField(form: FormInput): string | null {
  switch (form.kind) {
    case 'info-report':
      return form.data.plan === 'environment' ? 'trendAndHandling' : 'level';
    case 'radiation-initial':
    case 'radiation-follow-up':
      return 'narrative';
    case 'radiation-final':
      return 'summary';
    default:
      return null;
  }
}

/**
 * Adds each level change not yet in the form's account of the event (43号 5.1.1(6)): under
 * 级别变化： in 事件发展态势及处置情况 (43号 5.1.1 content), 事件级别 (40号 4.1), or the radiation
 * forms' 事故经过 / 事故基本情况. Lines already there (typed or carried from the last report) are not
 * repeated, and nothing the officer wrote is removed.
 */
export function withLevelHistory<T extends FormInput>(form: T, lines: readonly string[] | undefined): T {
  const field = historyField(form);
  if (!field || !lines?.length) return form;
  const data: Record<string, unknown> = { ...form.data };
  const content: Record<string, unknown> = form.kind === 'info-report' ? { ...form.data.content } : data;
  const current = typeof content[field] === 'string' ? content[field] : '';
  const missing = lines.filter((l) => !current.includes(l));
  if (!missing.length) return form;
  const sep = field === 'level' ? '；' : '\n';
  const block = current.includes(LEVEL_HISTORY_HEADING)
    ? missing.join(sep)
    : `${LEVEL_HISTORY_HEADING}${missing.join(sep)}`;
  const next = current ? `${current}${sep}${block}` : block;
  if (form.kind === 'info-report') return { ...form, data: { ...form.data, content: { ...content, [field]: next } } };
  return withData(form, { [field]: next }, []);
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The source and device rows the facts captured at registration name (附件4 tables). */
function sourceRows(facts: Record<string, unknown>): RadiationInitialReport['sources'] {
  const row = {
    nuclide: text(facts.nuclide),
    factoryActivityBq: '',
    factoryDate: '',
    sourceCode: text(facts.sourceCode),
    activityAtAccidentBq: text(facts.activityBq),
    unsealedState: '',
  };
  return row.nuclide || row.sourceCode || row.activityAtAccidentBq ? [row] : [];
}

function deviceRows(facts: Record<string, unknown>): RadiationInitialReport['devices'] {
  const name = text(facts.deviceName);
  const model = text(facts.deviceModel);
  return name || model ? [{ name, model, maker: '', serial: '', place: '', mainParameters: '' }] : [];
}

export interface DraftContext {
  incident: PrefillSource;
  kind: ReportKind;
  seq: number;
  /** 报送单位: the duty room's own name from the settings. */
  station: string;
  now: string;
}

/** The form a new report starts from, with the level history (43号 5.1.1(6)). */
export function draftReport(ctx: DraftContext): FormInput {
  return withLevelHistory(draftFromFacts(ctx), ctx.incident.levelHistory);
}

/** The form from the incident's facts alone. */
function draftFromFacts(ctx: DraftContext): FormInput {
  const i = ctx.incident;
  const facts = i.facts;
  const level = i.grading.level ?? '尚未定级';
  const header = {
    kind: ctx.kind === '更正' ? '续报' : ctx.kind,
    seq: ctx.kind === '续报' || ctx.kind === '更正' ? ctx.seq : undefined,
    eventTitle: i.title,
    unit: ctx.station,
    issuer: '',
    // The 报送时间 is what the 报送 records (printable.ts); a draft names none.
    reportedAt: '',
  };
  if (i.category === 'radiation') {
    const common = {
      // 事故单位 is the unit where the accident happened, captured at registration; the
      // reporting bureau (reporterUnit) is not the accident unit (附件4 事故单位名称).
      unitName: text(facts.accidentUnit),
      address: '',
      licenceNumber: '',
      licenceAuthority: '',
      occurredAt: i.occurredAt,
      place: i.places.join('、'),
      accidentType: accidentType(facts),
      sources: sourceRows(facts),
      devices: deviceRows(facts),
      narrative: i.narrative,
    };
    if (ctx.kind === '初报') {
      // The unit's 电话 and 联系人 are the reporter's only when the accident unit itself reported:
      // a bureau's officer who phoned it in is not the accident unit's contact.
      const selfReported = Boolean(common.unitName) && i.reporterUnit.trim() === common.unitName.trim();
      const data: RadiationInitialReport = {
        ...common,
        legalRepresentative: '',
        postCode: '',
        phone: selfReported ? i.reporterPhone : '',
        fax: '',
        contact: selfReported ? i.reporterName : '',
        reporter: '',
      };
      return { kind: 'radiation-initial', data };
    }
    if (ctx.kind === '终报') {
      // 42号 4.1.2(3): the 终结报告 is its own written report, not a 后续报告表.
      const data: RadiationFinalReport = {
        eventTitle: i.title,
        unit: ctx.station,
        unitName: common.unitName,
        occurredAt: common.occurredAt,
        place: common.place,
        level: i.grading.level ?? undefined,
        summary: i.narrative,
        measuresProcessResults: '',
        potentialHarm: '',
        socialImpact: '',
        remainingIssues: '',
        departments: [],
        evidenceDocuments: '',
        contact: '',
        contactPhone: '',
      };
      return { kind: 'radiation-final', data };
    }
    const data: RadiationFollowUpReport = {
      ...common,
      level: i.grading.level ?? undefined,
      department: '朔州市生态环境局',
      departmentContact: '',
      departmentPhone: '',
      departmentFax: '',
    };
    return { kind: 'radiation-follow-up', data };
  }
  if (i.category === 'environment') {
    const content: EnvironmentInfoContent = {
      occurredAt: i.occurredAt,
      place: i.places.join('、'),
      unitName: i.reporterUnit,
      infoSource: [i.receiveChannel, i.reporterUnit, i.reporterName].filter(Boolean).join(' '),
      category: categoryLabel(i.category),
      pollutants: '',
      casualtiesAndLoss: casualties(facts),
      sensitiveTargets: sensitive(facts),
      scope: i.places.join('、'),
      trendAndHandling: i.narrative,
    };
    return { kind: 'info-report', data: { ...header, plan: 'environment', content } };
  }
  const content: CommsInfoContent = {
    basicSituation: i.narrative || i.title,
    level: `${level}${i.grading.response ? `，${i.grading.response}响应` : ''}`,
    harm: casualties(facts) === '待核实' ? '' : casualties(facts),
    scope: i.places.join('、'),
    measures: '',
  };
  return { kind: 'info-report', data: { ...header, plan: 'comms', content } };
}

export interface FieldChange {
  path: string;
  /** The field as the form prints it, e.g. 放射源表第1行 事故源核素名称. */
  label: string;
  before: string;
  after: string;
}

/**
 * One change as a line of the report list, each side cut to about `max` characters around where
 * the two first differ (a long narrative that changed at its end shows its end). Papers print
 * changes whole; this is only for the list.
 */
export function changeLine(c: FieldChange, max = 40): string {
  const before = Array.from(c.before);
  const after = Array.from(c.after);
  let same = 0;
  while (same < before.length && same < after.length && before[same] === after[same]) same++;
  const from = Math.max(0, same - 10);
  const cut = (chars: string[]) => {
    if (!chars.length) return '（空）';
    if (chars.length <= max) return chars.join('');
    const start = Math.min(from, Math.max(0, chars.length - max));
    return `${start > 0 ? '…' : ''}${chars.slice(start, start + max).join('')}${start + max < chars.length ? '…' : ''}`;
  };
  return `${c.label}：${cut(before)} → ${cut(after)}`;
}

/** Keys that belong to one report only (its own time, signer, number), never compared or carried. */
const OWN_KEYS = new Set(['reportedAt', 'issuer', 'seq', 'kind', 'plan', 'signOff', 'correction']);

/**
 * Fields whose meaning depends on the form: 附件4's 联系人 is the accident unit's, a 终结报告's is
 * the reporting unit's. They carry over only between forms of the same kind.
 */
const OWN_PER_FORM = new Set(['contact', 'contactPhone']);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Field-by-field differences between two versions of a report ("what changed since the last"),
 * each named by the label the form prints. Table rows compare cell by cell.
 */
export function diffContent(prev: unknown, next: unknown, kind: FormInput['kind'], plan?: string): FieldChange[] {
  const out: FieldChange[] = [];
  // Only the fields the newer form has: a 后续报告表 has no 法定代表人 to have "changed".
  const fields = FIELDS_OF[kind];
  const walk = (a: unknown, b: unknown, path: string, top: boolean) => {
    if (Array.isArray(a) || Array.isArray(b)) {
      const xs = Array.isArray(a) ? a : [];
      const ys = Array.isArray(b) ? b : [];
      for (let i = 0; i < Math.max(xs.length, ys.length); i++) walk(xs[i], ys[i], `${path}.${i}`, false);
      return;
    }
    if (isObject(a) || isObject(b)) {
      const x = isObject(a) ? a : {};
      const y = isObject(b) ? b : {};
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
        if (top && (OWN_KEYS.has(k) || (fields && !(k in fields)))) continue;
        walk(x[k], y[k], path ? `${path}.${k}` : k, false);
      }
      return;
    }
    const before = displayValue(a);
    const after = displayValue(b);
    if (before !== after) out.push({ path, label: fieldLabel(kind, path, plan), before, after });
  };
  walk(prev, next, '', true);
  return out;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Three-way merge of one field: the officer's last value stands unless the incident changed that
 * field since (base → next); then the incident's new value comes in. Table rows merge cell by
 * cell; rows the officer added stay, rows the incident added are appended.
 */
function merge(prev: unknown, base: unknown, next: unknown): unknown {
  if (same(base, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    const b = Array.isArray(base) ? base : [];
    const out: unknown[] = [];
    for (let i = 0; i < Math.max(prev.length, b.length); i++) {
      if (i < b.length && i < next.length) out.push(merge(prev[i], b[i], next[i]));
      else if (i < b.length)
        continue; // the incident no longer names this row
      else out.push(prev[i]);
    }
    for (const row of next.slice(b.length)) if (!out.some((r) => same(r, row))) out.push(row);
    return out.filter((r) => r !== undefined);
  }
  if (isObject(prev) && isObject(next)) {
    const b = isObject(base) ? base : {};
    const out: Record<string, unknown> = {};
    for (const k of new Set([...Object.keys(next), ...Object.keys(prev)])) {
      const v = k in prev ? merge(prev[k], b[k], next[k]) : next[k];
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  return next;
}

/** The same form with some fields replaced and some removed (values already merged to the form's shape). */
export function withData<T extends FormInput>(form: T, overrides: Record<string, unknown>, removed: string[]): T {
  // a JSON round trip of plain data gives back the same shape (a deep copy)
  const data = JSON.parse(JSON.stringify(form.data)) as T['data'];
  Object.assign(data, overrides);
  for (const k of removed) Reflect.deleteProperty(data, k);
  return { ...form, data };
}

/**
 * The same report content as a new report: unsigned, without another report's marks, and with no
 * 报送时间 yet (its own is the one its 报送 records).
 */
export function freshReport<T extends FormInput>(form: T): T {
  const own: Record<string, unknown> = {};
  if ('issuer' in form.data) own.issuer = '';
  if (form.kind === 'info-report') own.reportedAt = '';
  return withData(
    form,
    own,
    form.kind === 'info-report' ? ['signOff', 'correction'] : ['signOff', 'correction', 'reportedAt'],
  );
}

export interface ContinueContext extends DraftContext {
  /** The last saved version of the chain. */
  previous: FormInput;
  /** The incident as it was when that version's report was drafted; null for versions saved before bases were kept. */
  previousBasis: PrefillSource | null;
}

/**
 * A 续报 or 终报 starts from the last saved version of the chain plus what changed on the incident
 * since (42号 4.1.2(2)(3): "在初报的基础上", "在初报和续报的基础上"); it never starts from the incident
 * alone, so corrections the officer typed into earlier reports are kept.
 */
export function continueReport(ctx: ContinueContext): { content: FormInput; incidentChanges: FieldChange[] } {
  // The level history is added after the merge: a new change must not replace what the officer wrote.
  const next = draftFromFacts(ctx);
  const base = ctx.previousBasis ? draftFromFacts({ ...ctx, incident: ctx.previousBasis }) : next;
  const prev: Record<string, unknown> = { ...ctx.previous.data };
  // A 终结报告's 事故基本情况 continues the narrative of the reports before it.
  if (next.kind === 'radiation-final' && ctx.previous.kind !== 'radiation-final' && typeof prev.narrative === 'string')
    prev.summary = prev.narrative;
  // Fields the next form has that the previous form had too (a 后续报告表 has no 法定代表人).
  const carried = new Set(
    Object.keys(FIELDS_OF[next.kind] ?? {}).filter(
      (k) =>
        (k in (FIELDS_OF[ctx.previous.kind] ?? {}) && (ctx.previous.kind === next.kind || !OWN_PER_FORM.has(k))) ||
        (k === 'summary' && 'summary' in prev),
    ),
  );
  const overrides: Record<string, unknown> = {};
  const removed: string[] = [];
  for (const k of carried) {
    if (OWN_KEYS.has(k)) continue;
    const nextData: Record<string, unknown> = { ...next.data };
    const baseData: Record<string, unknown> = { ...base.data };
    const v = k in prev ? merge(prev[k], baseData[k], nextData[k]) : nextData[k];
    if (v === undefined) removed.push(k);
    else overrides[k] = v;
  }
  const plan = next.kind === 'info-report' ? next.data.plan : undefined;
  const content = withLevelHistory(withData(next, overrides, removed), ctx.incident.levelHistory);
  return { content, incidentChanges: diffContent(base.data, next.data, next.kind, plan) };
}

/** Chinese numerals for 续报一, 续报二 … */
export function seqLabel(kind: ReportKind, seq: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const n = seq <= 10 ? (digits[seq] ?? String(seq)) : seq < 20 ? `十${digits[seq - 10]}` : String(seq);
  if (kind === '续报') return `续报${n}`;
  if (kind === '更正') return `更正报告（第${n}次）`;
  return kind;
}
