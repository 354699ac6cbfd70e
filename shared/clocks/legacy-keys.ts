/**
 * Alarms fired and acknowledgements given before obligations were keyed by the level they serve
 * (migration 0009, 43号 5.1.1(6)) name a clock `incident:clockId`; today's key is
 * `incident:clockId@level#period`. Read with today's keys only, such a record matches no clock, so
 * an installation that upgrades would alarm once more what it had already alarmed. Each old record
 * therefore also counts, under the new key, for the obligation it was made for:
 * - a fired alarm, for the obligation of that clock with the same deadline (a record without a
 *   deadline: every obligation of that clock that had started when it fired);
 * - an acknowledgement, for every obligation of that clock that had started when it was given.
 * An obligation that arose later (a new level from an upgrade at T) is matched by neither, so it
 * alarms as it should. Nothing is rewritten in storage; the old records stay as they were.
 */
import type { AlarmAck, FiredAlarm } from './alarm-planner';
import type { TrackedClock } from './state';

/** The key before the level was part of it: `7:env.county-dept-to-gov@一般#0` → `7:env.county-dept-to-gov`. */
function baseKey(key: string): string | null {
  const at = key.indexOf('@');
  return at < 0 ? null : key.slice(0, at);
}

const isLegacy = (key: string): boolean => !key.includes('@');

export function adoptLegacyKeys(
  clocks: readonly TrackedClock[],
  fired: readonly FiredAlarm[],
  acks: readonly AlarmAck[],
): { fired: FiredAlarm[]; acks: AlarmAck[] } {
  if (!fired.some((f) => isLegacy(f.clockKey)) && !acks.some((a) => isLegacy(a.clockKey))) {
    return { fired: [...fired], acks: [...acks] };
  }
  const byBase = new Map<string, TrackedClock[]>();
  for (const c of clocks) {
    const base = baseKey(c.key);
    if (base === null) continue;
    const list = byBase.get(base);
    if (list) list.push(c);
    else byBase.set(base, [c]);
  }
  // A time that does not parse matches nothing: an old record must never stop the alarms.
  const startedBy = (c: TrackedClock, at: string): boolean => Date.parse(c.startsAt) <= Date.parse(at);

  const outFired = [...fired];
  for (const f of fired) {
    if (!isLegacy(f.clockKey)) continue;
    for (const c of byBase.get(f.clockKey) ?? []) {
      const same = f.dueAt === undefined ? startedBy(c, f.firedAt) : Date.parse(f.dueAt) === Date.parse(c.dueAt);
      if (same) outFired.push({ ...f, clockKey: c.key });
    }
  }
  const outAcks = [...acks];
  for (const a of acks) {
    if (!isLegacy(a.clockKey)) continue;
    for (const c of byBase.get(a.clockKey) ?? []) {
      if (startedBy(c, a.ackedAt)) outAcks.push({ ...a, clockKey: c.key });
    }
  }
  return { fired: outFired, acks: outAcks };
}
