import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
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

/** The state told by a shape as well as by colour and words (WCAG 1.4.1: colour is never the only cue). */
export const STATE_ICONS: Record<ClockStateKind, ReactNode> = {
  pending: <ClockCircleOutlined aria-hidden />,
  due_soon: <ExclamationCircleOutlined aria-hidden />,
  overdue: <CloseCircleOutlined aria-hidden />,
  done: <CheckCircleOutlined aria-hidden />,
  not_applicable: <MinusCircleOutlined aria-hidden />,
};

/** A live countdown for one clock, coloured by its state, with its state's icon and words. */
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
      icon={STATE_ICONS[st.state]}
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
