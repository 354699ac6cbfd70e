// Prints each form in Debian Chromium and checks the PDF with poppler (pdfinfo, pdffonts, pdftotext).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderForm, sampleForms } from '../../../shared/forms';
import { RARE_CHARACTERS } from '../../../shared/forms/samples';
import { charactersNotDrawn } from '../../helpers/pdf-glyphs';
import type { FormInput } from '../../../shared/forms';
import { FONT_BASE_URL, launchChromium, printPagedHtml, withFormPage } from '../../../electron/print/chromium-pdf';
import { PAGED_HTML_SCRIPT } from '../../../shared/forms/paginate';
import { draftReport, prefillSource } from '../../../shared/reports/prefill';

const run = promisify(execFile);
let browser: Browser | undefined;
let dir: string;
const cache = new Map<string, string>();
/** Pages the pagination pass planned, by PDF path. */
const planned = new Map<string, number>();

beforeAll(async () => {
  browser = await launchChromium();
  dir = await mkdtemp(join(tmpdir(), 'forms-pdf-'));
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Unbreakable tokens wider than their cell, by PDF path (measured in the page that printed it). */
const overflowing = new Map<string, string[]>();

async function pdfOf(id: string, input: FormInput, drill?: boolean): Promise<string> {
  const key = `${id}:${drill ? 'drill' : ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const path = join(dir, `${id}${drill ? '-drill' : ''}.pdf`);
  if (!browser) throw new Error('Chromium did not start');
  const html = renderForm(input, { fontBaseUrl: FONT_BASE_URL, drill });
  const { paged, plan, over } = await withFormPage(browser, html, async (page, plan) => ({
    plan,
    over: await page.evaluate(() =>
      Array.from(document.querySelectorAll('td .nb, th .nb')).flatMap((span) => {
        // the rendered form puts every span in a table cell
        const cell = span.closest('td, th') as HTMLElement;
        const right = cell.getBoundingClientRect().right - parseFloat(getComputedStyle(cell).paddingRight);
        return span.getBoundingClientRect().right > right + 0.5 ? [span.textContent] : [];
      }),
    ),
    paged: String(await page.evaluate(PAGED_HTML_SCRIPT)),
  }));
  // Printed as both printers print it: the paginated document, in a page without JavaScript.
  const pdf = await printPagedHtml(browser, paged);
  await writeFile(path, pdf);
  overflowing.set(path, over);
  cache.set(key, path);
  planned.set(path, plan);
  return path;
}

function sample(id: string) {
  const s = sampleForms().find((x) => x.id === id);
  if (!s) throw new Error(`no sample ${id}`);
  return s;
}

async function samplePdf(id: string): Promise<string> {
  const s = sample(id);
  return pdfOf(id, s.input, s.drill);
}

async function pages(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
}

/** Text of one page (or all), in drawing order, with whitespace removed so wrapped cells join up. */
async function text(pdf: string, page?: number): Promise<string> {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  const { stdout } = await run('pdftotext', ['-raw', ...range, pdf, '-']);
  return stdout.replace(/\s+/g, '');
}

async function fonts(pdf: string): Promise<Array<{ name: string; type: string; emb: string }>> {
  const { stdout } = await run('pdffonts', [pdf]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      // Columns: name, type (may contain spaces), encoding, emb, sub, uni, object, id.
      const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
      if (!m) throw new Error(`pdffonts line not understood: ${l}`);
      return { name: m[1] ?? '', type: m[2] ?? '', emb: m[4] ?? '' };
    });
}

const INITIAL_LABELS = [
  '事故单位名称',
  '(公章)',
  '法定代表人',
  '地址',
  '邮编',
  '电话',
  '传真',
  '联系人',
  '许可证号',
  '许可证审批机关',
  '事故发生时间',
  '事故发生地点',
  '事故类型',
  '人员受照',
  '人员污染',
  '受照人数',
  '受污染人数',
  '丢失',
  '被盗',
  '失控',
  '事故源数量',
  '放射性污染',
  '污染面积(m2)',
  '序号',
  '事故源核素名称',
  '出厂活度(Bq)',
  '出厂日期',
  '放射源编码',
  '事故时活度(Bq)',
  '非密封放射性物质状态(固/液态)',
  '射线装置名称',
  '型号',
  '生产厂家',
  '设备编号',
  '所在场所',
  '主要参数',
  '事故经过情况',
  '报告人签字',
  '报告时间',
  '注：射线装置的“主要参数”是指X射线机的电流(mA)和电压(kV)、加速器线束能量等主要性能参数。',
];

const FOLLOW_UP_LABELS = [
  '事故单位名称',
  '地址',
  '许可证号',
  '许可证审批机关',
  '事故发生时间',
  '事故报告时间',
  '事故发生地点',
  '事故类型',
  '人员受照',
  '人员污染',
  '受照人数',
  '受污染人数',
  '丢失',
  '被盗',
  '失控',
  '事故源数量',
  '放射性污染',
  '污染面积(m2)',
  '序号',
  '事故源核素',
  '出厂',
  '出厂日期',
  '放射源编码',
  '事故时活度',
  '非密封放射性物质',
  '射线装置',
  '型号',
  '生产厂家',
  '设备编号',
  '所在场所',
  '主要参数',
  '事故级别',
  '一般辐射事故',
  '较大辐射事故',
  '重大辐射事故',
  '特别重大辐射事故',
  '事故经过和处理情况',
  '事发地生态环境主管部门',
  '联系人',
  '(公章)',
  '电话',
  '传真',
  '注：射线装置的“主要参数”',
];

describe('printed forms (Chromium → PDF → poppler)', () => {
  it.each(sampleForms().map((s) => [s.id]))(
    '%s: A4 pages, every font embedded, page numbers',
    async (id) => {
      const pdf = await samplePdf(id);
      const { stdout } = await run('pdfinfo', [pdf]);
      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout);
      // The roster's eight columns print landscape; every other form portrait.
      const dims = [Math.round(Number(size?.[1])), Math.round(Number(size?.[2]))];
      expect(dims).toEqual(id === 'roster' ? [842, 595] : [595, 842]);
      const list = await fonts(pdf);
      expect(list.length).toBeGreaterThan(0);
      for (const f of list) {
        expect(f.emb, f.name).toBe('yes');
        expect(f.type, f.name).not.toMatch(/Type 3/);
      }
      const n = await pages(pdf);
      for (let p = 1; p <= n; p++) expect(await text(pdf, p)).toContain(`—${p}—`);
      // The pagination pass knew the page count before printing (what a paginated preview shows).
      expect(planned.get(pdf), 'planned pages').toBe(n);
      // Every printed character comes from a real glyph of an embedded font (not .notdef, not Type 3).
      expect(charactersNotDrawn(await readFile(pdf), await text(pdf))).toEqual([]);
    },
    90_000,
  );

  it('附件4: every gazette label of the initial report is printed', async () => {
    const all = await text(await samplePdf('radiation-initial'));
    for (const l of INITIAL_LABELS) expect(all, l).toContain(l);
    expect(all).toContain('2021年9月2日15时00分');
  });

  it('附件5: every gazette label of the follow-up report is printed', async () => {
    const all = await text(await samplePdf('radiation-follow-up'));
    for (const l of FOLLOW_UP_LABELS) expect(all, l).toContain(l);
  });

  it('a 40-row source table continues on the next page with its header repeated', async () => {
    const pdf = await samplePdf('radiation-initial-40-sources');
    expect(await pages(pdf)).toBeGreaterThanOrEqual(2);
    const p1 = await text(pdf, 1);
    const p2 = await text(pdf, 2);
    expect(p1).toContain('事故源核素名称');
    expect(p1).toContain('SRC-001');
    expect(p2).not.toContain('SRC-001');
    expect(p2).toContain('事故源核素名称');
    expect(p2).toContain('非密封放射性物质状态(固/液态)');
    // The header comes before the rows continued on page 2.
    const firstRow = /SRC-\d{3}/.exec(p2);
    expect(firstRow).not.toBeNull();
    expect(p2.indexOf('事故源核素名称')).toBeLessThan(firstRow?.index ?? -1);
    const all = await text(pdf);
    for (let i = 1; i <= 40; i++) expect(all).toContain(`SRC-${String(i).padStart(3, '0')}`);
  });

  it('prints rare name characters with an embedded non-Type 3 font', async () => {
    const input = sample('radiation-initial').input;
    if (input.kind !== 'radiation-initial') throw new Error('kind');
    const pdf = await pdfOf('rare', {
      kind: 'radiation-initial',
      data: {
        ...input.data,
        legalRepresentative: '王镕',
        contact: '李堃',
        reporter: '刘珺',
        fax: '赵喆',
        postCode: '孙赟',
      },
    });
    const all = await text(pdf);
    for (const name of ['王镕', '李堃', '刘珺', '赵喆', '孙赟']) expect(all).toContain(name);
    const list = await fonts(pdf);
    expect(list.every((f) => f.emb === 'yes' && !/Type 3/.test(f.type))).toBe(true);
  }, 90_000);

  it('prints the 演练 watermark on every page of a drill, and never otherwise', async () => {
    const s = sample('duty-log-drill');
    expect(s.drill).toBe(true);
    const drill = await samplePdf('duty-log-drill');
    const n = await pages(drill);
    expect(n).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= n; p++) expect(await text(drill, p), `page ${p}`).toContain('演练');
    const plain = await pdfOf('duty-log-plain', s.input, false);
    expect(await text(plain)).not.toContain('演练');
  }, 90_000);

  it('information reports carry the content lists of 〔2021〕40号 4.1 and 〔2021〕43号 5.1.1', async () => {
    const comms = await text(await samplePdf('info-report-comms-initial'));
    for (const l of [
      '突发事件信息报告',
      '（初报）',
      '报送单位',
      '签发人',
      '报送时间',
      '000012',
      '秘密',
      '特急',
      '事件基本情况',
      '事件级别',
      '初步估计的危害及程度',
      '影响范围',
      '拟采取的应对措施及建议',
    ]) {
      expect(comms, l).toContain(l);
    }
    const env = await text(await samplePdf('info-report-environment-follow-up'));
    for (const l of [
      '（第2次续报）',
      '事件发生时间',
      '事件发生地点',
      '单位名称',
      '信息来源',
      '事件类别',
      '主要污染物种类和数量',
      '伤亡或者经济损失的初步评估',
      '饮用水水源地等环境敏感点受影响情况',
      '影响范围',
      '事件发展态势及处置情况',
      '2021年9月3日6时15分',
    ]) {
      expect(env, l).toContain(l);
    }
  });

  async function words(pdf: string, page: number) {
    const { stdout } = await run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-']);
    return [...stdout.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map(
      (m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        text: m[5] ?? '',
      }),
    );
  }

  const MM = 72 / 25.4;

  it('keeps running text inside the GB/T 9704 text block (left 28 mm, top 37 mm, 156 × 225 mm)', async () => {
    const pdf = await samplePdf('info-report-comms-final');
    // Page numbers sit below the text block by design; everything else must be inside it.
    const body = (await words(pdf, 1)).filter((w) => !/^(—|\d+)$/.test(w.text));
    expect(body.length).toBeGreaterThan(10);
    expect(Math.min(...body.map((b) => b.x0))).toBeGreaterThanOrEqual(28 * MM - 1);
    expect(Math.max(...body.map((b) => b.x1))).toBeLessThanOrEqual((28 + 156) * MM + 1);
    expect(Math.min(...body.map((b) => b.y0))).toBeGreaterThanOrEqual(37 * MM - 1);
    expect(Math.max(...body.map((b) => b.y1))).toBeLessThanOrEqual((37 + 225) * MM + 1);
  });

  it('sets running text at 28 characters a line and 22 lines a page', async () => {
    const input = sample('info-report-comms-final').input;
    if (input.kind !== 'info-report' || input.data.plan !== 'comms') throw new Error('kind');
    const para = '通信保障应急预案规定较大通信突发事件发生后立即报送信息'.repeat(8);
    const pdf = await pdfOf('grid', {
      kind: 'info-report',
      data: { ...input.data, content: { ...input.data.content, basicSituation: para } },
    });
    const lines = (await words(pdf, 1)).filter((w) => w.text.length >= 20 && /^[\u4e00-\u9fff]+$/.test(w.text));
    // The first line is indented two characters; the full lines after it hold exactly 28.
    const full = lines.filter((w) => Math.abs(w.x0 - 28 * MM) < 1.5 && w.x1 > (28 + 156 - 3) * MM);
    expect(full.length).toBeGreaterThanOrEqual(3);
    for (const w of full) expect(w.text.length).toBe(28);
    const pitch = (full[1]?.y0 ?? 0) - (full[0]?.y0 ?? 0);
    expect(pitch).toBeGreaterThan((225 / 22) * MM - 0.8);
    expect(pitch).toBeLessThan((225 / 22) * MM + 0.8);
  }, 90_000);

  /** Lines of one page as pdftotext -raw reads them, page numbers left out. */
  async function lines(pdf: string, page: number): Promise<string[]> {
    const { stdout } = await run('pdftotext', ['-raw', '-f', String(page), '-l', String(page), pdf, '-']);
    return stdout
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !/^—\s*\d+\s*—$/.test(l) && !/^(演|练|演练)$/.test(l));
  }

  async function allLines(pdf: string): Promise<string[]> {
    const out: string[] = [];
    for (let p = 1, n = await pages(pdf); p <= n; p++) out.push(...(await lines(pdf, p)));
    return out;
  }

  it('never splits phone numbers, dates, times, codes or units across lines', async () => {
    const expectations: Record<string, string[]> = {
      'radiation-initial': [
        '0349-2012345',
        '0349-2012346',
        '2021年9月2日',
        '14时05分',
        '15时00分',
        '0315CS012345',
        '2015年3月18日',
        'DD-2019-0456',
        '1.11E+10',
        '(Bq)',
        '250kV',
        '036000',
      ],
      'radiation-follow-up': ['0349-2023456', '0349-2023457'],
      roster: ['0349-2011001', '0349-2011005', '139****0001', '139****0005', '0349-2011101', '2021年9月8日'],
      handover: ['2021年9月2日'],
    };
    for (const [id, tokens] of Object.entries(expectations)) {
      const ls = await allLines(await samplePdf(id));
      for (const t of tokens)
        expect(
          ls.some((l) => l.replace(/\s+/g, '').includes(t)),
          `${id}: ${t}`,
        ).toBe(true);
    }
    const many = await allLines(await samplePdf('radiation-initial-40-sources'));
    for (let i = 1; i <= 40; i++)
      expect(
        many.some((l) => l.includes(`SRC-${String(i).padStart(3, '0')}`)),
        `SRC-${i}`,
      ).toBe(true);
    // Each of the 40 factory dates is whole on one line.
    expect(many.join('\n').match(/\d{4}年\d{1,2}月15日/g)).toHaveLength(40);
  });

  it('column widths hold every unbreakable token inside its cell', async () => {
    for (const s of sampleForms()) expect(overflowing.get(await samplePdf(s.id)), s.id).toEqual([]);
  }, 180_000);

  it('continuation pages of a table say 续表 and repeat the header; the first page does not', async () => {
    const pdf = await samplePdf('radiation-initial-40-sources');
    const n = await pages(pdf);
    expect(n).toBeGreaterThanOrEqual(2);
    expect(await text(pdf, 1)).not.toContain('续表');
    // Page 2 continues the source table; the rows of the table never start a page without the mark.
    const l2 = await lines(pdf, 2);
    expect(l2[0]).toBe('续表');
    expect(l2.slice(0, 4).join('')).toContain('事故源核素');
    for (let p = 2; p <= n; p++) {
      const ls = await lines(pdf, p);
      if (/^\d+\s*(Cs|Am)-/.test(ls[0] ?? '') || /^序号/.test(ls[0] ?? ''))
        throw new Error(`page ${p} continues a table without 续表`);
    }
    const log = await samplePdf('duty-log-drill');
    const logPage2 = await lines(log, 2);
    expect(logPage2[0]).toBe('续表');
    expect(logPage2[1]?.replace(/\s+/g, '')).toContain('序号时间类别事项内容处理情况经办人');
  });

  it('splits a narrative taller than a page between lines, its row continued under 续表, as planned', async () => {
    const input = sample('radiation-follow-up').input;
    if (input.kind !== 'radiation-follow-up') throw new Error('kind');
    const sentence = '现场检测确认放射源铅罐完好，联系电话0349-2012345，2021年9月2日15时00分复测。';
    const narrative = Array.from({ length: 50 }, (_, i) => `${i + 1}.${sentence}`).join('');
    const pdf = await pdfOf('long-narrative', { kind: 'radiation-follow-up', data: { ...input.data, narrative } });
    const n = await pages(pdf);
    expect(n).toBeGreaterThanOrEqual(2);
    expect(planned.get(pdf)).toBe(n);
    // (pdftotext may read the floated 公章 of the last rows first.)
    for (let p = 2; p <= n; p++)
      expect((await lines(pdf, p)).filter((l) => l !== '(公章)')[0], `page ${p}`).toBe('续表');
    // Every sentence once, whole, in order; the signature rows after it still print.
    const all = (await text(pdf)).replace(/—\d+—/g, '');
    // (A sentence may run on across the page, where the row's label is repeated.)
    expect(all.match(/0349-2012345/g)).toHaveLength(50);
    expect(all.match(/2021年9月2日15时00分/g)).toHaveLength(50);
    const order = Array.from({ length: 50 }, (_, i) => all.indexOf(`${i + 1}.现场检测`));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
    expect(await text(pdf, n)).toContain('事发地生态环境主管部门');
  }, 90_000);

  it('continues running text on the next page between lines, filling the page first, as planned', async () => {
    const input = sample('info-report-comms-final').input;
    if (input.kind !== 'info-report' || input.data.plan !== 'comms') throw new Error('kind');
    const basicSituation = Array.from({ length: 40 }, (_, i) => `第${i + 1}条通信基站退服情况已核实并报送。`).join('');
    const pdf = await pdfOf('long-text', {
      kind: 'info-report',
      data: { ...input.data, content: { ...input.data.content, basicSituation } },
    });
    const n = await pages(pdf);
    expect(n).toBeGreaterThanOrEqual(2);
    expect(planned.get(pdf)).toBe(n);
    // Page 1 is full: its last text line sits at the foot of the text block (22 lines).
    const body = (await words(pdf, 1)).filter((w) => !/^(—|\d+)$/.test(w.text));
    expect(Math.max(...body.map((w) => w.y1))).toBeGreaterThan((37 + 225 - 225 / 22) * MM);
    // The page numbers left out, the text reads on across the page break.
    const all = (await text(pdf)).replace(/—\d+—/g, '');
    for (let i = 1; i <= 40; i++) expect(all, `第${i}条`).toContain(`第${i}条通信基站退服情况已核实并报送`);
  }, 90_000);

  it('running text of short lines split across pages keeps each line as written, none stretched across the block', async () => {
    const input = sample('info-report-comms-final').input;
    if (input.kind !== 'info-report' || input.data.plan !== 'comms') throw new Error('kind');
    // Lines of five characters, each ended by the officer's line break, then a long paragraph that
    // the page's foot breaks between two of its lines.
    const short = Array.from({ length: 12 }, (_, i) => `第${String(i + 1).padStart(2, '0')}行止`).join('\n');
    const basicSituation = `${short}\n${'现场处置情况持续更新。'.repeat(60)}`;
    const pdf = await pdfOf('short-lines', {
      kind: 'info-report',
      data: { ...input.data, content: { ...input.data.content, basicSituation } },
    });
    expect(await pages(pdf)).toBeGreaterThanOrEqual(2);
    // Every line on page 1 stays the width of its five characters (16 pt each), not the block's 156 mm.
    // A stretched line comes out of the PDF as words far apart (第 … 01 … 行 … 止): measured as a whole.
    const lines = (await words(pdf, 1)).filter((w) => /^(第|行|止|\d{2}|第\d{2}行止)$/.test(w.text));
    const rows = new Map<number, { x0: number; x1: number }>();
    for (const w of lines) {
      const y = Math.round(w.y0);
      const r = rows.get(y) ?? { x0: w.x0, x1: w.x1 };
      rows.set(y, { x0: Math.min(r.x0, w.x0), x1: Math.max(r.x1, w.x1) });
    }
    expect(rows.size).toBe(12);
    for (const [y, r] of rows) expect(r.x1 - r.x0, `line at y=${y}`).toBeLessThan(40 * MM);
    // The line the page broke after is still a full line, set to the block's right edge; the pages are as planned.
    const body = (await words(pdf, 1)).filter((w) => !/^(—|\d+)$/.test(w.text));
    const foot = Math.max(...body.map((w) => w.y0));
    const lastLine = body.filter((w) => Math.abs(w.y0 - foot) < 2);
    expect(Math.max(...lastLine.map((w) => w.x1))).toBeGreaterThan((28 + 156) * MM - 3);
    expect(planned.get(pdf)).toBe(await pages(pdf));
    await writeFile('test-output/short-lines-split.pdf', await readFile(pdf));
  }, 90_000);

  /** Lines of the test's running text on one page, top to bottom: where each starts and ends, and its text. */
  async function fieldLines(pdf: string, page: number, field: RegExp) {
    const rows = new Map<number, Array<{ x0: number; x1: number; text: string }>>();
    for (const w of await words(pdf, page)) {
      const y = Math.round(w.y0);
      rows.set(y, [...(rows.get(y) ?? []), w]);
    }
    return [...rows.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, ws]) => {
        const sorted = [...ws].sort((a, b) => a.x0 - b.x0);
        return {
          x0: sorted[0]?.x0 ?? 0,
          x1: Math.max(...ws.map((w) => w.x1)),
          text: sorted.map((w) => w.text).join(''),
        };
      })
      .filter((l) => field.test(l.text));
  }

  /** 事件发展态势及处置情况 (the last section of an environmental report) set to `text`. */
  async function trendPdf(id: string, trendAndHandling: string): Promise<string> {
    const input = sample('info-report-environment-follow-up').input;
    if (input.kind !== 'info-report' || input.data.plan !== 'environment') throw new Error('kind');
    return pdfOf(id, {
      kind: 'info-report',
      data: { ...input.data, content: { ...input.data.content, trendAndHandling } },
    });
  }

  const LEFT = 28 * MM;
  const INDENTED = LEFT + 32; // two characters of 16 pt

  it('indents every paragraph of running text two characters, not the lines it wraps to, on every page', async () => {
    // Paragraphs of four to six lines, each ended by the officer's line break; pages break inside them.
    const paragraphs = Array.from(
      { length: 12 },
      (_, i) => `第${i + 1}段。${'下游断面水质监测持续进行。'.repeat(7 + (i % 3) * 2)}`,
    );
    const pdf = await trendPdf('paragraphs', paragraphs.join('\n'));
    const n = await pages(pdf);
    expect(n).toBeGreaterThanOrEqual(3);
    expect(planned.get(pdf)).toBe(n);
    const field = /^[第段0-9。下游断面水质监测持续进行]+$/;
    const byPage: Array<Awaited<ReturnType<typeof fieldLines>>> = [];
    for (let p = 1; p <= n; p++) byPage.push(await fieldLines(pdf, p, field));
    const starts = (l: { text: string }) => /^第\d+段/.test(l.text);
    // Every paragraph starts on a line of its own, indented; every other line starts at the margin.
    expect(
      byPage
        .flat()
        .filter(starts)
        .map((l) => l.text.replace(/。.*$/, '')),
    ).toEqual(paragraphs.map((_, i) => `第${i + 1}段`));
    byPage.forEach((ls, i) => {
      for (const l of ls)
        expect(Math.abs(l.x0 - (starts(l) ? INDENTED : LEFT)), `page ${i + 1}: ${l.text}`).toBeLessThan(1.5);
    });
    // Where a page breaks a paragraph, its last line there is justified to the right edge and it runs
    // on at the margin on the next page, not indented again.
    let inside = 0;
    for (let p = 1; p < n; p++) {
      const last = byPage[p - 1]?.at(-1);
      const next = byPage[p]?.[0];
      if (!last || !next || starts(next)) continue;
      inside++;
      expect(last.x1, `page ${p}: last line`).toBeGreaterThan((28 + 156) * MM - 3);
    }
    expect(inside).toBeGreaterThanOrEqual(1);
    const read = (await text(pdf)).replace(/—\d+—/g, '');
    for (const para of paragraphs) expect(read).toContain(para);
  }, 90_000);

  it('a paragraph that begins a new page is indented there like any other', async () => {
    // One-line paragraphs: the page can only break between two of them.
    const paragraphs = Array.from({ length: 40 }, (_, i) => `第${i + 1}段水质监测持续进行。`);
    const pdf = await trendPdf('one-line-paragraphs', paragraphs.join('\n'));
    const n = await pages(pdf);
    expect(planned.get(pdf)).toBe(n);
    const field = /^第\d+段水质监测持续进行。$/;
    const byPage: Array<Awaited<ReturnType<typeof fieldLines>>> = [];
    for (let p = 1; p <= n; p++) byPage.push(await fieldLines(pdf, p, field));
    expect(byPage.filter((ls) => ls.length > 0).length).toBeGreaterThanOrEqual(2);
    expect(byPage.flat()).toHaveLength(40);
    byPage.forEach((ls, i) => {
      // Set as written: indented, and the line before a break is not stretched to the right edge.
      for (const l of ls) {
        expect(Math.abs(l.x0 - INDENTED), `page ${i + 1}: ${l.text}`).toBeLessThan(1.5);
        expect(l.x1 - l.x0, `page ${i + 1}: ${l.text}`).toBeLessThan(80 * MM);
      }
    });
  }, 90_000);

  /** 附件4 as the app drafts it for a radiation incident (one source and one device from the facts). */
  function draftedInitial(narrative: string) {
    const draft = draftReport({
      incident: prefillSource({
        title: '朔城区某选煤公司核子秤放射源丢失',
        category: 'radiation',
        places: ['朔城区开发北路选煤车间3号皮带秤'],
        occurredAt: '2021-09-02T06:05:00Z',
        reporterUnit: '山西朔州某某选煤有限公司',
        reporterName: '李堃',
        reporterPhone: '0349-2012345',
        receiveChannel: '电话',
        narrative,
        facts: {
          accidentUnit: '山西朔州某某选煤有限公司',
          sourceEvent: 'lost',
          nuclide: 'Cs-137',
          sourceCode: '0315CS012345',
          activityBq: '9.10E+09',
          deviceName: 'X射线探伤机',
          deviceModel: 'XXG-2505',
          peopleExposed: true,
          exposedCount: 2,
        },
        grading: { level: '一般', response: null },
        levelHistory: ['事件级别 未定级 → 一般（自 2021-09-02 15:30 起，赵珺：核实为IV类源）'],
      }),
      kind: '初报',
      seq: 1,
      station: '朔州市生态环境局',
      now: '2021-09-02T07:00:00Z',
    });
    if (draft.kind !== 'radiation-initial') throw new Error('kind');
    return draft.data;
  }

  it('a typical 辐射事故初始报告表 with three sources and two devices prints on one page, footnote included', async () => {
    const d = draftedInitial(
      '9月2日14时许，该公司检修人员在3号皮带秤检修时发现核子秤放射源铅罐开启、放射源缺失，现场2名检修人员可能受到照射。' +
        '公司已封锁现场，并电话报告朔城区生态环境分局和公安分局。经初步核查，同批次另有2枚备用源存放于公司源库，' +
        '源库门锁完好，台账记录与实物一致；丢失源为IV类源，出厂活度1.11E+10Bq。区生态环境分局已派员到场开展辐射巡测，' +
        '在皮带秤周边及废料堆划定警戒区，公安分局已调取厂区监控并排查当日进出车辆。2名检修人员已送朔州市人民医院进行医学检查。',
    );
    const source = d.sources[0];
    const device = d.devices[0];
    if (!source || !device) throw new Error('the draft names the source and the device from the facts');
    // What the officer adds before sending: the unit's particulars, the other sources and devices.
    const pdf = await pdfOf('initial-typical', {
      kind: 'radiation-initial',
      data: {
        ...d,
        legalRepresentative: '王镕',
        address: '朔州市朔城区开发北路88号',
        postCode: '036000',
        fax: '0349-2012346',
        licenceNumber: '晋环辐证〔F0123〕',
        licenceAuthority: '山西省生态环境厅',
        sources: [
          { ...source, factoryActivityBq: '1.11E+10', factoryDate: '2015-03-18' },
          { ...source, sourceCode: '0315CS012346', factoryActivityBq: '1.11E+10', factoryDate: '2015-03-18' },
          { ...source, sourceCode: '0315CS012347', factoryActivityBq: '1.11E+10', factoryDate: '2015-03-18' },
        ],
        devices: [
          {
            ...device,
            maker: '丹东某某仪器厂',
            serial: 'DD-2019-0456',
            place: '检修车间',
            mainParameters: '5mA / 250kV',
          },
          {
            ...device,
            serial: 'DD-2019-0457',
            maker: '丹东某某仪器厂',
            place: '检修车间',
            mainParameters: '5mA / 250kV',
          },
        ],
        reporter: '王镕',
      },
    });
    expect(await pages(pdf)).toBe(1);
    expect(planned.get(pdf)).toBe(1);
    const all = await text(pdf);
    for (const l of INITIAL_LABELS) expect(all, l).toContain(l);
    expect(all).toContain('级别变化：');
  }, 90_000);

  /** A radiation form with `extra` added to its 事故经过. */
  function longer(form: FormInput, extra: string): FormInput {
    if (form.kind === 'radiation-initial')
      return { kind: form.kind, data: { ...form.data, narrative: form.data.narrative + extra } };
    if (form.kind === 'radiation-follow-up')
      return { kind: form.kind, data: { ...form.data, narrative: form.data.narrative + extra } };
    throw new Error(`no narrative in ${form.kind}`);
  }

  it('the footnote of the radiation forms never starts a page alone', async () => {
    if (!browser) throw new Error('Chromium did not start');
    const b = browser;
    const sentence = '现场检测确认放射源铅罐完好，已报告区生态环境分局。';
    for (const id of ['radiation-initial', 'radiation-follow-up']) {
      // The narrative grows about a line at a time until it no longer fits the first page: on the way,
      // the form ends at every height of the page's foot.
      let narrativeMoved = false;
      for (let k = 0; k <= 60 && !narrativeMoved; k += 2) {
        const html = renderForm(longer(sample(id).input, sentence.repeat(k)), { fontBaseUrl: FONT_BASE_URL });
        const sheets = await withFormPage(b, html, (page) =>
          page.evaluate(() =>
            Array.from(document.querySelectorAll('.page-body')).map((body) => ({
              first: body.firstElementChild?.className ?? '',
              blocks: body.children.length,
              narrative: !!body.querySelector('[data-field="narrative"]'),
            })),
          ),
        );
        for (const [i, sheet] of sheets.entries()) {
          if (i === 0) continue;
          expect(
            sheet.first === 'note' && sheet.blocks === 1,
            `${id} +${k}: page ${i + 1} holds the footnote alone`,
          ).toBe(false);
          narrativeMoved ||= sheet.narrative;
        }
      }
      expect(narrativeMoved, id).toBe(true);
    }
  }, 180_000);

  const HEADING =
    /^([一二三四五六七八九十]+、|其他需要记载的事项$|指挥部$|现场处置组$|成员单位$|工作组$|领导成员$|续表$)/;
  const SIGNATURE = /签字：?$|签字：/;

  it('no page ends with a heading, and no page holds only a heading or a signature', async () => {
    for (const s of sampleForms()) {
      const pdf = await samplePdf(s.id);
      const n = await pages(pdf);
      for (let p = 1; p <= n; p++) {
        const ls = (await lines(pdf, p)).filter((l) => l !== '演练');
        const last = ls[ls.length - 1] ?? '';
        expect(HEADING.test(last.replace(/\s+/g, '')), `${s.id} page ${p} ends with heading ${last}`).toBe(false);
        const rest = ls.filter((l) => !HEADING.test(l.replace(/\s+/g, '')) && !SIGNATURE.test(l));
        expect(rest.length, `${s.id} page ${p} holds only headings or signatures`).toBeGreaterThan(0);
      }
    }
  }, 180_000);

  it('prints GB 18030-2022 rare characters as text from embedded TrueType fonts, emoji as their names', async () => {
    const pdf = await samplePdf('radiation-initial-rare-names');
    for (const f of await fonts(pdf)) expect(f.type, f.name).not.toMatch(/Type 3/);
    const all = await text(pdf);
    for (const ch of Array.from(RARE_CHARACTERS)) expect(all, ch).toContain(ch);
    expect(charactersNotDrawn(await readFile(pdf), RARE_CHARACTERS)).toEqual([]);
    expect(all).toContain('[赞]');
    expect(all).not.toContain('👍');
  });

  /** Grey levels (0 = black) of one page rendered at `dpi`. */
  async function greyPixels(
    pdf: string,
    page: number,
    dpi: number,
  ): Promise<{ width: number; height: number; px: Buffer }> {
    const prefix = join(dir, `px-${page}-${dpi}-${Math.random().toString(36).slice(2)}`);
    await run('pdftoppm', [
      '-gray',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      pdf,
      prefix,
    ]);
    const data = await readFile(`${prefix}.pgm`);
    const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 40).toString('latin1'));
    if (!m) throw new Error('not a PGM');
    return { width: Number(m[1]), height: Number(m[2]), px: data.subarray(m[0].length) };
  }

  it('a drill says 演练 in its title line and carries a watermark of at least 40 % grey on every page', async () => {
    const drill = await samplePdf('duty-log-drill');
    expect((await lines(drill, 1)).some((l) => l.replace(/\s+/g, '') === '值班日志（演练）')).toBe(true);
    const plain = await pdfOf('duty-log-plain', sample('duty-log-drill').input, false);
    expect(await pages(plain)).toBe(await pages(drill));
    for (let p = 1, n = await pages(drill); p <= n; p++) {
      // Pixels white on the plain page and at least 40 % grey (≤ 153 of 255) on the drill's: the watermark.
      const a = await greyPixels(drill, p, 50);
      const b = await greyPixels(plain, p, 50);
      let mark = 0;
      let lighter = 0;
      for (let i = 0; i < a.px.length; i++) {
        if ((b.px[i] ?? 0) < 240) continue;
        const v = a.px[i] ?? 255;
        if (v <= 153) mark++;
        else if (v < 240) lighter++;
      }
      expect(mark, `page ${p}`).toBeGreaterThan(3000);
      // Its fill is solid: only the anti-aliased rim is lighter than 40 % grey.
      expect(lighter, `page ${p}`).toBeLessThan(mark / 2);
    }
  }, 90_000);

  it('puts the page number 7 mm below the text block, odd pages right and even pages left', async () => {
    const pdf = await samplePdf('radiation-initial-40-sources');
    for (const p of [1, 2]) {
      const dpi = 254; // 10 pixels a millimetre
      const { width, height, px } = await greyPixels(pdf, p, dpi);
      // The page number's dashes are the longest horizontal dark runs below the text block.
      let best = { y: 0, len: 0, x0: 0, x1: 0 };
      for (let y = 263 * 10; y < Math.min(height, 285 * 10); y++) {
        let run0 = -1;
        for (let x = 0; x < width; x++) {
          const dark = (px[y * width + x] ?? 255) < 128;
          if (dark && run0 < 0) run0 = x;
          if ((!dark || x === width - 1) && run0 >= 0) {
            if (x - run0 > best.len) best = { y, len: x - run0, x0: run0, x1: x };
            run0 = -1;
          }
        }
      }
      expect(best.y / 10 - 262, `page ${p}: dash below the text block (mm)`).toBeGreaterThan(6.4);
      expect(best.y / 10 - 262, `page ${p}: dash below the text block (mm)`).toBeLessThan(7.6);
      if (p % 2 === 1) expect(best.x0 / 10, 'odd: right').toBeGreaterThan(150);
      else expect(best.x1 / 10, 'even: left').toBeLessThan(60);
    }
  });
});
