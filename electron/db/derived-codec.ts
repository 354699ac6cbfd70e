/**
 * The stored form of a derivation (incident_derived.grading and .clocks): what the rules derived,
 * written compactly and read back exactly, key for key and in the same order.
 *
 * A ten-year history stores about 100,000 derivations of eight or so clocks each, and the board
 * decodes 300 of them on every change. As plain JSON each clock repeats its 23 key names, the
 * incident's id twice, its plan's citation and the same units, levels and times as its siblings,
 * about 4 KB per incident, half the database. Here each object is an array of its values in a
 * fixed key order (a bitmask says which keys are present); every text is written once per column
 * and referred to by its index; and a value the rules always compose from others is left out when
 * it equals that composition (a clock's key is `${incidentId}:${obligationKey}`, its citation
 * `依据《plan》clause`, its record's clock id the obligation key, its closure's time the record's):
 * encoding checks each such equality, so a value that differs is simply written out.
 *
 * Anything the shapes below do not describe (a field added to the types, a value of another kind)
 * makes that column fall back to plain JSON: exact either way, only larger. A change to this form
 * must raise DERIVED_VERSION (services/incidents/derived.ts), so nothing stored in an older form is
 * read as this one.
 */
import type { IncidentClock, IncidentGrading } from '../../shared/domain/incident-view';

/** What a derived value is composed of, besides its own object: the incident and its plan. */
interface Context {
  incidentId: number;
  planName: string | null;
}

type Obj = Record<string, unknown>;

/** str: a text (or null), written as an index into the column's texts. raw: a number, boolean or null. */
type Kind = 'str' | 'raw' | Shape | { list: Shape };

interface Field {
  key: string;
  kind: Kind;
  /** The value the rules compose here, from the object itself, its parent and the context. */
  composed?: (o: Obj, parent: Obj | null, ctx: Context) => unknown;
  /** The composition reads the parent, which is complete only after this object is read. */
  fromParent?: true;
}

type Shape = readonly Field[];

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

const RECORD: Shape = [
  { key: 'clockId', kind: 'str', composed: (_o, parent) => parent?.obligationKey, fromParent: true },
  { key: 'completedAt', kind: 'str' },
  { key: 'channel', kind: 'str' },
  { key: 'recipientUnit', kind: 'str' },
  { key: 'recipientName', kind: 'str' },
  { key: 'notApplicableReason', kind: 'str' },
  { key: 'officer', kind: 'str' },
  { key: 'recordedAt', kind: 'str' },
];

const OWNER: Shape = [
  { key: 'kind', kind: 'str' },
  { key: 'unit', kind: 'str' },
];

const CLOSURE: Shape = [
  { key: 'kind', kind: 'str' },
  {
    key: 'at',
    kind: 'str',
    composed: (_o, parent) => {
      const record = parent?.record as Obj | null | undefined;
      return record ? (str(record.completedAt) ?? str(record.recordedAt)) : undefined;
    },
    fromParent: true,
  },
  { key: 'reason', kind: 'str' },
  { key: 'lateMs', kind: 'raw' },
];

/** IncidentClock, in the order shared/incidents/derive.ts writes its keys. */
const CLOCK: Shape = [
  { key: 'key', kind: 'str', composed: (o, _p, ctx) => `${ctx.incidentId}:${str(o.obligationKey) ?? ''}` },
  { key: 'incidentId', kind: 'raw', composed: (_o, _p, ctx) => ctx.incidentId },
  { key: 'clockId', kind: 'str' },
  { key: 'title', kind: 'str' },
  { key: 'from', kind: 'str' },
  { key: 'to', kind: 'str' },
  { key: 'minutes', kind: 'raw' },
  { key: 'startsAt', kind: 'str' },
  { key: 'dueAt', kind: 'str' },
  { key: 'clause', kind: 'str' },
  {
    key: 'citation',
    kind: 'str',
    composed: (o, _p, ctx) => (ctx.planName === null ? undefined : `依据《${ctx.planName}》${str(o.clause) ?? ''}`),
  },
  { key: 'channel', kind: 'str' },
  { key: 'optional', kind: 'raw' },
  { key: 'record', kind: RECORD },
  { key: 'obligationKey', kind: 'str' },
  { key: 'levelLabel', kind: 'str' },
  { key: 'owner', kind: OWNER },
  { key: 'window', kind: 'str' },
  { key: 'immediate', kind: 'raw' },
  { key: 'closure', kind: CLOSURE },
  { key: 'anchorNote', kind: 'str' },
  { key: 'source', kind: 'str' },
  { key: 'phonedAt', kind: 'str' },
];

/** IncidentGrading, in the order shared/incidents/derive.ts gradingOf writes its keys. */
const GRADING: Shape = [
  { key: 'gradedLevel', kind: 'str' },
  { key: 'gradedResponse', kind: 'str' },
  { key: 'level', kind: 'str' },
  { key: 'response', kind: 'str' },
  {
    key: 'reasons',
    kind: {
      list: [
        { key: 'level', kind: 'str' },
        { key: 'clause', kind: 'str' },
        { key: 'text', kind: 'str' },
      ],
    },
  },
  {
    key: 'responseReasons',
    kind: {
      list: [
        { key: 'response', kind: 'str' },
        { key: 'clause', kind: 'str' },
        { key: 'text', kind: 'str' },
      ],
    },
  },
  {
    key: 'notices',
    kind: {
      list: [
        { key: 'clause', kind: 'str' },
        { key: 'text', kind: 'str' },
      ],
    },
  },
  { key: 'planName', kind: 'str' },
  { key: 'planDocument', kind: 'str' },
];

/** Marks the compact form: plain JSON of a grading is an object, of clocks an array of objects. */
const FORM = 3;

/** Thrown inside encoding when a value is not what the shapes describe (the column is then plain JSON). */
class Unencodable extends Error {}

class Texts {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  ref(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function encodeObj(o: Obj, shape: Shape, parent: Obj | null, ctx: Context, texts: Texts): unknown[] {
  let present = 0;
  let composed = 0;
  const values: unknown[] = [];
  let at = 0;
  for (const key of Object.keys(o)) {
    // Keys in the shape's order only: anything else could not be read back in its place.
    while (at < shape.length && shape[at]?.key !== key) at++;
    const field = shape[at];
    if (!field) throw new Unencodable(key);
    const v = o[key];
    if (v === undefined) throw new Unencodable(key);
    present |= 1 << at;
    if (field.composed && field.composed(o, parent, ctx) === v) composed |= 1 << at;
    else values.push(encodeValue(v, field.kind, o, ctx, texts));
    at++;
  }
  return [present, composed, ...values];
}

function encodeValue(v: unknown, kind: Kind, self: Obj, ctx: Context, texts: Texts): unknown {
  if (kind === 'str') {
    if (v === null) return null;
    if (typeof v === 'string') return texts.ref(v);
    throw new Unencodable(typeof v);
  }
  if (kind === 'raw') {
    if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
    throw new Unencodable(typeof v);
  }
  if (v === null) return null;
  if ('list' in kind) {
    if (!Array.isArray(v)) throw new Unencodable('list');
    return v.map((item: unknown) => {
      if (!isObj(item)) throw new Unencodable('item');
      return encodeObj(item, kind.list, self, ctx, texts);
    });
  }
  if (!isObj(v)) throw new Unencodable('object');
  return encodeObj(v, kind, self, ctx, texts);
}

/**
 * Composed values refer to later keys, so they are filled in once their object is read; those
 * that read the parent (`fromParent`), once the parent is read: the parent runs these.
 */
type Pending = (() => void)[];

function decodeObj(
  enc: unknown,
  shape: Shape,
  parent: Obj | null,
  ctx: Context,
  texts: readonly string[],
  pending: Pending,
): Obj {
  // the stored array was written by encodeObj: [present, composed, ...values]
  const [present, composed] = enc as [number, number];
  const values = enc as unknown[];
  const o: Obj = {};
  const children: Pending = [];
  let next = 2;
  for (let at = 0; at < shape.length; at++) {
    const bit = 1 << at;
    if (!(present & bit)) continue;
    // every index below the shape's length names a field
    const field = shape[at] as Field;
    if (composed & bit) {
      // Holds the key's place; its value is composed once the rest is read.
      o[field.key] = null;
    } else {
      o[field.key] = decodeValue(values[next], field.kind, o, ctx, texts, children);
      next++;
    }
  }
  for (const fill of children) fill();
  if (composed !== 0) {
    for (let at = 0; at < shape.length; at++) {
      // every index below the shape's length names a field
      const field = shape[at] as Field;
      const compose = field.composed;
      if (!(composed & (1 << at)) || !compose) continue;
      if (field.fromParent) pending.push(() => (o[field.key] = compose(o, parent, ctx)));
      else o[field.key] = compose(o, parent, ctx);
    }
  }
  return o;
}

function decodeValue(
  v: unknown,
  kind: Kind,
  self: Obj,
  ctx: Context,
  texts: readonly string[],
  pending: Pending,
): unknown {
  if (v === null) return null;
  // a text index the encoder wrote into this column's own list
  if (kind === 'str') return texts[v as number];
  if (kind === 'raw') return v;
  if ('list' in kind) return (v as unknown[]).map((item) => decodeObj(item, kind.list, self, ctx, texts, pending));
  return decodeObj(v, kind, self, ctx, texts, pending);
}

function encodeColumn(value: unknown, shape: Shape, list: boolean, ctx: Context): string {
  const texts = new Texts();
  try {
    const body = list
      ? (value as unknown[]).map((item) => {
          if (!isObj(item)) throw new Unencodable('item');
          return encodeObj(item, shape, null, ctx, texts);
        })
      : isObj(value)
        ? encodeObj(value, shape, null, ctx, texts)
        : null;
    if (body === null) throw new Unencodable('value');
    return JSON.stringify([FORM, texts.list, body]);
  } catch (err) {
    if (!(err instanceof Unencodable)) throw err;
    return JSON.stringify(value);
  }
}

function decodeColumn(text: string, shape: Shape, list: boolean, ctx: Context): unknown {
  const parsed: unknown = JSON.parse(text);
  // Plain JSON (a value the shapes did not describe) is the value itself.
  if (!Array.isArray(parsed) || parsed[0] !== FORM) return parsed;
  // [FORM, texts, body] as encodeColumn wrote it
  const [, texts, body] = parsed as [number, string[], unknown];
  const pending: Pending = [];
  const value = list
    ? (body as unknown[]).map((item) => decodeObj(item, shape, null, ctx, texts, pending))
    : decodeObj(body, shape, null, ctx, texts, pending);
  for (const fill of pending) fill();
  return value;
}

/** The two stored columns of one incident's derivation. */
export function encodeDerivation(
  incidentId: number,
  d: { grading: IncidentGrading; clocks: readonly IncidentClock[] },
): { grading: string; clocks: string } {
  const ctx: Context = { incidentId, planName: d.grading.planName };
  return { grading: encodeColumn(d.grading, GRADING, false, ctx), clocks: encodeColumn(d.clocks, CLOCK, true, ctx) };
}

/** One incident's derivation as it was stored, exactly (see encodeDerivation). */
export function decodeDerivation(
  incidentId: number,
  stored: { grading: string; clocks: string },
): { grading: IncidentGrading; clocks: IncidentClock[] } {
  // the grading column holds what encodeDerivation wrote from an IncidentGrading
  const grading = decodeColumn(stored.grading, GRADING, false, { incidentId, planName: null }) as IncidentGrading;
  const ctx: Context = { incidentId, planName: grading.planName };
  // the clocks column holds what encodeDerivation wrote from IncidentClock[]
  return { grading, clocks: decodeColumn(stored.clocks, CLOCK, true, ctx) as IncidentClock[] };
}
