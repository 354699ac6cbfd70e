import { Alert, Space } from 'antd';
import { useMemo } from 'react';
import { dueWithin } from '../../../../shared/clocks/state';
import type { IncidentSummary } from '../../../../shared/domain/incident-view';
import { toTracked } from '../../../../shared/incidents/tracked';
import { ClockBadge } from '../../components/ClockBadge';
import { useNow } from '../../hooks/useNow';
import { useSettings } from '../../hooks/useSettings';

/** How many clocks the strip names; the rest are counted (the board below is ordered by urgency). */
const SHOWN = 12;

/** Every clock due in the next N minutes (and every overdue one) across all incidents, most urgent first. */
export function UpcomingStrip({ incidents, onOpen }: { incidents: IncidentSummary[]; onOpen: (id: number) => void }) {
  const now = useNow();
  const { upcomingMinutes } = useSettings();
  const { byKey, tracked } = useMemo(
    () => ({
      byKey: new Map(incidents.flatMap((i) => i.clocks.map((c) => [c.key, { clock: c, incident: i }] as const))),
      tracked: incidents.flatMap((i) => i.clocks.map((c) => toTracked(c, i.title))),
    }),
    [incidents],
  );
  const due = dueWithin(tracked, now, upcomingMinutes);
  if (due.length === 0) {
    return <Alert type="success" showIcon title={`未来 ${upcomingMinutes} 分钟内没有到期的报告时限`} data-testid="upcoming-strip" />;
  }
  return (
    <Alert
      type={due.some((c) => Date.parse(c.dueAt) <= now) ? 'error' : 'warning'}
      showIcon
      data-testid="upcoming-strip"
      title={`${upcomingMinutes} 分钟内到期及已超时的报告时限（${due.length}）`}
      description={
        <Space wrap>
          {due.slice(0, SHOWN).map((t) => {
            const hit = byKey.get(t.key)!;
            return (
              <a key={t.key} onClick={() => onOpen(hit.incident.id)}>
                {hit.incident.drill ? '[演练] ' : ''}
                {hit.incident.title}：<ClockBadge clock={hit.clock} showTitle />
              </a>
            );
          })}
          {due.length > SHOWN && <span data-testid="upcoming-more">另有 {due.length - SHOWN} 项，见下方看板（按紧迫程度排序）</span>}
        </Space>
      }
    />
  );
}
