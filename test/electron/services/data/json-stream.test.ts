import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JsonSyntaxError,
  JsonTokenizer,
  type JsonEvent,
  type JsonTokenizerOptions,
} from '../../../../electron/services/data/json-stream';

/** Feeds `bytes` in chunks of `size` (the last one shorter) and records every event with its offset. */
function events(
  bytes: Buffer,
  size: number,
  opts: JsonTokenizerOptions = {},
): { kind: JsonEvent; value: unknown; offset: number }[] {
  const tok = new JsonTokenizer(opts);
  const out: { kind: JsonEvent; value: unknown; offset: number }[] = [];
  let at = 0;
  for (;;) {
    const step = tok.next();
    if (step === 'done') return out;
    if (step === 'more') {
      if (at >= bytes.length) tok.end();
      else tok.push(bytes.subarray(at, (at += size)));
      continue;
    }
    out.push({ kind: step, value: step === 'key' || step === 'value' ? tok.value : undefined, offset: tok.offset });
  }
}

/** The value the events describe, built as JSON.parse builds it. */
function build(bytes: Buffer, size: number, opts: JsonTokenizerOptions = {}): unknown {
  const stack: unknown[] = [];
  let key = '';
  let root: unknown;
  const put = (v: unknown): void => {
    const top = stack[stack.length - 1];
    if (stack.length === 0) root = v;
    else if (Array.isArray(top)) top.push(v);
    else Object.defineProperty(top, key, { value: v, enumerable: true, writable: true, configurable: true });
  };
  for (const e of events(bytes, size, opts)) {
    if (e.kind === 'key') key = e.value as string;
    else if (e.kind === 'value') put(e.value);
    else if (e.kind === 'object' || e.kind === 'array') {
      const v = e.kind === 'object' ? {} : [];
      put(v);
      stack.push(v);
    } else stack.pop();
  }
  return root;
}

const SIZES = [1, 2, 3, 5, 7, 64, 1 << 20];

/** The same value as JSON.parse, whatever the chunk size: chunk boundaries fall everywhere, in strings and escapes too. */
function expectSameAsJsonParse(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  const expected: unknown = JSON.parse(text);
  for (const size of SIZES) expect(build(bytes, size), `chunks of ${size}: ${text.slice(0, 80)}`).toEqual(expected);
}

function refusal(text: string | Buffer, size: number): JsonSyntaxError {
  try {
    build(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, size);
  } catch (err) {
    if (err instanceof JsonSyntaxError) return err;
    throw err;
  }
  throw new Error(`accepted: ${String(text)}`);
}

describe('the import’s incremental JSON reader', () => {
  it('decodes escapes, \\u code units and surrogate pairs, raw CJK and characters beyond the BMP as JSON.parse does', () => {
    for (const text of [
      String.raw`"a\"b\\c\/d\b\f\n\r\t"`,
      String.raw`"\u0041\u4e2d\u6587\u00e9"`,
      String.raw`"\ud83d\ude00 and \uD842\uDFB7"`,
      // A lone surrogate is kept as a lone code unit, as JSON.parse keeps it.
      String.raw`["\ud800x", "\udc00"]`,
      '"朔州市应急管理局 𠮷 𫖯 😀"',
      '{"桑干河":"应县、怀仁市","":""}',
      String.raw`"\\u0041 is not an escape here"`,
      '""',
    ])
      expectSameAsJsonParse(text);
  });

  it('reads numbers of every JSON form', () => {
    expectSameAsJsonParse(
      '[0, -0, 7, -12, 1.5, -1.25e-3, 1E+10, 2e5, 0.000001, 123456789012345678901234567890, 5e-324, 1.7976931348623157e308]',
    );
    expectSameAsJsonParse('42');
    expectSameAsJsonParse('-3.5e-2');
  });

  it('reads nested objects and arrays, empty ones, true, false and null, pretty-printed or not', () => {
    const settings = {
      stationName: '朔州市人民政府总值班室',
      backupKeep: 7,
      nested: { a: [1, { b: null, c: [true, false] }, []], d: {} },
      list: [[[]], [{}]],
    };
    expectSameAsJsonParse(JSON.stringify(settings));
    expectSameAsJsonParse(JSON.stringify(settings, null, 2));
    expectSameAsJsonParse(JSON.stringify(settings, null, '\t').replace(/\n/g, '\r\n'));
    expectSameAsJsonParse(' \n\t\r {} \n');
    expectSameAsJsonParse('[[],{},[{}],{"a":[]}]');
  });

  it('keeps "__proto__" as an own key, never as the prototype', () => {
    const v = build(Buffer.from('{"__proto__":{"polluted":1},"a":2}'), 3) as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('any JSON value, laid out in any way and cut into chunks anywhere, reads back as JSON.parse reads it', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom(undefined, 0, 1, 2, '\t', ' \r\n'),
        fc.integer({ min: 1, max: 40 }),
        (value, indent, size) => {
          const text = JSON.stringify(value, null, indent);
          expect(build(Buffer.from(text, 'utf8'), size)).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses everything JSON.parse refuses, in every chunk size', () => {
    const bad = [
      '{oops',
      'not json',
      '[1,]',
      '{"a":1,}',
      '{"a" 1}',
      '{"a":1 "b":2}',
      '{1:2}',
      "{'a':1}",
      '[01]',
      '[1.]',
      '[.5]',
      '[-]',
      '[+1]',
      '[1e]',
      '[1e+]',
      '[--1]',
      '[1 2]',
      '["a\u0001b"]',
      '["tab\there"]',
      String.raw`["\x41"]`,
      String.raw`["\u12G4"]`,
      String.raw`["\u12"]`,
      '[tru]',
      '[nul]',
      '[True]',
      '[true false]',
      '[nulll]',
      '{} {}',
      '{"a":1}}',
      '[1]]',
      '}',
      ']',
      ',',
      ':',
    ];
    for (const text of bad) {
      expect(() => JSON.parse(text) as unknown, text).toThrow();
      for (const size of SIZES) expect(refusal(text, size).reason, `${text} in chunks of ${size}`).toBe('invalid');
    }
  });

  it('says a file cut short is truncated, wherever it ends: in a key, a string, an escape, a number, a literal', () => {
    const text = JSON.stringify(
      {
        format: 'x',
        settings: { a: [1, -2.5e3, true, null] },
        tables: {
          t: {
            rows: [
              ['引号"\\\n', '😀'],
              [1, false],
            ],
          },
        },
      },
      null,
      2,
    );
    const bytes = Buffer.from(text, 'utf8');
    for (let end = 0; end < bytes.length; end++) {
      for (const size of [1, 4, 1 << 20]) {
        const err = refusal(bytes.subarray(0, end), size);
        expect(err.reason, `cut at ${end} in chunks of ${size}`).toBe('truncated');
        expect(err.offset).toBeLessThanOrEqual(end);
      }
    }
    expect(build(bytes, 4)).toEqual(JSON.parse(text));
  });

  it('gives each event the byte offset where its token begins, counted in UTF-8 bytes', () => {
    const text = '{"名": [1, "x"], "b": {}}';
    const bytes = Buffer.from(text, 'utf8');
    const found = events(bytes, 2).map((e) => [e.kind, e.offset]);
    const at = (s: string): number => Buffer.byteLength(text.slice(0, text.indexOf(s)));
    expect(found).toEqual([
      ['object', 0],
      ['key', at('"名"')],
      ['array', at('[')],
      ['value', at('1')],
      ['value', at('"x"')],
      ['endArray', at(']')],
      ['key', at('"b"')],
      ['object', at('{}')],
      ['endObject', at('{}') + 1],
      ['endObject', bytes.length - 1],
    ]);
  });

  it('reads one value from an offset and stops there (a part of the file read again)', () => {
    const text = '{"a": {"columns": ["x"], "rows": [[1]]}, "b": 2}';
    const at = Buffer.byteLength(text.slice(0, text.indexOf('{"columns"')));
    const tail = Buffer.from(text, 'utf8').subarray(at);
    for (const size of [1, 3, 100]) {
      const found = events(tail, size, { offset: at, single: true });
      expect(found[0]).toEqual({ kind: 'object', value: undefined, offset: at });
      expect(found.at(-1)?.kind).toBe('endObject');
      expect(build(tail, size, { offset: at, single: true })).toEqual({ columns: ['x'], rows: [[1]] });
    }
  });

  it('skips a byte order mark at the start when asked, and refuses a string longer than the limit', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":"朔州"}')]);
    expect(build(withBom, 1 << 20, { bom: true })).toEqual({ a: '朔州' });
    expect(events(withBom, 1 << 20, { bom: true })[0]?.offset).toBe(3);
    const long = Buffer.from(`["${'x'.repeat(5000)}"]`);
    for (const size of [7, 1000]) {
      const err = (() => {
        try {
          build(long, size, { maxTokenBytes: 1000 });
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(err).toBeInstanceOf(JsonSyntaxError);
      expect((err as JsonSyntaxError).reason).toBe('too_long');
      expect((err as JsonSyntaxError).offset).toBe(1);
    }
  });
});
