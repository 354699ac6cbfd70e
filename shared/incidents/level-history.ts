/**
 * The level history (from, to, when, who, why) as the timeline keeps it: each level change writes
 * a 'level' entry whose data holds the change (43号 5.1.1(6)). The clock table and the next 续报
 * read it from there, so they show the history the timeline shows.
 */
import type { TimelineEntry } from '../domain/incident';
import { LEVEL_ORDER } from '../rules';
import type { Level } from '../rules';
import { levelChangeText } from './obligations';
import type { LevelChange } from './obligations';
import { isOneOf } from '../one-of';

const asLevel = (v: unknown): Level | null | undefined => (v === null ? null : isOneOf(LEVEL_ORDER, v) ? v : undefined);

/** The level changes recorded on the timeline, oldest first; entries of other kinds are skipped. */
export function levelHistoryOf(timeline: readonly Pick<TimelineEntry, 'kind' | 'at' | 'data'>[]): LevelChange[] {
  const out: LevelChange[] = [];
  for (const e of timeline) {
    if (e.kind !== 'level') continue;
    const c = e.data?.levelChange;
    if (!c || typeof c !== 'object') continue;
    // stored JSON, known here only to be an object; each field is checked below
    const r = c as Record<string, unknown>;
    const from = asLevel(r.from);
    const to = asLevel(r.to);
    const effectiveAt =
      typeof r.effectiveAt === 'string' && !Number.isNaN(Date.parse(r.effectiveAt)) ? r.effectiveAt : null;
    if (from === undefined || to === undefined || !effectiveAt) continue;
    out.push({
      from,
      to,
      effectiveAt,
      by: typeof r.by === 'string' ? r.by : '',
      reason: typeof r.reason === 'string' ? r.reason : '',
    });
  }
  return out.sort((a, b) => Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt));
}

/** One line per change, as levelChangeText words it. */
export function levelHistoryLines(history: readonly LevelChange[]): string[] {
  return history.map(levelChangeText);
}
