/**
 * The open duties a 报送 can complete, one per clock and recipient. After an upgrade the old
 * level's obligation and the new level's share a clock id (their keys differ by the level served);
 * a report to that recipient completes both (43号 5.1.1(6); shared/rules/README.md "Level
 * changes": "A report to a recipient after T completes every open obligation to that recipient"),
 * so the dispatch dialog lists them once and the dispatch records once.
 */
import type { IncidentClock } from '../domain/incident-view';

export interface OpenDuty {
  /** What a dispatch names it by: the obligation key of its newest open obligation (or the clock id). */
  id: string;
  clockId: string;
  title: string;
  to: string;
  /** The clauses of its obligations, without repeats. */
  clause: string;
  /** Its open obligations, in the order the incident lists them. */
  clocks: IncidentClock[];
  /** The levels its open obligations serve, when more than one is open; otherwise empty. */
  levels: string[];
}

const idOf = (c: IncidentClock): string => c.obligationKey ?? c.clockId;

/** The open clocks (no record yet) grouped by clock id and recipient, in the order first met. */
export function openDuties(clocks: readonly IncidentClock[]): OpenDuty[] {
  const byDuty = new Map<string, IncidentClock[]>();
  for (const c of clocks) {
    if (c.record) continue;
    const k = `${c.clockId}\u0000${c.to}`;
    byDuty.set(k, [...(byDuty.get(k) ?? []), c]);
  }
  return [...byDuty.values()].map((group) => {
    // The newest obligation (the level in force) names the duty; the older ones complete with it.
    const newest = group.reduce((a, b) => (Date.parse(b.startsAt) >= Date.parse(a.startsAt) ? b : a));
    const levels = [...new Set(group.map((c) => c.levelLabel ?? ''))].filter(Boolean);
    return {
      id: idOf(newest),
      clockId: newest.clockId,
      title: newest.title,
      to: newest.to,
      clause: [...new Set(group.map((c) => c.clause))].join('、'),
      clocks: group,
      levels: levels.length > 1 ? levels : [],
    };
  });
}

/** The duty a dispatch names (an obligation key or a clock id), or undefined when none is open. */
export function dutyOf(duties: readonly OpenDuty[], id: string): OpenDuty | undefined {
  return duties.find((d) => d.clocks.some((c) => c.obligationKey === id)) ?? duties.find((d) => d.clockId === id);
}

/** 向上一级部门报告（朔州市生态环境局，5.1.1(2)；一般、较大各一项，一并完成） */
export function dutyLabel(d: OpenDuty): string {
  const levels = d.levels.length ? `；${d.levels.join('、')}各一项，一并完成` : '';
  return `${d.title}（${d.to}，${d.clause}${levels}）`;
}
