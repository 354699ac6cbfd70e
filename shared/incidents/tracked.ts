import type { TrackedClock } from '../clocks/state';
import type { IncidentClock } from '../domain/incident-view';

/** The clock as the countdown and the alarms see it: absolute times and whether it is closed. */
export function toTracked(c: IncidentClock, incidentTitle?: string): TrackedClock {
  return {
    key: c.key,
    incidentId: c.incidentId,
    clockId: c.clockId,
    title: c.title,
    dueAt: c.dueAt,
    startsAt: c.startsAt,
    completedAt: c.record?.completedAt ?? null,
    notApplicable: Boolean(c.record?.notApplicableReason),
    incidentTitle,
    from: c.from,
    to: c.to,
    citation: c.citation,
    ...(c.immediate ? { immediate: true, window: c.window } : {}),
  };
}
