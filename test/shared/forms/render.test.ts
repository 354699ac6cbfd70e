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
    for (const entry of FORM_CATALOGUE) expect(samples.some((s) => s.input.kind === entry.kind), entry.kind).toBe(true);
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
    for (const f of ['unitName', 'legalRepresentative', 'postCode', 'licenceAuthority', 'narrative', 'reporter', 'reportedAt', 'accidentType.lost', 'sources.0.nuclide', 'sources.39.sourceCode', 'devices.0.mainParameters']) {
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
    expect(marked).toContain('data-field="classification">内部<');
    expect(marked).toContain('data-field="urgency">特急<');
    const plain: InfoReport = { ...input.data, classification: undefined, urgency: undefined };
    const html = renderForm({ kind: 'info-report', data: plain }, opts);
    expect(html).not.toContain('data-field="classification"');
    expect(html).not.toContain('data-field="urgency"');
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
