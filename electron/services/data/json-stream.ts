/**
 * A small incremental JSON reader for the whole-database import: bytes go in chunk by chunk, and
 * out come events (object, key, value, end of array …) with the byte offset where each begins. It
 * checks the full JSON grammar (RFC 8259) as it goes, so a file that JSON.parse refuses is refused
 * here too, but it never holds more than the token being read: memory stays bounded whatever the
 * size of the file. Strings decode as JSON.parse decodes them (UTF-8, escapes, \u surrogate pairs,
 * invalid bytes as U+FFFD).
 */

/** What the reader found: a container opening or closing, an object key, a scalar value. */
export type JsonEvent = 'object' | 'endObject' | 'array' | 'endArray' | 'key' | 'value';

/** The next event, or `more` (feed the next chunk, or call end()) or `done` (the value is complete). */
export type JsonStep = JsonEvent | 'more' | 'done';

export type JsonScalar = string | number | boolean | null;

/** Invalid or truncated JSON at a byte offset (from the start of the file). */
export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: 'invalid' | 'truncated' | 'too_long',
    readonly offset: number,
    detail: string,
  ) {
    super(`${detail} at byte ${offset}`);
  }
}

// Grammar states: what may come next.
const S_VALUE = 0; // a value (the first one, after ':' or after ',' in an array)
const S_VALUE_OR_CLOSE = 1; // a value or ']' (just after '[')
const S_KEY_OR_CLOSE = 2; // a key or '}' (just after '{')
const S_KEY = 3; // a key (after ',' in an object)
const S_COLON = 4;
const S_COMMA_OR_CLOSE = 5; // after a value inside a container
const S_DONE = 6; // the top-level value is complete

// Token modes: inside which token the last chunk ended.
const M_NONE = 0;
const M_STRING = 1;
const M_NUMBER = 2;
const M_LITERAL = 3;

const NUMBER_RE = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ESCAPES: Record<number, string> = {
  0x22: '"',
  0x5c: '\\',
  0x2f: '/',
  0x62: '\b',
  0x66: '\f',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
};
const LITERALS: Record<number, [string, JsonScalar]> = {
  0x74: ['true', true],
  0x66: ['false', false],
  0x6e: ['null', null],
};

export interface JsonTokenizerOptions {
  /** Offset of the first byte fed, in the file (for messages and for reading a part again). */
  offset?: number;
  /** Stop after the first complete value and ignore what follows (a part read again from its offset). */
  single?: boolean;
  /** Longest token (a string, a number) in bytes; longer is refused, so one token cannot exhaust memory. */
  maxTokenBytes?: number;
  /** Skip a UTF-8 byte order mark at the start of the first chunk (as the text decoder would). */
  bom?: boolean;
}

export class JsonTokenizer {
  /** The last event's value: the key's name, or the scalar. */
  value: JsonScalar = null;
  /** Byte offset (in the file) where the last event's token begins. */
  offset = 0;

  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  /** File offset of buf[0]. */
  private base: number;
  private ended = false;
  private state = S_VALUE;
  /** Open containers: true for an object, false for an array. */
  private readonly stack: boolean[] = [];
  private readonly single: boolean;
  private readonly maxTokenBytes: number;
  private bom: boolean;

  private mode = M_NONE;
  private tokenStart = 0;
  /** The string read so far (decoded parts), the raw UTF-8 bytes not yet decoded, an escape under way. */
  private parts: string[] = [];
  private raw: Buffer[] = [];
  private escape: string | null = null;
  private text = '';
  private literal: [string, JsonScalar] = ['', null];

  constructor(opts: JsonTokenizerOptions = {}) {
    this.base = opts.offset ?? 0;
    this.single = opts.single ?? false;
    this.maxTokenBytes = opts.maxTokenBytes ?? 64 * 1024 * 1024;
    this.bom = opts.bom ?? false;
  }

  /** The next chunk; call only after next() returned `more`. */
  push(chunk: Buffer): void {
    // `more` is returned only once the chunk is used up; a string's raw bytes were kept already.
    this.base += this.buf.length;
    this.buf = chunk;
    this.pos = 0;
    if (this.bom) {
      this.bom = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) this.pos = 3;
    }
    if (this.mode !== M_NONE && this.base - this.tokenStart > this.maxTokenBytes)
      throw new JsonSyntaxError('too_long', this.tokenStart, 'token too long');
  }

  /** No more input; call only after next() returned `more`. */
  end(): void {
    this.base += this.buf.length;
    this.buf = Buffer.alloc(0);
    this.pos = 0;
    this.ended = true;
  }

  /** File offset of the next unread byte. */
  get position(): number {
    return this.base + this.pos;
  }

  /** Depth of open containers (0 at the top level). */
  get depth(): number {
    return this.stack.length;
  }

  private fail(detail: string, at = this.base + this.pos): never {
    throw new JsonSyntaxError('invalid', at, detail);
  }

  /** Reads on from where it stopped: the next event, `more` when the chunk is used up, `done` at the end. */
  next(): JsonStep {
    const buf = this.buf;
    for (;;) {
      if (this.mode !== M_NONE) {
        const step = this.continueToken();
        if (step !== null) return step;
        continue;
      }
      if (this.state === S_DONE) {
        if (this.single) return 'done';
        while (this.pos < buf.length) {
          const c = buf[this.pos] as number;
          if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) this.fail('text after the end');
          this.pos++;
        }
        return this.ended ? 'done' : 'more';
      }
      if (this.pos >= buf.length) {
        if (this.ended) throw new JsonSyntaxError('truncated', this.base + this.pos, 'unexpected end');
        return 'more';
      }
      const c = buf[this.pos] as number;
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        this.pos++;
        continue;
      }
      this.offset = this.base + this.pos;
      switch (this.state) {
        case S_COLON:
          if (c !== 0x3a) this.fail('expected :');
          this.pos++;
          this.state = S_VALUE;
          continue;
        case S_COMMA_OR_CLOSE: {
          const inObject = this.stack[this.stack.length - 1] as boolean;
          if (c === 0x2c) {
            this.pos++;
            this.state = inObject ? S_KEY : S_VALUE;
            continue;
          }
          if (c === (inObject ? 0x7d : 0x5d)) {
            this.pos++;
            return this.close(inObject);
          }
          return this.fail(inObject ? 'expected , or }' : 'expected , or ]');
        }
        case S_KEY_OR_CLOSE:
        case S_KEY:
          if (c === 0x7d && this.state === S_KEY_OR_CLOSE) {
            this.pos++;
            return this.close(true);
          }
          if (c !== 0x22) this.fail('expected a key');
          this.startString();
          continue;
        default:
          // S_VALUE, S_VALUE_OR_CLOSE
          if (c === 0x5d && this.state === S_VALUE_OR_CLOSE) {
            this.pos++;
            return this.close(false);
          }
          if (c === 0x7b) {
            this.pos++;
            this.stack.push(true);
            this.state = S_KEY_OR_CLOSE;
            return 'object';
          }
          if (c === 0x5b) {
            this.pos++;
            this.stack.push(false);
            this.state = S_VALUE_OR_CLOSE;
            return 'array';
          }
          if (c === 0x22) {
            this.startString();
            continue;
          }
          if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
            this.mode = M_NUMBER;
            this.tokenStart = this.offset;
            this.text = '';
            continue;
          }
          {
            const lit = LITERALS[c];
            if (!lit) this.fail('unexpected character');
            this.mode = M_LITERAL;
            this.tokenStart = this.offset;
            this.literal = lit;
            this.text = '';
            continue;
          }
      }
    }
  }

  private close(object: boolean): JsonStep {
    this.stack.pop();
    this.afterValue();
    return object ? 'endObject' : 'endArray';
  }

  private afterValue(): void {
    this.state = this.stack.length === 0 ? S_DONE : S_COMMA_OR_CLOSE;
  }

  private startString(): void {
    this.mode = M_STRING;
    this.tokenStart = this.offset;
    this.pos++;
    this.parts = [];
    this.raw = [];
    this.escape = null;
  }

  /** Goes on with the token the last chunk ended in: an event, `more`, or null when it needs nothing more. */
  private continueToken(): JsonStep | null {
    if (this.mode === M_STRING) return this.continueString();
    const buf = this.buf;
    if (this.mode === M_LITERAL) {
      const [word, value] = this.literal;
      while (this.pos < buf.length && this.text.length < word.length) {
        const c = buf[this.pos] as number;
        if (c !== word.charCodeAt(this.text.length)) this.fail('unexpected character');
        this.text += String.fromCharCode(c);
        this.pos++;
      }
      if (this.text.length < word.length) {
        if (this.ended) throw new JsonSyntaxError('truncated', this.base + this.pos, 'unexpected end');
        return 'more';
      }
      return this.scalar(value);
    }
    // M_NUMBER: digits, sign, point and exponent; the grammar is checked on the whole text.
    const start = this.pos;
    while (this.pos < buf.length) {
      const c = buf[this.pos] as number;
      if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45) this.pos++;
      else break;
    }
    this.text += buf.toString('latin1', start, this.pos);
    if (this.pos >= buf.length && !this.ended) return 'more';
    if (!NUMBER_RE.test(this.text)) {
      // "-", "1." or "1e" at the very end: a number the file was cut in, not a malformed one.
      if (this.pos >= buf.length && /[-+.eE]$/.test(this.text))
        throw new JsonSyntaxError('truncated', this.base + this.pos, 'unexpected end');
      this.fail('invalid number', this.tokenStart);
    }
    return this.scalar(Number(this.text));
  }

  private scalar(value: JsonScalar): JsonStep {
    this.mode = M_NONE;
    this.offset = this.tokenStart;
    this.value = value;
    this.afterValue();
    return 'value';
  }

  private continueString(): JsonStep | null {
    const buf = this.buf;
    for (;;) {
      if (this.escape !== null) {
        // An escape under way: "\" and what follows it, perhaps across chunks.
        while (this.pos < buf.length) {
          const c = buf[this.pos] as number;
          if (this.escape === '') {
            this.pos++;
            if (c === 0x75) {
              this.escape = 'u';
              continue;
            }
            const ch = ESCAPES[c];
            if (ch === undefined) this.fail('invalid escape', this.base + this.pos - 1);
            this.parts.push(ch);
            this.escape = null;
            break;
          }
          // \uXXXX: four hex digits, one UTF-16 code unit (a surrogate pair is two escapes, joined as JS strings join).
          const hex = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
          if (!hex) this.fail('invalid \\u escape');
          this.pos++;
          this.escape += String.fromCharCode(c);
          if (this.escape.length === 5) {
            this.parts.push(String.fromCharCode(parseInt(this.escape.slice(1), 16)));
            this.escape = null;
            break;
          }
        }
        if (this.escape !== null) {
          if (this.ended) throw new JsonSyntaxError('truncated', this.base + this.pos, 'unexpected end');
          return 'more';
        }
      }
      const start = this.pos;
      while (this.pos < buf.length) {
        const c = buf[this.pos] as number;
        if (c === 0x22 || c === 0x5c) break;
        if (c < 0x20) this.fail('control character in a string');
        this.pos++;
      }
      if (this.pos >= buf.length) {
        // The chunk ends inside the string: its raw bytes are kept until the string ends.
        if (this.ended) throw new JsonSyntaxError('truncated', this.base + buf.length, 'unexpected end');
        if (this.pos > start) this.raw.push(buf.subarray(start));
        return 'more';
      }
      if (this.pos > start) this.raw.push(buf.subarray(start, this.pos));
      this.flushRaw();
      const c = buf[this.pos] as number;
      this.pos++;
      if (c === 0x5c) {
        this.escape = '';
        continue;
      }
      // The closing quote.
      const text = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
      this.parts = [];
      this.mode = M_NONE;
      this.offset = this.tokenStart;
      this.value = text;
      if (this.state === S_KEY || this.state === S_KEY_OR_CLOSE) {
        this.state = S_COLON;
        return 'key';
      }
      this.afterValue();
      return 'value';
    }
  }

  /** Decodes the raw bytes gathered so far (a UTF-8 sequence may have been split across chunks). */
  private flushRaw(): void {
    if (this.raw.length === 1) this.parts.push((this.raw[0] as Buffer).toString('utf8'));
    else if (this.raw.length > 1) this.parts.push(Buffer.concat(this.raw).toString('utf8'));
    this.raw = [];
  }
}
