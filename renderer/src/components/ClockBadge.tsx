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
  // A closure by level change is not an officer's 不适用: name it as what it was (43号 5.1.1(6)).
  const label = clock.closure?.kind === 'level_change' ? '级别调整' : st.label;
  return (
    // A native title, not an antd Tooltip: this re-renders every second for every clock on screen.
    <Tag
      color={STATE_COLOURS[st.state]}
      data-clock-state={st.state}
      data-closure={clock.closure?.kind ?? undefined}
      data-clock-id={clock.clockId}
      title={`${clock.from} → ${clock.to}，${clock.citation}`}
    >
      {showTitle ? `${clock.title} ` : ''}
      {label} {st.state === 'done' || st.state === 'not_applicable' ? '' : st.text}
    </Tag>
  );
}
