/**
 * DOCX in the style of official documents (GB/T 9704): A4, title in 方正小标宋简体 二号, section
 * headings in 黑体 三号, body in 仿宋_GB2312, page numbers as "— 1 —". Table header rows repeat
 * on every page.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { chineseDate } from '../../shared/time';
import {
  DEFAULT_COLUMN_WIDTH,
  FONTS,
  cellText,
  checkTables,
  displayWidth,
  orientationOf,
  type ExportCell,
  type ExportColumn,
  type ExportTable,
  type ProgressFn,
} from './types';

export interface DocxOptions {
  title: string;
  subtitle?: string;
  orientation?: 'portrait' | 'landscape';
  onProgress?: ProgressFn;
}

// A4 in twips and the GB/T 9704 margins (37/35 mm top/bottom, 28/26 mm left/right).
const A4_W = 11906;
const A4_H = 16838;
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 };

// Sizes in half-points: 二号 22pt, 三号 16pt, 小四 12pt, 五号 10.5pt.
const SIZE = { title: 44, heading: 32, body: 32, table: 24, small: 21 };

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

function run(text: string, face: string, size: number, bold = false): TextRun {
  // Typed as options so `bold` is not read as the deprecated String.prototype.bold of the string overload.
  const options: IRunOptions = { text, font: font(face), size, bold };
  return new TextRun(options);
}

function cell(text: string, width: number, header: boolean, span?: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(span ? { columnSpan: span } : {}),
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: text.split('\n').map((line, i) => {
          // Hyphens in phone numbers, codes and dates never end a line (0349-2012345): word
          // joiners either side (LibreOffice breaks after Word's non-breaking hyphen).
          const options: IRunOptions = {
            text: line.replace(/-/g, '\u2060-\u2060'),
            font: font(FONTS.body),
            size: SIZE.table,
            bold: header,
            break: i > 0 ? 1 : 0,
          };
          return new TextRun(options);
        }),
      }),
    ],
  });
}

/** What a cell shows: ISO dates as official dates (2026年11月29日), the rest as given. */
function shown(col: ExportColumn, value: ExportCell | undefined): string {
  const text = cellText(value);
  return col.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text) ? chineseDate(text) : text;
}

// At 小四 12pt: a CJK character is 240 twips, a digit or letter up to 140 in the CJK fonts, and
// readers add about 60 between CJK and Latin (autospace); a cell's side margins with slack.
const CELL_PAD_TWIPS = 300;

/** Width in twips of one line of text at 12pt. */
function textTwips(text: string): number {
  let w = 0;
  let prevWide: boolean | undefined;
  for (const ch of text) {
    const wide = displayWidth(ch) === 2;
    w += wide ? 240 : 140;
    if (prevWide !== undefined && prevWide !== wide && ch.trim()) w += 60;
    prevWide = wide;
  }
  return w;
}
/** Rows sampled to size the columns. */
const WIDTH_SAMPLE = 300;
/** Runs a line must not break inside: numbers, codes, times, dates. */
const TOKEN = /\d{4}年\d{1,2}月\d{1,2}日|次日\s?\d{1,2}:\d{2}|[A-Za-z0-9][A-Za-z0-9.:+\-/]*/g;

/**
 * Column widths in twips for the content: a date, a time or a short value is never split (its
 * whole width), long text wraps between words but keeps its numbers whole; what is left goes to
 * the columns by their weights.
 */
function columnWidths(table: ExportTable, textWidth: number): number[] {
  const need = table.columns.map((c) => {
    // Headers wrap after four characters at most.
    let w = textTwips(c.header.slice(0, 4));
    for (const row of table.rows.slice(0, WIDTH_SAMPLE)) {
      for (const line of shown(c, row[c.key]).split('\n')) {
        if (c.type === 'date' || c.type === 'time' || displayWidth(line) <= 12) w = Math.max(w, textTwips(line));
        // A token with room for a character either side: readers keep a number with its neighbours.
        else for (const t of line.match(TOKEN) ?? []) w = Math.max(w, textTwips(t) + 480);
      }
    }
    return w + CELL_PAD_TWIPS;
  });
  const weights = table.columns.map((c) => c.width ?? DEFAULT_COLUMN_WIDTH);
  const total = need.reduce((a, b) => a + b, 0);
  // More than the page holds: every column its share of what it needs.
  if (total >= textWidth) return need.map((n) => Math.floor((n / total) * textWidth));
  // Columns whose share by weight is too small get what they need; the rest share what remains.
  const fixed = new Set<number>();
  for (;;) {
    const free = weights.reduce((a, w, i) => (fixed.has(i) ? a : a + w), 0);
    const left = textWidth - need.reduce((a, n, i) => (fixed.has(i) ? a + n : a), 0);
    const short = weights.findIndex((w, i) => !fixed.has(i) && (w / free) * left < (need[i] ?? 0));
    if (short < 0) return weights.map((w, i) => Math.floor(fixed.has(i) ? (need[i] ?? 0) : (w / free) * left));
    fixed.add(short);
  }
}

function tableOf(table: ExportTable, textWidth: number, tick: () => void): Table {
  const widths = columnWidths(table, textWidth);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, i) => cell(c.header, widths[i] ?? 0, true)),
  });
  const rows = table.rows.map((r) => {
    tick();
    return new TableRow({
      cantSplit: true,
      children: table.columns.map((c, i) => cell(shown(c, r[c.key]), widths[i] ?? 0, false)),
    });
  });
  if (rows.length === 0) {
    rows.push(new TableRow({ children: [cell('无', textWidth, false, table.columns.length)] }));
  }
  return new Table({ columnWidths: widths, width: { size: textWidth, type: WidthType.DXA }, rows: [header, ...rows] });
}

/** Writes the tables as one document under a title, each table under its own heading. */
export async function toDocx(tables: readonly ExportTable[], options: DocxOptions): Promise<Buffer> {
  checkTables(tables);
  if (typeof options.title !== 'string' || options.title.trim() === '') throw new Error('title 不能为空');
  // Each table gets the orientation it needs (wide tables landscape), unless one is asked for.
  const orientation = (t: ExportTable) => options.orientation ?? orientationOf(t);
  const widthFor = (landscape: boolean) => (landscape ? A4_H : A4_W) - MARGIN.left - MARGIN.right;
  const total = tables.reduce((n, t) => n + t.rows.length, 0);
  let done = 0;
  const tick = (): void => {
    done++;
    if (done % 500 === 0) options.onProgress?.(done, total);
  };

  // Consecutive tables of one orientation share a section; the title opens the first.
  const groups: { landscape: boolean; children: (Paragraph | Table)[] }[] = [];
  // checkTables has refused an empty list
  const first = tables[0] as ExportTable;
  groups.push({ landscape: orientation(first) === 'landscape', children: [] });
  groups[0]?.children.push(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [run(options.title, FONTS.title, SIZE.title)],
    }),
  );
  if (options.subtitle) {
    groups[0]?.children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 200 },
        children: [run(options.subtitle, FONTS.body, SIZE.body)],
      }),
    );
  }
  for (const t of tables) {
    const landscape = orientation(t) === 'landscape';
    // groups has had one group since before the loop
    let group = groups[groups.length - 1] as (typeof groups)[number];
    if (group.landscape !== landscape) {
      group = { landscape, children: [] };
      groups.push(group);
    }
    // A heading style (黑体 三号, kept with the table) rather than direct formatting, so the
    // document map and a table of contents see it.
    group.children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(t.title, FONTS.heading, SIZE.heading)] }),
    );
    // Overview lines (a day's period, people and counts) one under another, kept with the table.
    for (const line of t.subtitle?.split('\n') ?? [])
      group.children.push(new Paragraph({ keepNext: true, children: [run(line, FONTS.body, SIZE.small)] }));
    group.children.push(tableOf(t, widthFor(landscape), tick));
  }
  // A document that ends on a table loses its last row in some readers: close with a paragraph.
  groups[groups.length - 1]?.children.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 240 },
      children: [run('（以下无正文）', FONTS.body, SIZE.small)],
    }),
  );
  // Page numbers on the outside edge: odd pages right, even pages left (GB/T 9704-2012 7.5).
  const pageNumber = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Footer({
      children: [
        new Paragraph({
          alignment,
          indent: alignment === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: 28 })],
        }),
      ],
    });

  const doc = new Document({
    creator: '朔州应急值班台',
    title: options.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: SIZE.body } },
        heading1: {
          run: { font: font(FONTS.heading), size: SIZE.heading, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        title: { run: { font: font(FONTS.title), size: SIZE.title, color: '000000' } },
      },
    },
    sections: groups.map((g) => ({
      properties: {
        page: {
          // docx swaps width and height itself for landscape.
          size: {
            width: A4_W,
            height: A4_H,
            orientation: g.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: MARGIN,
        },
      },
      footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
      children: g.children,
    })),
  });
  const buffer = await Packer.toBuffer(doc);
  options.onProgress?.(total, total);
  return buffer;
}
