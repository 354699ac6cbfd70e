/**
 * Roster search by unit, person, duty or pinyin initials.
 *
 * Initials matching (why "stj" finds 市生态环境局): officers abbreviate a unit by the initials of
 * the syllables they would say, usually dropping the 市 prefix and skipping middle words
 * (生态环境局 is said 生态局). So a letter query matches a name when it is
 *   1. a prefix of the initials of the whole name (ssthjj) or of the name without its leading
 *      朔州市/朔州/市 (sthjj) — strongest;
 *   2. a substring of either initials string — weaker;
 *   3. a subsequence of the stripped initials that starts at its first letter (s·t·…·j of sthjj)
 *      — weakest, and only for queries of at least 3 letters, so that short queries stay precise;
 *   4. or a prefix of the full toneless pinyin, with or without the prefix (shengtai…).
 * 中国 is stripped like 市, so "yd" and "ydfgs" find 中国移动朔州分公司.
 * Results are ranked by the best tier any field reaches; Chinese text matches rank above pinyin.
 */

import { customPinyin, pinyin } from 'pinyin-pro';
import type { Roster } from './types';
import { findUnitById } from './seed/units';

// 长 in posts is read zhǎng; the dictionary's word list does not cover every post.
customPinyin({
  指挥长: 'zhǐ huī zhǎng',
  副指挥长: 'fù zhǐ huī zhǎng',
  局长: 'jú zhǎng',
  组长: 'zǔ zhǎng',
  支队长: 'zhī duì zhǎng',
});

export type SearchEntryKind = 'unit' | 'person' | 'group' | 'office';

export interface SearchEntry {
  rosterId: string;
  kind: SearchEntryKind;
  /** Id within the roster (unit registry id for units). */
  id: string;
  name: string;
  title?: string;
  unit?: string;
  duties?: string;
  /** Numbers as entered by officers, searched as plain text. */
  phones?: string[];
  /** An officer's 备注 on a contact (值班手机, 夜间找谁), searched as plain text. */
  note?: string;
}

/** A match; `entry` is the caller's own record, with whatever it added to SearchEntry. */
export interface SearchHit<E extends SearchEntry = SearchEntry> {
  entry: E;
  score: number;
  /** Which field matched, for highlighting: name, title, unit, duties, phones. */
  field: keyof SearchEntry;
}

/** Flattens a roster into searchable records: office, leaders, members, units, groups. */
export function flattenRoster(roster: Roster): SearchEntry[] {
  const out: SearchEntry[] = [];
  const unitName = (id?: string) => (id ? findUnitById(id)?.name : undefined);
  if (roster.office) {
    const o = roster.office;
    out.push({
      rosterId: roster.id,
      kind: 'office',
      id: 'office',
      name: `${roster.name}办公室`,
      unit: o.hostUnit,
      ...(o.head ? { title: `主任：${o.head}` } : {}),
      ...(o.duties ? { duties: o.duties } : {}),
    });
  }
  for (const p of [...roster.leaders, ...(roster.members ?? [])]) {
    const unit = unitName(p.unitId);
    out.push({
      rosterId: roster.id,
      kind: 'person',
      id: p.id,
      name: p.name ?? p.title,
      title: `${p.role}（${p.title}）`,
      ...(unit ? { unit } : {}),
    });
  }
  for (const u of roster.units) {
    const duties = [u.duties, ...(u.extraDuties ?? []).map((d) => d.duties)].filter(Boolean).join(' ');
    out.push({ rosterId: roster.id, kind: 'unit', id: u.id, name: u.name, ...(duties ? { duties } : {}) });
  }
  for (const g of roster.groups) {
    const lead = g.leadUnits.map((id) => unitName(id) ?? id).join('、');
    out.push({
      rosterId: roster.id,
      kind: 'group',
      id: g.id,
      name: g.name,
      unit: lead,
      ...(g.leaderTitle ? { title: `组长：${g.leaderTitle}` } : {}),
      ...(g.duties ? { duties: g.duties } : {}),
    });
  }
  return out;
}

/** Prefixes officers leave out when they abbreviate: the city, and 中国 of the carriers. */
const PREFIX = /^(朔州市|朔州|市|中国)/;

interface Keys {
  initials: string;
  strippedInitials: string;
  /** Full toneless pinyin as typed on a keyboard: ü as v (吕 lv), and also as u (lu), which many type. */
  full: readonly string[];
  strippedFull: readonly string[];
}

const keyCache = new Map<string, Keys>();

function initialsOf(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function fullOf(text: string): string[] {
  const full = pinyin(text, { toneType: 'none', type: 'array' }).join('').toLowerCase();
  const keep = (s: string) => s.replace(/[^a-z0-9]/g, '');
  const v = keep(full.replace(/ü/g, 'v'));
  const u = keep(full.replace(/ü/g, 'u'));
  return v === u ? [v] : [v, u];
}

/** A letter query as the keys hold it: ü typed as v. */
export const pinyinQuery = (word: string): string => word.toLowerCase().replace(/ü/g, 'v');

/** Pinyin keys of a text, cached because the same unit names recur across rosters. */
export function pinyinKeys(text: string): Keys {
  const hit = keyCache.get(text);
  if (hit) return hit;
  const stripped = text.replace(PREFIX, '');
  const keys: Keys = {
    initials: initialsOf(text),
    strippedInitials: initialsOf(stripped),
    full: fullOf(text),
    strippedFull: fullOf(stripped),
  };
  keyCache.set(text, keys);
  return keys;
}

function isSubsequence(query: string, target: string): boolean {
  let i = 0;
  for (const ch of target) {
    if (ch === query[i]) i += 1;
    if (i === query.length) return true;
  }
  return i === query.length;
}

/** Score of a letter query against one text: 0 when it does not match (see the tiers above). */
export function pinyinScore(query: string, text: string): number {
  const q = pinyinQuery(query);
  const k = pinyinKeys(text);
  if (k.initials === q || k.strippedInitials === q) return 60;
  if (k.initials.startsWith(q) || k.strippedInitials.startsWith(q)) return 50;
  if (q.length >= 2 && [...k.full, ...k.strippedFull].some((f) => f.startsWith(q))) return 45;
  if (q.length >= 2 && (k.initials.includes(q) || k.strippedInitials.includes(q))) return 35;
  if (q.length >= 3 && k.strippedInitials[0] === q[0] && isSubsequence(q, k.strippedInitials)) return 25;
  return 0;
}

const TEXT_WEIGHT: Record<string, number> = { name: 100, title: 80, unit: 70, phones: 70, duties: 30, note: 25 };
const PINYIN_WEIGHT: Record<string, number> = { name: 1, title: 0.8, unit: 0.9 };

/**
 * Searches flattened roster entries. A query of ASCII letters is matched as pinyin initials (and
 * as text); anything else as a substring of name, title, unit, duties, phone numbers or 备注. Several
 * words separated by spaces must all match. Results are best first, ties in input order.
 */
export function searchRoster<E extends SearchEntry>(entries: readonly E[], query: string): SearchHit<E>[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: (SearchHit<E> & { index: number })[] = [];
  entries.forEach((entry, index) => {
    let total = 0;
    let bestField: keyof SearchEntry = 'name';
    let bestWordScore = -1;
    for (const word of words) {
      const { score, field } = scoreWord(entry, word);
      if (score === 0) return;
      total += score;
      if (score > bestWordScore) {
        bestWordScore = score;
        bestField = field;
      }
    }
    hits.push({ entry, score: total, field: bestField, index });
  });
  hits.sort((a, b) => b.score - a.score || a.index - b.index);
  return hits.map(({ entry, score, field }) => ({ entry, score, field }));
}

function scoreWord(entry: SearchEntry, word: string): { score: number; field: keyof SearchEntry } {
  let best = 0;
  let field: keyof SearchEntry = 'name';
  const consider = (f: keyof SearchEntry, s: number) => {
    if (s > best) {
      best = s;
      field = f;
    }
  };
  const texts: [keyof SearchEntry, string | undefined][] = [
    ['name', entry.name],
    ['title', entry.title],
    ['unit', entry.unit],
    ['duties', entry.duties],
    ['phones', entry.phones?.join(' ')],
    ['note', entry.note],
  ];
  for (const [f, text] of texts) {
    if (!text) continue;
    const lower = text.toLowerCase();
    if (f === 'name' && lower === word) consider(f, 150);
    else if (lower.includes(word)) consider(f, TEXT_WEIGHT[f] ?? 0);
  }
  if (/^[a-z]+$/.test(pinyinQuery(word))) {
    for (const [f, text] of texts) {
      const weight = PINYIN_WEIGHT[f];
      if (!text || weight === undefined) continue;
      consider(f, pinyinScore(word, text) * weight);
    }
  }
  if (/^\d{3,}$/.test(word) && entry.phones?.some((p) => p.replace(/\D/g, '').includes(word))) {
    consider('phones', TEXT_WEIGHT.phones ?? 0);
  }
  return { score: best, field };
}
