import { Tag } from 'antd';
import { clockState } from '../../../shared/clocks/state';
import type { ClockStateKind } from '../../../shared/clocks/state';
import type { IncidentClock } from '../../../shared/domain/incident-view';
import { toTracked } from '../../../shared/incidents/tracked';
import { useNow } from '../hooks/useNow';
import { useSettings } from '../hooks/useSettings';

export const STATE_COLOURS: Record<ClockStateKind, string> = {
  pending: 'blue',
  due_soon: 'orange',
  overdue: 'red',
  done: 'green',
  not_applicable: 'default',
};

/** A live countdown for one clock, coloured by its state. */
export function ClockBadge({ clock, showTitle = false }: { clock: IncidentClock; showTitle?: boolean }) {
  const now = useNow();
  const settings = useSettings();
  const st = clockState(toTracked(clock), now, { dueSoonMinutes: settings.dueSoonMinutes });
  return (
    // A native title, not an antd Tooltip: this re-renders every second for every clock on screen.
    <Tag
      color={STATE_COLOURS[st.state]}
      data-clock-state={st.state}
      data-clock-id={clock.clockId}
      title={`${clock.from} → ${clock.to}，${clock.citation}`}
    >
      {showTitle ? `${clock.title} ` : ''}
      {st.label} {st.state === 'done' || st.state === 'not_applicable' ? '' : st.text}
    </Tag>
  );
}
