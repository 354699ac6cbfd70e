/**
 * Search results per unit: one unit sits in several rosters (市生态环境局 is a member unit, hosts an
 * office, leads groups and has its head as deputy commander across five rosters), and a list of
 * every hit repeats it a dozen times. Hits that are about the same unit merge into one result with
 * its numbers (each contact once) and every roster it sits in, saying in what capacity. Hits on
 * anything else stay as they are.
 */
import type { RosterContact, RosterSearchHit } from '../domain/roster';

export interface UnitPlace {
  rosterId: string;
  rosterName: string;
  /** In what capacity: 成员单位, 办公室, 组长单位（污染处置组）, 副指挥长（市生态环境局局长）. */
  as: string;
  duties?: string;
}

export interface MergedHit {
  /** 'unit:<name>' for a merged unit, otherwise 'entry:<roster>/<kind>/<id>'. */
  key: string;
  name: string;
  score: number;
  /** The single hit, when nothing was merged into it. */
  hit?: RosterSearchHit;
  places: UnitPlace[];
  contacts: RosterContact[];
}

/**
 * The unit a hit is about, or null when it stands for itself: a unit's own entry; an office,
 * person or group of a unit that is itself among the hits (市生态环境局局长 when 市生态环境局 is);
 * or anything found through its unit field.
 */
function unitOf(h: RosterSearchHit, unitsFound: ReadonlySet<string>): string | null {
  const e = h.entry;
  if (e.kind === 'unit') return e.name;
  // Groups led by several units (市生态环境局、市应急管理局) stay on their own.
  if (!e.unit || e.unit.includes('、')) return null;
  if (unitsFound.has(e.unit) || h.field === 'unit') return e.unit;
  return null;
}

function capacity(h: RosterSearchHit): string {
  const e = h.entry;
  if (e.kind === 'unit') return '成员单位';
  if (e.kind === 'office') return e.name;
  if (e.kind === 'group') return `组长单位（${e.name}${e.title ? `，${e.title}` : ''}）`;
  // A named person: the post, then the name (成员（市生态环境局局长） 卢生权).
  return e.title && !e.title.includes(e.name) ? `${e.title} ${e.name}` : (e.title ?? e.name);
}

/** Merges hits per unit, keeping the order of the best hit of each result. */
export function mergeHitsByUnit(hits: readonly RosterSearchHit[]): MergedHit[] {
  const out: MergedHit[] = [];
  const byUnit = new Map<string, MergedHit>();
  const unitsFound = new Set(hits.filter((h) => h.entry.kind === 'unit').map((h) => h.entry.name));
  for (const h of hits) {
    const unit = unitOf(h, unitsFound);
    const place: UnitPlace = {
      rosterId: h.entry.rosterId,
      rosterName: h.rosterName,
      as: capacity(h),
      ...(h.entry.duties ? { duties: h.entry.duties } : {}),
    };
    if (unit === null) {
      out.push({
        key: `entry:${h.entry.rosterId}/${h.entry.kind}/${h.entry.id}`,
        name: h.entry.name,
        score: h.score,
        hit: h,
        places: [place],
        contacts: [...h.contacts],
      });
      continue;
    }
    let m = byUnit.get(unit);
    if (!m) {
      m = { key: `unit:${unit}`, name: unit, score: h.score, hit: h, places: [], contacts: [] };
      byUnit.set(unit, m);
      out.push(m);
    } else {
      delete m.hit;
    }
    m.score = Math.max(m.score, h.score);
    if (!m.places.some((p) => p.rosterId === place.rosterId && p.as === place.as)) m.places.push(place);
    for (const c of h.contacts) if (!m.contacts.some((x) => x.id === c.id)) m.contacts.push(c);
  }
  return out;
}
