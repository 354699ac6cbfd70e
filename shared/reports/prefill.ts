/**
 * Drafts of the reports the plans call for, prefilled from what the incident already knows:
 * plan A 4.1 (content of a communications report), plan C 5.1.1 (content of an environmental
 * report), plan B 4.1.2 with 附件4/附件5 (radiation initial and follow-up report forms).
 */
import type { IncidentDetail } from '../domain/incident-view';
import { categoryLabel } from '../domain/incident';
import type {
  CommsInfoContent,
  EnvironmentInfoContent,
  FormInput,
  RadiationAccidentType,
  RadiationFollowUpReport,
  RadiationInitialReport,
} from '../forms/types';

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

function accidentType(facts: Record<string, unknown>): RadiationAccidentType {
  const exposed = num(facts.peopleExposed);
  return {
    exposure: (exposed ?? 0) > 0 || yes(facts.overAnnualDoseLimit),
    contamination: false,
    exposedCount: exposed,
    lost: facts.sourceEvent === 'lost',
    stolen: facts.sourceEvent === 'stolen',
    outOfControl: facts.sourceEvent === 'out_of_control',
    sourceCount: facts.sourceEvent ? 1 : undefined,
    radioactivePollution: yes(facts.leak) || typeof facts.contamination === 'string',
  };
}

export interface DraftContext {
  incident: IncidentDetail;
  kind: ReportKind;
  seq: number;
  /** 报送单位: the duty room's own name from the settings. */
  station: string;
  now: string;
}

/** The form a new report starts from. */
export function draftReport(ctx: DraftContext): FormInput {
  const i = ctx.incident;
  const facts = i.facts;
  const level = i.grading.level ?? '尚未定级';
  const header = {
    kind: (ctx.kind === '更正' ? '续报' : ctx.kind) as '初报' | '续报' | '终报',
    seq: ctx.kind === '续报' || ctx.kind === '更正' ? ctx.seq : undefined,
    eventTitle: i.title,
    unit: ctx.station,
    issuer: '',
    reportedAt: ctx.now,
  };
  if (i.category === 'radiation') {
    const common = {
      unitName: i.reporterUnit,
      address: '',
      licenceNumber: '',
      licenceAuthority: '',
      occurredAt: i.occurredAt,
      place: i.places.join('、'),
      accidentType: accidentType(facts),
      sources: [],
      devices: [],
      narrative: i.narrative,
    };
    if (ctx.kind === '初报') {
      const data: RadiationInitialReport = {
        ...common,
        legalRepresentative: '',
        postCode: '',
        phone: i.reporterPhone,
        fax: '',
        contact: i.reporterName,
        reporter: '',
        reportedAt: ctx.now,
      };
      return { kind: 'radiation-initial', data };
    }
    const data: RadiationFollowUpReport = {
      ...common,
      reportedAt: ctx.now,
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

/** Field-by-field differences between two versions of a report, for "what changed since the last". */
export function diffContent(prev: unknown, next: unknown, path = ''): { path: string; before: string; after: string }[] {
  if (prev !== null && next !== null && typeof prev === 'object' && typeof next === 'object') {
    const keys = new Set([...Object.keys(prev as object), ...Object.keys(next as object)]);
    const out: { path: string; before: string; after: string }[] = [];
    for (const k of keys) {
      if (['reportedAt', 'issuer', 'seq', 'kind'].includes(k)) continue;
      out.push(...diffContent((prev as Record<string, unknown>)[k], (next as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
    }
    return out;
  }
  const show = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  return show(prev) === show(next) ? [] : [{ path, before: show(prev), after: show(next) }];
}

/** Chinese numerals for 续报一, 续报二 … */
export function seqLabel(kind: ReportKind, seq: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const n = seq <= 10 ? digits[seq]! : seq < 20 ? `十${digits[seq - 10]}` : String(seq);
  if (kind === '续报') return `续报${n}`;
  if (kind === '更正') return `更正报告（第${n}次）`;
  return kind;
}
