import { describe, expect, it } from 'vitest';
import { FORM_CATALOGUE, renderForm, sampleForms } from '../../../shared/forms';
import type { FormInput, InfoReport } from '../../../shared/forms';

const opts = { fontBaseUrl: 'https://host/fonts/' };

function sample(id: string): FormInput {
  const s = sampleForms().find((x) => x.id === id);
  if (!s) throw new Error(`no sample ${id}`);
  return s.input;
}

describe('renderForm', () => {
  it('renders every sample as a script-free A4 document', () => {
    for (const s of sampleForms()) {
      const html = renderForm(s.input, { ...opts, drill: s.drill });
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).not.toMatch(/<script|javascript:|on\w+=/i);
      expect(html).toContain('@page{size:A4;margin:37mm 26mm 35mm 28mm}');
      expect(html).toContain('"— " counter(page) " —"');
    }
  });

  it('has one sample per catalogue kind, a 40-row source table and a drill', () => {
    const samples = sampleForms();
    for (const entry of FORM_CATALOGUE)
      expect(
        samples.some((s) => s.input.kind === entry.kind),
        entry.kind,
      ).toBe(true);
    expect(samples.some((s) => s.input.kind === 'radiation-initial' && s.input.data.sources.length === 40)).toBe(true);
    expect(samples.some((s) => s.drill)).toBe(true);
  });

  it('escapes field values', () => {
    const input = sample('radiation-initial');
    if (input.kind !== 'radiation-initial') throw new Error('kind');
    const html = renderForm({ kind: 'radiation-initial', data: { ...input.data, unitName: '<b>X</b>&"' } }, opts);
    expect(html).toContain('&lt;b&gt;X&lt;/b&gt;&amp;&quot;');
    expect(html).not.toContain('<b>X</b>');
  });

  it('marks editable fields with data-field paths, including table rows', () => {
    const html = renderForm(sample('radiation-initial-40-sources'), opts);
    for (const f of [
      'unitName',
      'legalRepresentative',
      'postCode',
      'licenceAuthority',
      'narrative',
      'reporter',
      'reportedAt',
      'accidentType.lost',
      'sources.0.nuclide',
      'sources.39.sourceCode',
      'devices.0.mainParameters',
    ]) {
      expect(html, f).toContain(`data-field="${f}"`);
    }
    expect(html).toContain('<thead>');
  });

  it('ticks the accident type and level boxes from the data', () => {
    const html = renderForm(sample('radiation-follow-up'), opts);
    expect(html).toContain('data-field="accidentType.lost" data-checked="true"');
    expect(html).toContain('data-field="accidentType.stolen" data-checked="false"');
    expect(html).toContain('data-field="level.一般" data-checked="true"');
    expect(html).toContain('data-field="level.重大" data-checked="false"');
  });

  it('prints the watermark only for drills', () => {
    const input = sample('duty-log');
    expect(renderForm(input, { ...opts, drill: true })).toContain('class="watermark"');
    expect(renderForm(input, opts)).not.toContain('class="watermark"');
  });

  it('prints 密级 and 紧急程度 only when set', () => {
    const input = sample('info-report-comms-initial');
    if (input.kind !== 'info-report') throw new Error('kind');
    const marked = renderForm(input, opts);
    expect(marked).toContain('data-field="copyNumber">000012<');
    expect(marked).toContain('data-field="classification">秘密<');
    expect(marked).toContain('data-field="urgency">特急<');
    const plain: InfoReport = { ...input.data, copyNumber: undefined, classification: undefined, urgency: undefined };
    const html = renderForm({ kind: 'info-report', data: plain }, opts);
    expect(html).not.toContain('data-field="copyNumber"');
    expect(html).not.toContain('data-field="classification"');
    expect(html).not.toContain('data-field="urgency"');
  });

  it('accepts only the standard 密级 (绝密、机密、秘密) and a numeric 份号', () => {
    const input = sample('info-report-comms-initial');
    if (input.kind !== 'info-report') throw new Error('kind');
    for (const level of ['绝密', '机密', '秘密'] as const) {
      expect(renderForm({ kind: 'info-report', data: { ...input.data, classification: level } }, opts)).toContain(
        `>${level}<`,
      );
    }
    // a deliberately invalid input for the refusal test
    const bad = { ...input.data, classification: '内部' } as unknown as InfoReport;
    expect(() => renderForm({ kind: 'info-report', data: bad }, opts)).toThrow('密级应为绝密、机密、秘密之一');
    expect(() => renderForm({ kind: 'info-report', data: { ...input.data, copyNumber: '12a' } }, opts)).toThrow('份号');
    expect(renderForm({ kind: 'info-report', data: { ...input.data, copyNumber: '12' } }, opts)).toContain('>000012<');
  });

  it('sets 密级, 紧急程度 and first-level headings in 黑体, page numbers in 4号宋体', () => {
    const html = renderForm(sample('info-report-comms-initial'), opts);
    expect(html).toMatch(/\.marks\{font-family:'黑体', 'SimHei'[^}]*font-size:16pt/);
    expect(html).toMatch(/\.h1\{font-family:'黑体', 'SimHei'/);
    expect(html).toMatch(
      /@bottom-right\{content:"— " counter\(page\) " —";font-family:'宋体', 'SimSun'[^}]*font-size:14pt/,
    );
  });

  it('keeps phone numbers, dates, codes and units in unbreakable spans, and no cell breaks words anywhere', () => {
    const html = renderForm(sample('radiation-initial'), opts);
    for (const t of ['0349-2012345', '2021年9月2日', '14时05分', '0315CS012345', '(Bq)', 'DD-2019-0456', '250kV']) {
      expect(html, t).toContain(`<span class="nb">${t}</span>`);
    }
    expect(html).not.toContain('break-all');
  });

  it('names emoji in brackets instead of printing a box', () => {
    const input = sample('duty-log');
    if (input.kind !== 'duty-log') throw new Error('kind');
    const html = renderForm({ kind: 'duty-log', data: { ...input.data, notes: '已通知👍，天气🌧，其他😺' } }, opts);
    expect(html).toContain('已通知[赞]，天气[下雨]，其他[表情]');
    expect(html).not.toMatch(/\p{Extended_Pictographic}/u);
  });

  it('says 演练 in the title line of a drill', () => {
    const html = renderForm(sample('duty-log'), { ...opts, drill: true });
    expect(html).toContain('<h1 class="title">值班日志<span class="drill-mark">（演练）</span></h1>');
    expect(renderForm(sample('duty-log'), opts)).not.toContain('（演练）');
  });

  it('prints the roster landscape with a 传真 column and its basis once', () => {
    const html = renderForm(sample('roster'), opts);
    expect(html).toContain('size:A4 landscape');
    expect(html).toContain('>传真</th>');
    expect(html).toContain('0349-2011101');
    expect(html).toContain('依据<span data-field="basis">《朔州市辐射事故应急预案》');
    const input = sample('roster');
    if (input.kind !== 'roster') throw new Error('kind');
    const doubled = renderForm(
      { kind: 'roster', data: { ...input.data, basis: '依据《朔州市辐射事故应急预案》' } },
      opts,
    );
    expect(doubled).not.toContain('依据依据');
    expect(doubled).not.toMatch(/依据<span data-field="basis">依据/);
  });

  it('titles 初报, 第N次续报 and 终报', () => {
    expect(renderForm(sample('info-report-comms-initial'), opts)).toContain('（初报）');
    expect(renderForm(sample('info-report-environment-follow-up'), opts)).toContain('（第2次续报）');
    expect(renderForm(sample('info-report-comms-final'), opts)).toContain('（终报）');
  });

  it('rejects a 续报 without its sequence number and unknown kinds', () => {
    const input = sample('info-report-environment-follow-up');
    if (input.kind !== 'info-report') throw new Error('kind');
    expect(() => renderForm({ kind: 'info-report', data: { ...input.data, seq: undefined } }, opts)).toThrow(/seq/);
    // a deliberately invalid input for the refusal test
    expect(() => renderForm({ kind: 'nope' } as unknown as FormInput, opts)).toThrow(/kind/);
  });

  it('names the field of a bad time', () => {
    const input = sample('duty-log');
    if (input.kind !== 'duty-log') throw new Error('kind');
    const bad = { ...input.data, entries: [{ ...input.data.entries[0]!, at: '14:05' }] };
    expect(() => renderForm({ kind: 'duty-log', data: bad }, opts)).toThrow(/第1条记录时间/);
  });

  it('uses supplied @font-face CSS instead of the generated list', () => {
    const html = renderForm(sample('roster'), { ...opts, fontFaceCss: '/*custom*/' });
    expect(html).toContain('/*custom*/');
    expect(html).not.toContain('https://host/fonts/');
  });
});
