import { Alert, Space, Tag } from 'antd';
import { useMemo } from 'react';
import { dueWithin } from '../../../../shared/clocks/state';
import { OPEN_STATUSES } from '../../../../shared/domain/incident';
import type { OpenClock } from '../../../../shared/ipc/channels/incidents';
import { toTracked } from '../../../../shared/incidents/tracked';
import { ClockBadge } from '../../components/ClockBadge';
import { fmtClock } from '../../lib/format';
import type { Loaded } from '../../hooks/useApi';
import { useConnection } from '../../hooks/useConnection';
import { useNow } from '../../hooks/useNow';
import { useSettings } from '../../hooks/useSettings';

/** How many clocks the strip names; the rest are counted (the board below is ordered by urgency). */
const SHOWN = 12;

/**
 * Every clock due in the next N minutes (and every overdue one) across all incidents, most urgent
 * first. Fed by clocks:upcoming — every open clock whatever the incident's status — never by the
 * board's filtered list, so no filter hides a running clock. It never shows the all-clear unless
 * that list is fresh: stale data is greyed and says so, a failed first read says it failed.
 */
export function UpcomingStrip({ clocks, onOpen }: { clocks: Loaded<OpenClock[]>; onOpen: (id: number) => void }) {
  const now = useNow();
  const { upcomingMinutes } = useSettings();
  const { data, error, stale, loadedAt } = clocks;
  const conn = useConnection();
  const { byKey, tracked } = useMemo(
    () => ({
      byKey: new Map((data ?? []).map((c) => [c.key, c] as const)),
      tracked: (data ?? []).map((c) => toTracked(c, c.incidentTitle)),
    }),
    [data],
  );

  if (!data) {
    if (!error)
      return <Alert type="info" showIcon title="正在读取报告时限…" data-testid="upcoming-strip" data-state="loading" />;
    return (
      <Alert
        type="error"
        showIcon
        title={`无法读取报告时限：${error.message}`}
        description="不能确认是否有到期的报告时限；恢复连接后自动刷新。"
        data-testid="upcoming-strip"
        data-state="error"
      />
    );
  }

  const due = dueWithin(tracked, now, upcomingMinutes);
  const why =
    conn.status === 'token' ? '令牌已更换，本页不再更新' : conn.status === 'offline' ? '连接中断' : '刷新失败';
  const staleNote = stale ? `${why}，倒计时可能不准：以下为 ${fmtClock(loadedAt ?? now)} 读取的报告时限` : '';
  if (due.length === 0) {
    if (stale) {
      return (
        <Alert
          type="warning"
          showIcon
          title={`${staleNote}，不能确认未来 ${upcomingMinutes} 分钟内是否有到期的报告时限`}
          data-testid="upcoming-strip"
          data-state="stale"
        />
      );
    }
    return (
      <Alert
        type="success"
        showIcon
        title={`未来 ${upcomingMinutes} 分钟内没有到期的报告时限`}
        data-testid="upcoming-strip"
        data-state="clear"
      />
    );
  }
  return (
    <Alert
      type={stale ? 'warning' : due.some((c) => Date.parse(c.dueAt) <= now) ? 'error' : 'warning'}
      showIcon
      data-testid="upcoming-strip"
      data-state={stale ? 'stale' : 'live'}
      className={stale ? 'stale-data' : undefined}
      title={
        stale ? `${staleNote}（${due.length}）` : `${upcomingMinutes} 分钟内到期及已超时的报告时限（${due.length}）`
      }
      description={
        <Space wrap>
          {due.slice(0, SHOWN).map((t) => {
            const c = byKey.get(t.key);
            if (!c) return null;
            return (
              <a
                key={t.key}
                onClick={() => onOpen(c.incidentId)}
                data-testid="upcoming-clock"
                data-incident-id={c.incidentId}
              >
                {c.drill ? '[演练] ' : ''}
                {c.incidentSerial} {c.incidentTitle}
                {!OPEN_STATUSES.includes(c.incidentStatus) && <Tag color="default">{c.incidentStatus}</Tag>}：
                <ClockBadge clock={c} showTitle />
              </a>
            );
          })}
          {due.length > SHOWN && (
            <span data-testid="upcoming-more">另有 {due.length - SHOWN} 项，见下方看板（按紧迫程度排序）</span>
          )}
        </Space>
      }
    />
  );
}
