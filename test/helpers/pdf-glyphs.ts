// Reads which characters each embedded font of a PDF actually draws: the font's ToUnicode CMap
// maps the glyph ids used in the page content to characters. Glyph id 0 is .notdef (the box a
// font draws for a character it lacks), so a character printed as text maps from a glyph id > 0.
// Enough of PDF for Chromium/Skia output (plain objects, Flate streams); not a general parser.
import { inflateSync } from 'node:zlib';

export interface PdfFontGlyphs {
  /** BaseFont without the subset prefix, e.g. HanaMinA. */
  name: string;
  subtype: string;
  /** character → glyph ids that draw it */
  glyphs: Map<string, number[]>;
}

function objects(pdf: Buffer): Map<number, { dict: string; stream?: Buffer }> {
  const text = pdf.toString('latin1');
  const out = new Map<number, { dict: string; stream?: Buffer }>();
  const re = /(\d+) 0 obj\s*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const id = Number(m[1]);
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const s = /stream\r?\n/.exec(body);
    if (!s) {
      out.set(id, { dict: body });
      continue;
    }
    const dict = body.slice(0, s.index);
    const from = start + s.index + s[0].length;
    const len = /\/Length (\d+)(?! 0 R)/.exec(dict);
    const to = len ? from + Number(len[1]) : start + body.lastIndexOf('endstream');
    let data = pdf.subarray(from, to);
    if (/\/FlateDecode/.test(dict)) {
      try {
        data = inflateSync(data);
      } catch {
        // Not every stream is needed; a font program we cannot inflate is skipped.
      }
    }
    out.set(id, { dict, stream: data });
    re.lastIndex = end;
  }
  return out;
}

function utf16(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

/** Parses bfchar and bfrange sections of a ToUnicode CMap. */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const sec of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (sec[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(parseInt(m[1] ?? '0', 16), utf16(m[2] ?? ''));
    }
  }
  for (const sec of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (sec[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1] ?? '0', 16);
      const hi = parseInt(m[2] ?? '0', 16);
      const dst = m[3] ?? '';
      if (dst.startsWith('[')) {
        const list = [...dst.matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => utf16(x[1] ?? ''));
        list.forEach((ch, i) => map.set(lo + i, ch));
      } else {
        const first = utf16(dst.slice(1, -1));
        const cp = first.codePointAt(0) ?? 0;
        for (let g = lo; g <= hi; g++) map.set(g, String.fromCodePoint(cp + (g - lo)));
      }
    }
  }
  return map;
}

/** Every font of the PDF with the characters its glyphs draw. */
export function pdfFontGlyphs(pdf: Buffer): PdfFontGlyphs[] {
  const objs = objects(pdf);
  const fonts: PdfFontGlyphs[] = [];
  for (const { dict } of objs.values()) {
    if (!/\/Type\s*\/Font\b/.test(dict)) continue;
    const sub = /\/Subtype\s*\/(\w+)/.exec(dict)?.[1] ?? '';
    if (sub === 'CIDFontType2' || sub === 'CIDFontType0') continue; // descendants, read through their Type0
    const name = (/\/BaseFont\s*\/([^\s/<>[\]]+)/.exec(dict)?.[1] ?? '').replace(/^[A-Z]{6}\+/, '');
    let subtype = sub;
    const desc = /\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(dict);
    if (desc) subtype = /\/Subtype\s*\/(\w+)/.exec(objs.get(Number(desc[1]))?.dict ?? '')?.[1] ?? sub;
    const tu = /\/ToUnicode\s+(\d+) 0 R/.exec(dict);
    const glyphs = new Map<string, number[]>();
    const stream = tu ? objs.get(Number(tu[1]))?.stream : undefined;
    if (stream) {
      for (const [gid, ch] of parseToUnicode(stream.toString('latin1'))) {
        const list = glyphs.get(ch) ?? [];
        list.push(gid);
        glyphs.set(ch, list);
      }
    }
    fonts.push({ name, subtype, glyphs });
  }
  return fonts;
}

/** Characters of `text` that no font draws with a real glyph (id > 0), or only a Type 3 font does. */
export function charactersNotDrawn(pdf: Buffer, text: string): string[] {
  const fonts = pdfFontGlyphs(pdf).filter((f) => f.subtype !== 'Type3');
  const missing: string[] = [];
  for (const ch of new Set(Array.from(text.replace(/\s+/g, '')))) {
    const ok = fonts.some((f) => (f.glyphs.get(ch) ?? []).some((gid) => gid > 0));
    if (!ok) missing.push(ch);
  }
  return missing;
}
