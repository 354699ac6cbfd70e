import { describe, expect, it } from 'vitest';
import { renderForm } from '../../../shared/forms/render';
import { sampleForms } from '../../../shared/forms/samples';

/** Issue 18: every printed form carries the record chain's short code, so a paper matches the record. */
describe('the record chain short code on a form', () => {
  const form = sampleForms()[0]!.input;

  it('prints in each page footer opposite the page number (margin boxes), and marks the document for the screen', () => {
    const html = renderForm(form, { fontBaseUrl: './', chainCode: '3F9A-21C7' });
    expect(html).toContain('data-chain-code="3F9A-21C7"');
    expect(html).toContain('@page :right{@bottom-left{content:"核验码 3F9A-21C7"');
    expect(html).toContain('@page :left{@bottom-right{content:"核验码 3F9A-21C7"');
  });

  it('prints nothing for no code or anything that is not one (never into the CSS)', () => {
    for (const chainCode of [undefined, null, '', '3f9a-21c7', '3F9A-21C7"}body{x:"', 'XXXX-XXXX']) {
      const html = renderForm(form, { fontBaseUrl: './', chainCode });
      expect(html).not.toContain('核验码');
      expect(html).not.toContain('data-chain-code');
    }
  });
});
