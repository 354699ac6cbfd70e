// Pure HTML renderers for the printed forms. Output is one complete document with inline <style>
// only (no scripts), so it previews in a sandboxed iframe under a strict CSP and prints through
// Chromium (page.pdf / webContents.printToPDF) with the CSS page size.
// Layout follows GB/T 9704-2012: A4, top margin 37 mm, left 28 mm, text block 156 × 225 mm,
// title 二号 (22pt) 小标宋, body 三号 (16pt) 仿宋, 22 lines × 28 characters, page numbers "— N —".

import { BODY_STACK, HEI_STACK, SONG_STACK, TITLE_STACK, fontFaceCss } from './font-faces';
import {
  BLANK_REPORT_TIME,
  formatClock,
  formatOfficialDate,
  formatOfficialDateTime,
  formatReportTime,
  shanghaiParts,
} from './format';
import { REPORT_CHAIN_STYLE, correctionBanner, draftMark, radiationFinal, signOffBlock } from './report-chain';
import type {
  DutyLogDay,
  FormInput,
  HandoverRecord,
  InfoReport,
  RadiationAccidentType,
  RadiationFollowUpReport,
  RadiationInitialReport,
  RadiationLevel,
  RadiationSourceRow,
  RayDeviceRow,
  RenderOptions,
  RosterPrint,
} from './types';
import { SECURITY_LEVELS } from './types';
import { isOneOf } from '../one-of';

/** Minimum printed rows of a table, so a paper form keeps room to write by hand. */
const MIN_TABLE_ROWS = 2;

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Emoji have no glyph in any official font and print as boxes: the printed form names them
// instead, in brackets ([笑脸]), as a reader would read them out.
const EMOJI_NAMES: Record<string, string> = {
  '😀': '笑脸',
  '😃': '笑脸',
  '😄': '笑脸',
  '😊': '微笑',
  '🙂': '微笑',
  '😂': '笑哭',
  '😢': '流泪',
  '😭': '大哭',
  '😡': '生气',
  '👍': '赞',
  '👌': 'OK',
  '🙏': '合十',
  '👏': '鼓掌',
  '💪': '加油',
  '❤': '爱心',
  '🔥': '火',
  '⚠': '警告',
  '❗': '感叹号',
  '❓': '问号',
  '✅': '对勾',
  '✔': '对勾',
  '❌': '叉号',
  '☎': '电话',
  '📞': '电话',
  '📱': '手机',
  '📧': '邮件',
  '🚒': '消防车',
  '🚑': '救护车',
  '🚓': '警车',
  '🌧': '下雨',
  '⛈': '雷雨',
  '❄': '雪花',
  '🌪': '龙卷风',
  '💧': '水滴',
  '⭐': '星',
  '🌹': '玫瑰',
  '🎉': '庆祝',
  '🤝': '握手',
  '🆘': 'SOS',
};
const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*/gu;

/** Replaces every emoji (U+2600 and above) by its name in brackets, [表情] when it has none here. */
export function nameEmoji(text: string): string {
  return text.replace(EMOJI, (e) => {
    const base = String.fromCodePoint(e.codePointAt(0) ?? 0);
    if ((e.codePointAt(0) ?? 0) < 0x2600) return e;
    return `[${EMOJI_NAMES[base] ?? '表情'}]`;
  });
}

function esc(value: string | number | undefined): string {
  if (value === undefined) return '';
  return escapeHtml(nameEmoji(String(value)));
}

// Tokens a line must never split: dates and times in official form, ISO dates, phone numbers,
// codes, measured values with their unit, and a number with the measure word after it (3号, 2名).
// Cells wrap between words (word-break: normal); these runs are kept whole in nowrap spans.
const TOKEN =
  /\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日|\d{1,2}时\d{1,2}分|次日\s?\d{1,2}:\d{2}|[(（]?[A-Za-z0-9][A-Za-z0-9.·\-+×*/:#%‰°℃²³~_]*[)）]?[年月日时分秒号名人起次项条个台处家户座米吨]?/g;
/** Longer runs (pasted URLs, long serials) may break anywhere rather than run out of the cell. */
const MAX_TOKEN = 24;

/** Escapes text and wraps every unbreakable token in a nowrap span. */
export function tokens(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = nameEmoji(String(value));
  let out = '';
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const at = m.index;
    if (t.length < 2 || t.length > MAX_TOKEN) continue;
    out += escapeHtml(text.slice(last, at)) + `<span class="nb">${escapeHtml(t)}</span>`;
    last = at + t.length;
  }
  return out + escapeHtml(text.slice(last));
}

function attrs(field: string | undefined, colspan = 1, rowspan = 1, cls = ''): string {
  let a = '';
  if (cls) a += ` class="${cls}"`;
  if (colspan > 1) a += ` colspan="${colspan}"`;
  if (rowspan > 1) a += ` rowspan="${rowspan}"`;
  if (field) a += ` data-field="${esc(field)}"`;
  return a;
}

/** A label cell (not editable). */
function label(text: string, colspan = 1, rowspan = 1): string {
  return `<th${attrs(undefined, colspan, rowspan, 'l')}>${text.includes('<') ? text : tokens(text)}</th>`;
}

/** A value cell, editable in the preview through its data-field path. */
function value(field: string, text: string | number | undefined, colspan = 1, rowspan = 1, cls = 'v'): string {
  return `<td${attrs(field, colspan, rowspan, cls)}>${tokens(text)}</td>`;
}

/** A checkbox drawn in CSS (no glyph needed); the UI toggles data-checked. */
function checkbox(field: string, checked: boolean, text: string): string {
  return `<span class="cbx"><span class="cb" data-field="${esc(field)}" data-checked="${checked ? 'true' : 'false'}"></span>${esc(text)}</span>`;
}

/**
 * Column widths, given in mm of the text block, as shares of the table: fixed mm widths add the
 * collapsed outer borders to the text block width, and the right-hand rule was cut to a hairline.
 */
function colgroup(widthsMm: number[]): string {
  const total = widthsMm.reduce((a, b) => a + b, 0);
  return `<colgroup>${widthsMm.map((w) => `<col style="width:${((w / total) * 100).toFixed(3)}%">`).join('')}</colgroup>`;
}

function count(n: number | undefined, field: string): string {
  if (n === undefined) return '';
  if (!Number.isFinite(n) || n < 0) throw new Error(`${field}应为非负数：${n}`);
  return String(n);
}

function optDateTime(iso: string | undefined, field: string): string {
  return iso ? formatOfficialDateTime(iso, field) : '';
}

/** Factory dates may be an ISO date or free text ("2015年"); ISO dates print officially. */
function looseDate(text: string, field: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatOfficialDate(text, field) : text;
}

// Seven columns shared by the blocks of the 后续报告表 so stacked tables line up; the radiation
// tables are set in 五号 (10.5pt) so the whole form fits one A4 page like the gazette's.
const RADIATION_COLS = [25, 26, 21, 20, 22, 20, 22];
// 附件4's blocks have their own widths, so that no label of the initial report wraps (许可证审批机关,
// 事故发生地点, 受污染人数, 污染面积(m²)) and a typical place and address fit one line: every row
// one line high keeps the whole form, footnote included, on one A4 page.
const INITIAL_COLS = [24, 26, 17, 28, 23, 20, 18];
// The source and device tables get their own widths, set for their content at 10.5pt: a date
// (2015年3月18日), a 12-character source code and a serial (DD-2019-0456) each fit on one line,
// and the header takes two lines at most (非密封放射性物质状态(固/液态)).
const SOURCE_COLS = [10, 18, 21, 28, 28, 21, 30];
const DEVICE_COLS = [10, 24, 21, 24, 29, 20, 28];

function accidentTypeRows(t: RadiationAccidentType): string {
  const f = 'accidentType';
  return [
    `<tr>${label('事故类型', 1, 3)}<td colspan="2" class="c">${checkbox(`${f}.exposure`, t.exposure, '人员受照')}${checkbox(`${f}.contamination`, t.contamination, '人员污染')}</td>` +
      `${label('受照人数')}${value(`${f}.exposedCount`, count(t.exposedCount, '受照人数'))}${label('受污染人数')}${value(`${f}.contaminatedCount`, count(t.contaminatedCount, '受污染人数'))}</tr>`,
    `<tr><td colspan="2" class="c">${checkbox(`${f}.lost`, t.lost, '丢失')}${checkbox(`${f}.stolen`, t.stolen, '被盗')}${checkbox(`${f}.outOfControl`, t.outOfControl, '失控')}</td>` +
      `${label('事故源数量')}${value(`${f}.sourceCount`, count(t.sourceCount, '事故源数量'), 3)}</tr>`,
    `<tr><td colspan="2" class="c">${checkbox(`${f}.radioactivePollution`, t.radioactivePollution, '放射性污染')}</td>` +
      `${label('污染面积<span class="nb">(m<sup>2</sup>)</span>')}${value(`${f}.pollutedAreaM2`, count(t.pollutedAreaM2, '污染面积'), 3)}</tr>`,
  ].join('');
}

function padRows<T>(rows: T[]): Array<T | undefined> {
  const out: Array<T | undefined> = [...rows];
  while (out.length < MIN_TABLE_ROWS) out.push(undefined);
  return out;
}

function sourceTable(rows: RadiationSourceRow[]): string {
  const head =
    `<tr>${label('序号')}${label('事故源核素名称')}${label('出厂活度(Bq)')}${label('出厂日期')}` +
    `${label('放射源编码')}${label('事故时活度(Bq)')}${label('非密封放射性物质状态(固/液态)')}</tr>`;
  const body = padRows(rows)
    .map((r, i) => {
      const p = `sources.${i}`;
      return (
        `<tr><td class="c">${r ? i + 1 : ''}</td>${value(`${p}.nuclide`, r?.nuclide)}${value(`${p}.factoryActivityBq`, r?.factoryActivityBq)}` +
        `${value(`${p}.factoryDate`, r ? looseDate(r.factoryDate, '出厂日期') : '')}${value(`${p}.sourceCode`, r?.sourceCode)}` +
        `${value(`${p}.activityAtAccidentBq`, r?.activityAtAccidentBq)}${value(`${p}.unsealedState`, r?.unsealedState)}</tr>`
      );
    })
    .join('');
  return `<table class="grid t105 rows" data-table="sources">${colgroup(SOURCE_COLS)}<thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function deviceTable(rows: RayDeviceRow[]): string {
  const head =
    `<tr>${label('序号')}${label('射线装置名称')}${label('型号')}${label('生产厂家')}` +
    `${label('设备编号')}${label('所在场所')}${label('主要参数')}</tr>`;
  const body = padRows(rows)
    .map((r, i) => {
      const p = `devices.${i}`;
      return (
        `<tr><td class="c">${r ? i + 1 : ''}</td>${value(`${p}.name`, r?.name)}${value(`${p}.model`, r?.model)}` +
        `${value(`${p}.maker`, r?.maker)}${value(`${p}.serial`, r?.serial)}${value(`${p}.place`, r?.place)}` +
        `${value(`${p}.mainParameters`, r?.mainParameters)}</tr>`
      );
    })
    .join('');
  return `<table class="grid t105 rows" data-table="devices">${colgroup(DEVICE_COLS)}<thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function block(rows: string, cols = RADIATION_COLS): string {
  return `<table class="grid t105">${colgroup(cols)}<tbody>${rows}</tbody></table>`;
}

const MAIN_PARAMETERS_NOTE = '注：射线装置的“主要参数”是指X射线机的电流(mA)和电压(kV)、加速器线束能量等主要性能参数。';

function seal(): string {
  return '<span class="seal">(公章)</span>';
}

/** 辐射事故初始报告表, exactly the fields of 朔政办发〔2021〕42号 附件4 (see 4.1.2(1)). */
function radiationInitial(d: RadiationInitialReport): string {
  const top = block(
    `<tr>${label('事故单位名称')}<td colspan="6" class="v"><span data-field="unitName">${esc(d.unitName)}</span>${seal()}</td></tr>` +
      `<tr>${label('法定代表人')}${value('legalRepresentative', d.legalRepresentative)}${label('地址')}${value('address', d.address, 2)}${label('邮编')}${value('postCode', d.postCode)}</tr>` +
      `<tr>${label('电话')}${value('phone', d.phone)}${label('传真')}${value('fax', d.fax, 2)}${label('联系人')}${value('contact', d.contact)}</tr>` +
      `<tr>${label('许可证号')}${value('licenceNumber', d.licenceNumber, 2)}${label('许可证审批机关')}${value('licenceAuthority', d.licenceAuthority, 3)}</tr>` +
      `<tr>${label('事故发生时间')}${value('occurredAt', optDateTime(d.occurredAt, '事故发生时间'), 2)}${label('事故发生地点')}${value('place', d.place, 3)}</tr>` +
      accidentTypeRows(d.accidentType),
    INITIAL_COLS,
  );
  const bottom = block(
    `<tr class="tall">${label('事故经过情况')}${value('narrative', d.narrative, 6, 1, 'v text')}</tr>` +
      `<tr>${label('报告人签字')}${value('reporter', d.reporter, 2)}${label('报告时间')}${value('reportedAt', formatReportTime(d.reportedAt), 3)}</tr>`,
    INITIAL_COLS,
  );
  return (
    `<h1 class="title tight">辐射事故初始报告表</h1>` +
    top +
    sourceTable(d.sources) +
    deviceTable(d.devices) +
    bottom +
    `<p class="note">${MAIN_PARAMETERS_NOTE}</p>`
  );
}

const LEVELS: RadiationLevel[] = ['一般', '较大', '重大', '特别重大'];

/** 辐射事故后续报告表, exactly the fields of 朔政办发〔2021〕42号 附件5 (see 4.1.2(2)). */
function radiationFollowUp(d: RadiationFollowUpReport): string {
  if (d.level !== undefined && !LEVELS.includes(d.level)) throw new Error(`事故级别无效：${d.level}`);
  const top = block(
    `<tr>${label('事故单位名称')}${value('unitName', d.unitName, 3)}${label('地址')}${value('address', d.address, 2)}</tr>` +
      `<tr>${label('许可证号')}${value('licenceNumber', d.licenceNumber, 3)}${label('许可证审批机关')}${value('licenceAuthority', d.licenceAuthority, 2)}</tr>` +
      `<tr>${label('事故发生时间')}${value('occurredAt', optDateTime(d.occurredAt, '事故发生时间'), 3)}${label('事故报告时间')}${value('reportedAt', optDateTime(d.reportedAt, '事故报告时间'), 2)}</tr>` +
      `<tr>${label('事故发生地点')}${value('place', d.place, 6)}</tr>` +
      accidentTypeRows(d.accidentType),
  );
  const levelBoxes = LEVELS.map((l) => checkbox(`level.${l}`, d.level === l, `${l}辐射事故`)).join('');
  const bottom = block(
    `<tr>${label('事故级别')}<td colspan="6" class="c">${levelBoxes}</td></tr>` +
      `<tr class="tall">${label('事故经过和处理情况')}${value('narrative', d.narrative, 6, 1, 'v text')}</tr>` +
      `<tr>${label('事发地生态环境主管部门', 1, 3)}${value('department', d.department, 2, 3)}${label('联系人')}${value('departmentContact', d.departmentContact, 2)}<td rowspan="3" class="c">${seal()}</td></tr>` +
      `<tr>${label('电话')}${value('departmentPhone', d.departmentPhone, 2)}</tr>` +
      `<tr>${label('传真')}${value('departmentFax', d.departmentFax, 2)}</tr>`,
  );
  return (
    `<h1 class="title tight">辐射事故后续报告表</h1>` +
    top +
    sourceTable(d.sources) +
    deviceTable(d.devices) +
    bottom +
    `<p class="note">${MAIN_PARAMETERS_NOTE}</p>`
  );
}

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function ordinal(i: number): string {
  return CHINESE_ORDINALS[i] ?? String(i + 1);
}

function paragraphs(field: string, text: string): string {
  return `<div class="body-text" data-field="${esc(field)}">${tokens(text)}</div>`;
}

function section(i: number, heading: string, field: string, text: string): string {
  return `<h2 class="h1">${ordinal(i)}、${esc(heading)}</h2>${paragraphs(field, text)}`;
}

/** Title suffix for 初报 / 第N次续报 / 终报 (朔政办发〔2021〕42号 4.1.2 names the three kinds). */
const INFO_REPORT_KINDS: readonly InfoReport['kind'][] = ['初报', '续报', '终报'];

export function infoReportKindLabel(kind: InfoReport['kind'], seq?: number): string {
  // Callers may pass unvalidated data (IPC), so check against the full list before narrowing.
  if (!isOneOf(INFO_REPORT_KINDS, kind)) throw new Error(`报告类别无效：${String(kind)}`);
  if (kind !== '续报') return kind;
  if (seq === undefined || !Number.isInteger(seq) || seq < 1) {
    throw new Error('续报须填写续报次数 seq（正整数）');
  }
  return `第${seq}次续报`;
}

/** 突发事件信息报告: content of 朔政办发〔2021〕40号 4.1 (plan comms) or 〔2021〕43号 5.1.1 (plan environment). */
const INFO_REPORT_PLANS: readonly InfoReport['plan'][] = ['comms', 'environment'];

function infoReport(d: InfoReport): string {
  if (!d.eventTitle.trim()) throw new Error('事件名称（eventTitle）不能为空');
  if (!d.unit.trim()) throw new Error('报送单位（unit）不能为空');
  const kindLabel = infoReportKindLabel(d.kind, d.seq);
  if (d.classification !== undefined && !isOneOf(SECURITY_LEVELS, d.classification)) {
    throw new Error(`密级应为${SECURITY_LEVELS.join('、')}之一，或不标注：${String(d.classification)}`);
  }
  if (d.copyNumber !== undefined && !/^\d{1,6}$/.test(d.copyNumber))
    throw new Error(`份号应为1至6位数字：${d.copyNumber}`);
  // GB/T 9704-2012 7.2.1–7.2.3: 份号 (six digits), then 密级 and 紧急程度 in 3号黑体, top left.
  const marks =
    d.copyNumber || d.classification || d.urgency
      ? `<div class="marks">${d.copyNumber ? `<div class="copy" data-field="copyNumber">${esc(d.copyNumber.padStart(6, '0'))}</div>` : ''}${d.classification ? `<div data-field="classification">${esc(d.classification)}</div>` : ''}${d.urgency ? `<div data-field="urgency">${esc(d.urgency)}</div>` : ''}</div>`
      : '';
  const header =
    `<div class="report-head"><div>报送单位：<span data-field="unit">${esc(d.unit)}</span></div>` +
    `<div>签发人：<span data-field="issuer" class="issuer">${esc(d.signOff?.issuer ?? d.issuer)}</span></div></div>` +
    `<div class="report-head"><div>报送时间：<span data-field="reportedAt">${d.reportedAt ? esc(formatOfficialDateTime(d.reportedAt, '报送时间')) : BLANK_REPORT_TIME}</span></div></div>` +
    `<hr class="rule">`;
  const sections: Array<[string, string, string]> =
    d.plan === 'comms'
      ? [
          ['事件基本情况', 'content.basicSituation', d.content.basicSituation],
          ['事件级别', 'content.level', d.content.level],
          ['初步估计的危害及程度', 'content.harm', d.content.harm],
          ['影响范围', 'content.scope', d.content.scope],
          ['拟采取的应对措施及建议', 'content.measures', d.content.measures],
        ]
      : [
          ['事件发生时间', 'content.occurredAt', formatOfficialDateTime(d.content.occurredAt, '事件发生时间')],
          ['事件发生地点', 'content.place', d.content.place],
          ['单位名称', 'content.unitName', d.content.unitName],
          ['信息来源', 'content.infoSource', d.content.infoSource],
          ['事件类别', 'content.category', d.content.category],
          ['主要污染物种类和数量', 'content.pollutants', d.content.pollutants],
          ['伤亡或者经济损失的初步评估', 'content.casualtiesAndLoss', d.content.casualtiesAndLoss],
          ['饮用水水源地等环境敏感点受影响情况', 'content.sensitiveTargets', d.content.sensitiveTargets],
          ['影响范围', 'content.scope', d.content.scope],
          ['事件发展态势及处置情况', 'content.trendAndHandling', d.content.trendAndHandling],
        ];
  if (!isOneOf(INFO_REPORT_PLANS, d.plan)) throw new Error(`预案类型无效：${String(d.plan)}`);
  const contact =
    d.contact || d.contactPhone
      ? `<p class="contact">联系人：<span data-field="contact">${esc(d.contact)}</span>　联系电话：<span data-field="contactPhone">${esc(d.contactPhone)}</span></p>`
      : '';
  return (
    marks +
    `<h1 class="title">突发事件信息报告</h1>` +
    `<p class="subtitle">（${kindLabel}）</p>` +
    header +
    `<p class="event">事件名称：<span data-field="eventTitle">${esc(d.eventTitle)}</span></p>` +
    sections.map(([h, f, t], i) => section(i, h, f, t)).join('') +
    contact
  );
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function weekday(date: string): string {
  const p = shanghaiParts(date, '日期');
  return `星期${WEEKDAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()] ?? ''}`;
}

function names(list: string[]): string {
  return list.join('、');
}

function signatureLine(labels: string[]): string {
  return `<div class="signatures">${labels.map((l) => `<span>${esc(l)}：<span class="sign-space"></span></span>`).join('')}</div>`;
}

/** A log entry's time: "14:05", or "次日 01:30" after midnight of the duty day's date. */
function logTime(day: string, at: string, field: string): string {
  const clock = formatClock(at, field);
  const p = shanghaiParts(at, field);
  const date = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  return date > day ? `次日 ${clock}` : clock;
}

/** 值班日志: the day's log, printed at the end of each day. */
function dutyLog(d: DutyLogDay): string {
  const meta =
    `<div class="meta"><div>值班单位：<span data-field="dutyUnit">${esc(d.dutyUnit)}</span></div>` +
    `<div>日期：<span data-field="date">${esc(formatOfficialDate(d.date, '值班日期'))}（${weekday(d.date)}）</span></div></div>` +
    `<div class="meta"><div>带班领导：<span data-field="leader">${esc(d.leader)}</span></div>` +
    `<div>值班员：<span data-field="officers">${esc(names(d.officers))}</span></div></div>`;
  const cols = [12, 18, 18, 50, 38, 20];
  const head = `<tr>${label('序号')}${label('时间')}${label('类别')}${label('事项内容')}${label('处理情况')}${label('经办人')}</tr>`;
  const rows = padRows(d.entries)
    .map((e, i) => {
      const p = `entries.${i}`;
      return (
        `<tr><td class="c">${e ? i + 1 : ''}</td>${value(`${p}.at`, e ? logTime(d.date, e.at, `第${i + 1}条记录时间`) : '', 1, 1, 'v c')}` +
        `${value(`${p}.category`, e?.category, 1, 1, 'v c')}${value(`${p}.content`, e?.content, 1, 1, 'v text')}` +
        `${value(`${p}.handling`, e?.handling, 1, 1, 'v text')}${value(`${p}.handler`, e?.handler, 1, 1, 'v c')}</tr>`
      );
    })
    .join('');
  return (
    `<h1 class="title">值班日志</h1>` +
    meta +
    `<table class="grid t12 rows" data-table="entries">${colgroup(cols)}<thead>${head}</thead><tbody>${rows}</tbody></table>` +
    `<h2 class="h1 small">其他需要记载的事项</h2><div class="box text" data-field="notes">${esc(d.notes)}</div>` +
    signatureLine(['值班员签字', '带班领导签字'])
  );
}

/** 交接班记录: every open incident and every running clock at the end of a shift. */
function handover(d: HandoverRecord): string {
  const infoCols = [30, 48, 30, 48];
  const info =
    `<table class="grid t12">${colgroup(infoCols)}<tbody>` +
    `<tr>${label('交接时间')}${value('handoverAt', formatOfficialDateTime(d.handoverAt, '交接时间'))}${label('值班单位')}${value('dutyUnit', d.dutyUnit)}</tr>` +
    `<tr>${label('交班人')}${value('fromOfficers', names(d.fromOfficers))}${label('接班人')}${value('toOfficers', names(d.toOfficers))}</tr>` +
    `<tr>${label('带班领导')}${value('leader', d.leader, 3)}</tr>` +
    `</tbody></table>`;
  const incCols = [12, 50, 18, 36, 40];
  const incHead = `<tr>${label('序号')}${label('事件')}${label('级别')}${label('当前状态')}${label('下一步工作')}</tr>`;
  const incRows = padRows(d.openIncidents)
    .map((e, i) => {
      const p = `openIncidents.${i}`;
      return `<tr><td class="c">${e ? i + 1 : ''}</td>${value(`${p}.title`, e?.title, 1, 1, 'v text')}${value(`${p}.level`, e?.level, 1, 1, 'v c')}${value(`${p}.status`, e?.status, 1, 1, 'v text')}${value(`${p}.nextStep`, e?.nextStep, 1, 1, 'v text')}</tr>`;
    })
    .join('');
  const clockCols = [12, 40, 36, 32, 36];
  const clockHead = `<tr>${label('序号')}${label('事件')}${label('事项')}${label('截止时间')}${label('依据')}</tr>`;
  const clockRows = padRows(d.runningClocks)
    .map((c, i) => {
      const p = `runningClocks.${i}`;
      return `<tr><td class="c">${c ? i + 1 : ''}</td>${value(`${p}.incident`, c?.incident, 1, 1, 'v text')}${value(`${p}.label`, c?.label, 1, 1, 'v text')}${value(`${p}.dueAt`, c ? formatOfficialDateTime(c.dueAt, `第${i + 1}项时限截止时间`) : '', 1, 1, 'v c')}${value(`${p}.basis`, c?.basis, 1, 1, 'v text')}</tr>`;
    })
    .join('');
  return (
    `<h1 class="title">交接班记录</h1>` +
    info +
    `<h2 class="h1 small">一、未办结事件</h2>` +
    `<table class="grid t12 rows" data-table="openIncidents">${colgroup(incCols)}<thead>${incHead}</thead><tbody>${incRows}</tbody></table>` +
    `<h2 class="h1 small">二、正在计时的报告时限</h2>` +
    `<table class="grid t12 rows" data-table="runningClocks">${colgroup(clockCols)}<thead>${clockHead}</thead><tbody>${clockRows}</tbody></table>` +
    `<h2 class="h1 small">三、待传达落实的领导批示</h2><div class="box text" data-field="pendingInstructions">${esc(d.pendingInstructions)}</div>` +
    `<h2 class="h1 small">四、设备运行情况</h2><div class="box text" data-field="equipment">${esc(d.equipment)}</div>` +
    `<h2 class="h1 small">五、其他事项</h2><div class="box text" data-field="notes">${esc(d.notes)}</div>` +
    signatureLine(['交班人签字', '接班人签字', '带班领导签字'])
  );
}

/** A roster printout (通讯录) of one headquarters or group. */
function roster(d: RosterPrint): string {
  if (!d.title.trim()) throw new Error('通讯录标题（title）不能为空');
  // Eight columns with whole phone numbers do not fit 156 mm: the roster prints landscape (225 mm).
  const cols = [11, 24, 20, 62, 30, 28, 20, 30];
  const head = `<tr>${label('序号')}${label('职务')}${label('姓名')}${label('单位及职务')}${label('办公电话')}${label('手机')}${label('红机')}${label('传真')}</tr>`;
  const sections = d.sections
    .map((s, si) => {
      const rows = s.rows
        .map((r, i) => {
          const p = `sections.${si}.rows.${i}`;
          return `<tr><td class="c">${i + 1}</td>${value(`${p}.role`, r.role, 1, 1, 'v c')}${value(`${p}.name`, r.name, 1, 1, 'v c')}${value(`${p}.unitTitle`, r.unitTitle, 1, 1, 'v text')}${value(`${p}.officePhone`, r.officePhone, 1, 1, 'v c num')}${value(`${p}.mobile`, r.mobile, 1, 1, 'v c num')}${value(`${p}.redPhone`, r.redPhone, 1, 1, 'v c num')}${value(`${p}.fax`, r.fax ?? '', 1, 1, 'v c num')}</tr>`;
        })
        .join('');
      return (
        `<h2 class="h1 small" data-field="sections.${si}.heading">${esc(s.heading)}</h2>` +
        `<table class="grid t12 rows" data-table="sections.${si}">${colgroup(cols)}<thead>${head}</thead><tbody>${rows}</tbody></table>`
      );
    })
    .join('');
  return (
    `<h1 class="title" data-field="title">${esc(d.title)}</h1>` +
    `<p class="subtitle small">依据<span data-field="basis">${esc(d.basis.replace(/^\s*依据\s*/, ''))}</span>　<span class="nb">截至<span data-field="asOf">${esc(formatOfficialDate(d.asOf, '通讯录日期'))}</span></span></p>` +
    sections
  );
}

// GB/T 9704-2012: text block 156 mm × 225 mm at 22 lines × 28 characters of 三号 (16pt).
// 16pt is slightly wider than 156/28 mm, so a small negative tracking keeps exactly 28 per line.
// The page number's em box starts this far below the text block, so that its dash (set at the
// middle of the em box) lies 7 mm below it (GB/T 9704-2012 7.5).
const PAGE_NUMBER_TOP = '3.75mm';

const STYLE = `
@page{size:A4;margin:37mm 26mm 35mm 28mm}
@page :right{@bottom-right{content:"— " counter(page) " —";font-family:${SONG_STACK};font-size:14pt;line-height:1;vertical-align:top;padding-top:${PAGE_NUMBER_TOP};padding-right:1em}}
@page :left{@bottom-left{content:"— " counter(page) " —";font-family:${SONG_STACK};font-size:14pt;line-height:1;vertical-align:top;padding-top:${PAGE_NUMBER_TOP};padding-left:1em}}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;color:#000;font-family:${BODY_STACK};font-size:16pt;line-height:calc(225mm / 22);letter-spacing:calc(156mm / 28 - 16pt)}
.sheet{position:relative}
.title{font-family:${TITLE_STACK};font-weight:normal;font-size:22pt;line-height:1.45;text-align:center;margin:0 0 calc(225mm / 44) 0;letter-spacing:0.05em}
.title.tight{margin-bottom:3mm}
.subtitle{text-align:center;margin:calc(-225mm / 44) 0 calc(225mm / 44) 0}
.subtitle.small{font-size:14pt}
.marks{font-family:${HEI_STACK};font-size:16pt;margin:0 0 calc(225mm / 44) 0}
.marks .copy{font-family:${SONG_STACK};letter-spacing:0}
.report-head{display:flex;flex-wrap:wrap;justify-content:space-between;column-gap:2em}
.report-head>div+div{margin-left:auto}
.rule{border:none;border-top:1px solid #000;margin:calc(225mm / 44) 0}
.event{margin:0}
.h1{font-family:${HEI_STACK};font-weight:normal;font-size:16pt;margin:0;text-indent:2em;break-after:avoid}
.title{break-after:avoid}
.h1.small{text-indent:0;margin-top:calc(225mm / 44)}
/* Every paragraph (each line the officer began after a line break) is indented two characters. */
.body-text{text-indent:2em each-line;text-align:justify;white-space:pre-wrap;margin:0}
.contact{margin:calc(225mm / 22) 0 0 0}
.meta{display:flex;justify-content:space-between;font-size:14pt;line-height:1.8}
.grid{width:calc(100% - 0.3mm);border-collapse:collapse;table-layout:fixed;letter-spacing:0}
.grid+.grid{margin-top:-1px}
.grid th,.grid td{border:0.26mm solid #000;padding:0.8mm 1mm;vertical-align:middle;word-break:normal;overflow-wrap:anywhere;line-break:strict}
.nb{white-space:nowrap}
.grid th{font-weight:normal;text-align:center}
.t12{font-size:12pt;line-height:1.3}
.t105{font-size:10.5pt;line-height:1.3}
.t105 td,.t105 th{height:6.5mm}
.t105.rows tbody td{height:6.5mm}
.grid td.c{text-align:center}
.grid td.text{text-align:left;white-space:pre-wrap}
.grid tr.tall td{height:30mm;vertical-align:top}
.grid tr{break-inside:avoid}
.grid thead{display:table-header-group}
.cont-mark{font-size:12pt;line-height:1.6;letter-spacing:0}
.rows tbody td{height:8mm}
.seal{float:right;color:#000}
.cbx{display:inline-block;white-space:nowrap}
.cbx+.cbx{margin-left:0.6em}
/* The labels of 附件4 use their cell's width, so that none of them wraps. */
[data-form="radiation-initial"] .t105 th.l{padding-left:0.5mm;padding-right:0.5mm}
.cb{display:inline-block;position:relative;width:0.85em;height:0.85em;border:1px solid #000;vertical-align:-0.08em;margin-right:0.2em}
.cb[data-checked="true"]::after{content:"";position:absolute;left:0.24em;top:0.02em;width:0.25em;height:0.5em;border:solid #000;border-width:0 0.12em 0.12em 0;transform:rotate(45deg)}
.note{font-size:10.5pt;line-height:1.4;margin:1.5mm 0 0 0;letter-spacing:0}
.box{min-height:18mm;border-bottom:1px solid #000;font-size:14pt;line-height:1.6;white-space:pre-wrap}
.signatures{display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 1em;margin-top:calc(225mm / 22);font-size:14pt;break-inside:avoid;break-before:avoid}
.signatures>span{white-space:nowrap}
.sign-space{display:inline-block;width:28mm;border-bottom:1px solid #000}
.num{font-variant-numeric:tabular-nums}
.watermark{position:fixed;left:0;right:0;top:40%;text-align:center;font-family:${TITLE_STACK};font-size:120pt;letter-spacing:0.3em;color:rgba(0,0,0,0.45);transform:rotate(-30deg);pointer-events:none;z-index:0}
.sheet{z-index:1}
.drill-mark{font-family:${HEI_STACK}}
/* A paragraph a page broke runs on at the margin on the next page (paginate.ts adds the lead);
   the paragraph after the last line break before a break (.split-last) begins one, so it keeps the indent. */
.body-text>.cont-lead{margin-left:-2em}
.body-text.split-end{text-align-last:justify}
.body-text .split-last{display:block;text-align-last:justify}
@media screen{
  html{background:#8c8c8c}
  body{padding:8mm 0}
  .sheet{width:210mm;min-height:297mm;margin:0 auto;padding:37mm 26mm 35mm 28mm;background:#fff;box-shadow:0 1mm 4mm rgba(0,0,0,0.35)}
  [data-field]:focus{outline:1px dashed #1677ff}
}
/* Paginated (paginate.ts): one .page per printed page. On screen each is a sheet of paper with its
   number where print puts it; print breaks after each and numbers it in the @page margin box. */
@media screen{
  .paged .sheet{width:auto;min-height:0;margin:0;padding:0;background:none;box-shadow:none}
  .page{position:relative;width:210mm;height:297mm;margin:0 auto 8mm;padding:37mm 26mm 35mm 28mm;background:#fff;box-shadow:0 1mm 4mm rgba(0,0,0,0.35)}
  .page-body{position:relative;z-index:1}
  .folio{position:absolute;top:calc(37mm + 225mm + ${PAGE_NUMBER_TOP});font-family:${SONG_STACK};font-size:14pt;line-height:1;letter-spacing:0}
  .page:nth-child(odd) .folio{right:calc(26mm + 1em)}
  .page:nth-child(even) .folio{left:calc(28mm + 1em)}
  .page-watermark{position:absolute;left:0;right:0;top:40%;text-align:center;font-family:${TITLE_STACK};font-size:120pt;letter-spacing:0.3em;color:rgba(0,0,0,0.45);transform:rotate(-30deg);pointer-events:none;z-index:0}
  .paged .watermark{display:none}
}
@media print{
  .folio,.page-watermark{display:none}
  .page{display:flow-root;break-after:page}
  .page:last-child{break-after:auto}
}
`;

// Wide tables print landscape: the portrait text block turned (225 × 156 mm), page numbers as on
// portrait pages (GB/T 9704-2012 allows 横排表格 on a landscape page).
const LANDSCAPE_STYLE = `
@page{size:A4 landscape;margin:28mm 37mm 26mm 35mm}
@media screen{
  .sheet{width:297mm;min-height:210mm;padding:28mm 37mm 26mm 35mm}
  .page{width:297mm;height:210mm;padding:28mm 37mm 26mm 35mm}
  .folio{top:calc(28mm + 156mm + ${PAGE_NUMBER_TOP})}
  .page:nth-child(odd) .folio{right:calc(37mm + 1em)}
  .page:nth-child(even) .folio{left:calc(35mm + 1em)}
}
`;

/** The chain's short code as printed: two groups of four hex digits. */
const CHAIN_CODE = /^[0-9A-F]{4}-[0-9A-F]{4}$/;

/**
 * The record chain's short code in the footer of every page, opposite the page number (issue 18):
 * print puts it in the @page margin box, the screen (paginate.ts) in each sheet's `.page-code`.
 */
function chainCodeStyle(code: string | null | undefined, landscape: boolean): string {
  if (!code || !CHAIN_CODE.test(code)) return '';
  const box = `content:"核验码 ${code}";font-family:${SONG_STACK};font-size:10.5pt;line-height:1;vertical-align:top;padding-top:${PAGE_NUMBER_TOP}`;
  const [top, left, right] = landscape ? ['28mm + 156mm', '35mm', '37mm'] : ['37mm + 225mm', '28mm', '26mm'];
  return `
@page :right{@bottom-left{${box}}}
@page :left{@bottom-right{${box}}}
@media screen{
  .page-code{position:absolute;top:calc(${top} + ${PAGE_NUMBER_TOP});font-family:${SONG_STACK};font-size:10.5pt;line-height:1;letter-spacing:0}
  .page:nth-child(odd) .page-code{left:${left}}
  .page:nth-child(even) .page-code{right:${right}}
}
@media print{.page-code{display:none}}
`;
}

/** Renders one form as a complete HTML document (A4, GB/T 9704 layout, no scripts). */
export function renderForm(form: FormInput, opts: RenderOptions): string {
  let body: string;
  let title: string;
  switch (form.kind) {
    case 'radiation-initial':
      body = radiationInitial(form.data);
      title = '辐射事故初始报告表';
      break;
    case 'radiation-final':
      body = radiationFinal(form.data);
      title = '辐射事故终结报告';
      break;
    case 'radiation-follow-up':
      body = radiationFollowUp(form.data);
      title = '辐射事故后续报告表';
      break;
    case 'info-report':
      body = infoReport(form.data);
      title = `突发事件信息报告（${infoReportKindLabel(form.data.kind, form.data.seq)}）`;
      break;
    case 'duty-log':
      body = dutyLog(form.data);
      title = '值班日志';
      break;
    case 'handover':
      body = handover(form.data);
      title = '交接班记录';
      break;
    case 'roster':
      body = roster(form.data);
      title = form.data.title;
      break;
    default:
      // the switch covered every kind, so form is never here; a value from outside the types may still be
      throw new Error(`未知的表单类型 kind：${String((form as { kind: unknown }).kind)}`);
  }
  const faces = opts.fontFaceCss ?? fontFaceCss(opts.fontBaseUrl);
  // Reports of the chain carry their 更正 banner and 签发 block (朔政办发〔2021〕42号 4.1.2).
  if (
    form.kind === 'radiation-initial' ||
    form.kind === 'radiation-follow-up' ||
    form.kind === 'radiation-final' ||
    form.kind === 'info-report'
  ) {
    body = draftMark(form.data) + correctionBanner(form.data) + body + signOffBlock(form.data);
  }
  const watermark = opts.drill ? '<div class="watermark" aria-hidden="true">演练</div>' : '';
  // A drill says so in its title line too, so a faxed copy that loses the watermark still shows it.
  if (opts.drill) {
    body = body.replace(/<\/h1>/, '<span class="drill-mark">（演练）</span></h1>');
    title = `${title}（演练）`;
  }
  const pageStyle =
    (form.kind === 'roster' ? LANDSCAPE_STYLE : '') + chainCodeStyle(opts.chainCode, form.kind === 'roster');
  const code = opts.chainCode && CHAIN_CODE.test(opts.chainCode) ? ` data-chain-code="${opts.chainCode}"` : '';
  return (
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">` +
    `<title>${esc(title)}</title><style>${faces}\n${STYLE}${pageStyle}${REPORT_CHAIN_STYLE}</style></head>` +
    `<body data-form="${form.kind}" data-page-mm="${form.kind === 'roster' ? 156 : 225}"${opts.drill ? ' data-drill="true"' : ''}${code}>${watermark}<div class="sheet">${body}</div></body></html>`
  );
}
