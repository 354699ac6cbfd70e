import { NOTO_SERIF_SC_SUBSETS } from './font-subsets';

// Two private families over the bundled Noto Serif SC woff2 subsets. Chromium embeds woff2 as
// named TrueType/CID subsets (system .otf CJK fonts become Type 3), and the subsets cover rare
// name characters (镕 堃 珺 喆 赟) that 仿宋_GB2312 lacks. The title family maps the 700 files onto
// a normal weight so it can sit in one stack after 方正小标宋简体 without faking bold on the latter.
export const BODY_FAMILY = 'Shuozhou Forms Body';
export const TITLE_FAMILY = 'Shuozhou Forms Title';

/** Font stack for running text: government 仿宋 fonts by name, then the bundled font, then broad fonts. */
export const BODY_STACK = [
  '仿宋_GB2312',
  'FangSong_GB2312',
  '仿宋',
  'FangSong',
  'STFangsong',
  BODY_FAMILY,
  'Noto Serif CJK SC',
  'Noto Sans CJK SC',
  'serif',
]
  .map((f) => (f === 'serif' ? f : `'${f}'`))
  .join(', ');

/** Font stack for titles: 方正小标宋简体 by name, then the bundled bold serif, then broad fonts. */
export const TITLE_STACK = [
  '方正小标宋简体',
  '方正小标宋_GBK',
  'FZXiaoBiaoSong-B05S',
  TITLE_FAMILY,
  'Noto Serif CJK SC',
  'Noto Sans CJK SC',
  'serif',
]
  .map((f) => (f === 'serif' ? f : `'${f}'`))
  .join(', ');

/** @font-face rules for the bundled font, with files under fontBaseUrl (…/@fontsource/noto-serif-sc/files/). */
export function fontFaceCss(fontBaseUrl: string): string {
  if (!fontBaseUrl) throw new Error('fontBaseUrl 不能为空（应指向 @fontsource/noto-serif-sc/files/）');
  if (/["'()\\\s]/.test(fontBaseUrl)) throw new Error(`fontBaseUrl 含有不允许的字符：${fontBaseUrl}`);
  const base = fontBaseUrl.endsWith('/') ? fontBaseUrl : `${fontBaseUrl}/`;
  const rules: string[] = [];
  for (const [family, weight] of [
    [BODY_FAMILY, 400],
    [TITLE_FAMILY, 700],
  ] as const) {
    for (const [id, range] of NOTO_SERIF_SC_SUBSETS) {
      rules.push(
        `@font-face{font-family:'${family}';font-style:normal;font-weight:400;font-display:block;` +
          `src:url(${base}noto-serif-sc-${id}-${weight}-normal.woff2) format('woff2');unicode-range:${range}}`,
      );
    }
  }
  return rules.join('\n');
}

/** Parses an @fontsource CSS file into [subset id, unicode-range] pairs (used to check font-subsets.ts). */
export function parseFontsourceCss(css: string, weight: number): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const re = new RegExp(
    `noto-serif-sc-([\\w-]+?)-${weight}-normal\\.woff2[^}]*?unicode-range:\\s*([^;]+);`,
    'gs',
  );
  for (const m of css.matchAll(re)) {
    out.push([m[1] ?? '', (m[2] ?? '').trim().replace(/\s+/g, '')]);
  }
  return out;
}
