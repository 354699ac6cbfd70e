import { NOTO_SERIF_SC_SUBSETS } from './font-subsets';

// Two private families over the bundled Noto Serif SC woff2 subsets. Chromium embeds woff2 as
// named TrueType/CID subsets (system .otf CJK fonts become Type 3), and the subsets cover rare
// name characters (镕 堃 珺 喆 赟) that 仿宋_GB2312 lacks. The title family maps the 700 files onto
// a normal weight so it can sit in one stack after 方正小标宋简体 without faking bold on the latter.
export const BODY_FAMILY = 'Shuozhou Forms Body';
export const TITLE_FAMILY = 'Shuozhou Forms Title';

/**
 * Last resort for characters beyond the bundled subsets (CJK Extensions B–H, rare Ext A names such as
 * 䶮 㵘): Windows' SimSun-ExtB/ExtG, then Hanazono Mincho (Debian fonts-hanazono, SIL OFL 1.1) and
 * BabelStone Han. All are TrueType, so Chromium embeds them as named CID subsets, not Type 3.
 */
export const RARE_FALLBACK = ['SimSun-ExtB', 'SimSun-ExtG', 'HanaMinA', 'HanaMinB', 'BabelStone Han'];

/** Font stack for running text: government 仿宋 fonts by name, then the bundled font, then broad fonts. */
export const BODY_STACK = [
  '仿宋_GB2312',
  'FangSong_GB2312',
  '仿宋',
  'FangSong',
  'STFangsong',
  BODY_FAMILY,
  ...RARE_FALLBACK,
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
  ...RARE_FALLBACK,
  'serif',
]
  .map((f) => (f === 'serif' ? f : `'${f}'`))
  .join(', ');

/**
 * 黑体 for 密级, 紧急程度 and first-level headings (GB/T 9704-2012 7.2.2, 7.2.3, 7.3.3). Where no
 * 黑体 is installed the bundled bold serif stands in: system CJK sans fonts here are CFF (.otf),
 * which Chromium embeds as Type 3.
 */
export const HEI_STACK = ['黑体', 'SimHei', 'Heiti SC', 'STHeiti', TITLE_FAMILY, ...RARE_FALLBACK, 'serif']
  .map((f) => (f === 'serif' ? f : `'${f}'`))
  .join(', ');

/** 宋体 for page numbers (GB/T 9704-2012 7.5: 4号半角宋体阿拉伯数字). */
export const SONG_STACK = ['宋体', 'SimSun', 'STSong', 'Songti SC', BODY_FAMILY, 'serif']
  .map((f) => (f === 'serif' ? f : `'${f}'`))
  .join(', ');

/** @font-face rules for the bundled font, with files under fontBaseUrl (…/@fontsource/noto-serif-sc/files/). */
export function fontFaceCss(fontBaseUrl: string): string {
  if (!fontBaseUrl) throw new Error('fontBaseUrl 不能为空（应指向 @fontsource/noto-serif-sc/files/）');
  if (/["'()\\\s]/.test(fontBaseUrl)) throw new Error(`fontBaseUrl 含有不允许的字符：${fontBaseUrl}`);
  const base = fontBaseUrl.endsWith('/') ? fontBaseUrl : `${fontBaseUrl}/`;
  const rules: string[] = [];
  // Bold running text gets the real bold files: a synthesised bold is embedded as Type 3.
  for (const [family, weight, cssWeight] of [
    [BODY_FAMILY, 400, 400],
    [BODY_FAMILY, 700, 700],
    [TITLE_FAMILY, 700, 400],
  ] as const) {
    for (const [id, range] of NOTO_SERIF_SC_SUBSETS) {
      rules.push(
        `@font-face{font-family:'${family}';font-style:normal;font-weight:${cssWeight};font-display:block;` +
          `src:url(${base}noto-serif-sc-${id}-${weight}-normal.woff2) format('woff2');unicode-range:${range}}`,
      );
    }
  }
  return rules.join('\n');
}

/** Parses an @fontsource CSS file into [subset id, unicode-range] pairs (used to check font-subsets.ts). */
export function parseFontsourceCss(css: string, weight: number): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const re = new RegExp(`noto-serif-sc-([\\w-]+?)-${weight}-normal\\.woff2[^}]*?unicode-range:\\s*([^;]+);`, 'gs');
  for (const m of css.matchAll(re)) {
    out.push([m[1] ?? '', (m[2] ?? '').trim().replace(/\s+/g, '')]);
  }
  return out;
}
