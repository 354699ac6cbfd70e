// Printed parts of the report chain that are not a gazette annex of their own: the radiation
// 终结报告 (朔政办发〔2021〕42号 4.1.2(3)), the 更正报告 banner, the 草稿 mark and the 签发 block. Same rules as
// render.ts: one HTML fragment per part, inline CSS only, every value escaped.

import { BLANK_REPORT_TIME, formatOfficialDateTime } from './format';
import type { RadiationFinalReport, RadiationLevel, ReportChainMarks } from './types';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (v: string | number | undefined): string =>
  v === undefined ? '' : String(v).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);

const LEVELS: RadiationLevel[] = ['一般', '较大', '重大', '特别重大'];

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function heading(i: number, text: string): string {
  return `<h2 class="h1">${ORDINALS[i] ?? String(i + 1)}、${esc(text)}</h2>`;
}

function para(text: string): string {
  return `<div class="body-text">${esc(text.trim() ? text : '无')}</div>`;
}

/**
 * 辐射事故终结报告: its own document with the content list of 朔政办发〔2021〕42号 4.1.2(3) — the
 * measures, process and results of the handling; potential or indirect harm; social impact;
 * issues left after handling; departments that took part and their work; documents certifying
 * harm and loss — "在初报和续报的基础上", so it opens with the established facts.
 */
export function radiationFinal(d: RadiationFinalReport): string {
  if (!d.eventTitle.trim()) throw new Error('事件名称不能为空');
  if (!d.unit.trim()) throw new Error('报送单位不能为空');
  if (d.level !== undefined && !LEVELS.includes(d.level)) throw new Error(`事故级别无效：${JSON.stringify(d.level)}`);
  if (!Array.isArray(d.departments)) throw new Error('参加处置工作的有关部门应为表格行');
  const facts = [
    `事故单位：${d.unitName || '（未填）'}`,
    `事故发生时间：${d.occurredAt ? formatOfficialDateTime(d.occurredAt, '事故发生时间') : '（未填）'}`,
    `事故发生地点：${d.place || '（未填）'}`,
    `事故级别：${d.level ? `${d.level}辐射事故` : '（未定级）'}`,
  ];
  const rows = d.departments.length ? d.departments : [{ department: '', work: '' }];
  const table =
    `<table class="grid t12 rows" data-table="departments"><colgroup><col style="width:12mm"><col style="width:48mm"><col style="width:96mm"></colgroup>` +
    `<thead><tr><th class="l">序号</th><th class="l">部门</th><th class="l">工作内容</th></tr></thead><tbody>` +
    rows
      .map(
        (r, i) =>
          `<tr><td class="c">${d.departments.length ? i + 1 : ''}</td><td class="v">${esc(r.department)}</td><td class="v text">${esc(r.work)}</td></tr>`,
      )
      .join('') +
    `</tbody></table>`;
  const contact =
    d.contact || d.contactPhone
      ? `<p class="contact">联系人：${esc(d.contact)}　联系电话：${esc(d.contactPhone)}</p>`
      : '';
  return (
    `<h1 class="title">辐射事故终结报告</h1>` +
    `<p class="subtitle small">依据《朔州市辐射事故应急预案》（朔政办发〔2021〕42号）4.1.2(3)</p>` +
    `<div class="report-head"><div>报送单位：${esc(d.unit)}</div></div>` +
    `<div class="report-head"><div>报送时间：${d.reportedAt ? esc(formatOfficialDateTime(d.reportedAt, '报送时间')) : BLANK_REPORT_TIME}</div></div>` +
    `<hr class="rule">` +
    `<p class="event">事件名称：${esc(d.eventTitle)}</p>` +
    heading(0, '事故基本情况') +
    `<div class="body-text">${esc(facts.join('；'))}。</div>` +
    para(d.summary) +
    heading(1, '处理事故的措施、过程和结果') +
    para(d.measuresProcessResults) +
    heading(2, '事故潜在或间接的危害') +
    para(d.potentialHarm) +
    heading(3, '社会影响') +
    para(d.socialImpact) +
    heading(4, '处理后的遗留问题') +
    para(d.remainingIssues) +
    `<div class="keep">${heading(5, '参加处置工作的有关部门和工作内容')}</div>` +
    table +
    heading(6, '有关危害与损失的证明文件') +
    para(d.evidenceDocuments) +
    contact
  );
}

/**
 * 更正报告: printed above the corrected content, naming the report it corrects with that report's
 * 报送时间, and giving the correction's own 报送时间 (a correction is a report of its own).
 */
export function correctionBanner(m: ReportChainMarks): string {
  const c = m.correction;
  if (!c) return '';
  const sent = c.correctsSentAt ? `${formatOfficialDateTime(c.correctsSentAt, '原报告报送时间')}报送的` : '';
  const items = c.items.length ? `<p class="correction-items">更正事项：${esc(c.items.join('；'))}。</p>` : '';
  return (
    `<div class="correction" data-correction="true"><p class="correction-title">更正报告</p>` +
    `<p>本报告更正${esc(sent)}《${esc(c.correctsTitle)}》（${esc(c.correctsLabel)}），原报告内容以本报告为准。</p>` +
    items +
    `<p>本更正报告报送时间：${c.reportedAt ? esc(formatOfficialDateTime(c.reportedAt, '更正报告报送时间')) : BLANK_REPORT_TIME}</p></div>`
  );
}

/** 草稿, at the head of every version not yet 签发, so a draft cannot pass for a signed paper. */
export function draftMark(m: ReportChainMarks): string {
  return m.draft ? '<p class="draft-mark" data-draft="true"><span>草稿</span></p>' : '';
}

/** 签发人 and 签发时间, printed on every signed report. */
export function signOffBlock(m: ReportChainMarks): string {
  const s = m.signOff;
  if (!s) return '';
  return (
    `<div class="signoff" data-signoff="true"><span>签发人：${esc(s.issuer)}</span>` +
    `<span>签发时间：${esc(formatOfficialDateTime(s.issuedAt, '签发时间'))}</span></div>`
  );
}

export const REPORT_CHAIN_STYLE = `
.correction{border:1.5pt solid #000;padding:2mm 3mm;margin:0 0 calc(225mm / 44) 0;font-size:14pt;line-height:1.6;letter-spacing:0;break-inside:avoid}
.correction p{margin:0}
.correction-title{font-family:inherit;font-weight:bold;font-size:16pt;text-align:center}
.signoff{display:flex;justify-content:flex-end;gap:2em;margin-top:calc(225mm / 44);font-size:14pt;letter-spacing:0;break-inside:avoid;break-before:avoid}
.keep{break-after:avoid}
.draft-mark{margin:0 0 calc(225mm / 44) 0;text-align:right;font-size:16pt;font-weight:bold;letter-spacing:0.5em;line-height:1.6;break-after:avoid}
.draft-mark span{border:1.5pt solid #000;padding:0 0 0 0.5em}
`;
