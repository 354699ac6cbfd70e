import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BODY_STACK, TITLE_STACK, fontFaceCss, parseFontsourceCss } from '../../../shared/forms/font-faces';
import { NOTO_SERIF_SC_SUBSETS } from '../../../shared/forms/font-subsets';

const pkgDir = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-serif-sc/package.json'));

describe('bundled font subsets', () => {
  it('match the installed @fontsource/noto-serif-sc for both weights', () => {
    for (const weight of [400, 700]) {
      const css = readFileSync(join(pkgDir, `${weight}.css`), 'utf8');
      expect(parseFontsourceCss(css, weight)).toEqual(NOTO_SERIF_SC_SUBSETS.map(([id, r]) => [id, r]));
    }
  });

  it('reference files that exist', () => {
    const css = fontFaceCss('https://host/fonts/');
    const files = [...css.matchAll(/url\(https:\/\/host\/fonts\/([^)]+)\)/g)].map((m) => m[1] ?? '');
    expect(files).toHaveLength(NOTO_SERIF_SC_SUBSETS.length * 3);
    for (const f of files) expect(() => readFileSync(join(pkgDir, 'files', f))).not.toThrow();
  });

  it('cover the rare name characters', () => {
    const covered = (ch: string) => {
      const cp = ch.codePointAt(0) ?? 0;
      return NOTO_SERIF_SC_SUBSETS.some(([, range]) =>
        range.split(',').some((part) => {
          const [lo, hi] = part.replace(/^U\+/i, '').split('-');
          return cp >= parseInt(lo ?? '', 16) && cp <= parseInt(hi ?? lo ?? '', 16);
        }),
      );
    };
    for (const ch of '镕堃珺喆赟〔〕—') expect(covered(ch), ch).toBe(true);
  });

  it('rejects a base URL that would break out of url()', () => {
    expect(() => fontFaceCss('')).toThrow(/fontBaseUrl/);
    expect(() => fontFaceCss('https://x/a)b/')).toThrow(/fontBaseUrl/);
  });

  it('names the government fonts first and ends with a broad font', () => {
    expect(BODY_STACK.indexOf('仿宋_GB2312')).toBeLessThan(BODY_STACK.indexOf('Shuozhou Forms Body'));
    expect(TITLE_STACK.indexOf('方正小标宋简体')).toBeLessThan(TITLE_STACK.indexOf('Shuozhou Forms Title'));
    expect(BODY_STACK.endsWith('serif')).toBe(true);
    expect(TITLE_STACK.endsWith('serif')).toBe(true);
  });
});
