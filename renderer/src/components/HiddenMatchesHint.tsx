import { Alert, Button } from 'antd';
import { STATUSES } from '../../../shared/domain/incident';
import type { IncidentStatus } from '../../../shared/domain/incident';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { call } from '../api/api';
import { useLoad } from '../hooks/useApi';

type Filter = NonNullable<ChannelInput<'incidents:list'>>;

/**
 * Under a search narrowed by status: says how many matches the status filter hides
 * (另有2条已终止的事件) and includes them with one click, so a search never looks empty by accident.
 */
export function HiddenMatchesHint({ filter, onInclude }: { filter: Filter; onInclude: (f: Filter) => void }) {
  const shown = filter.statuses ?? [];
  const others = STATUSES.filter((s) => !shown.includes(s));
  const active = Boolean(filter.search) && shown.length > 0 && others.length > 0;
  const hidden = useLoad(
    () => (active ? call('incidents:list', { ...filter, statuses: others }) : Promise.resolve(null)),
    [active, JSON.stringify(filter)],
  );
  // A list, or a page of one (paged lists carry their rows in items).
  const rows: unknown = hidden.data;
  // both shapes are incident summaries, which carry a status
  const list = (Array.isArray(rows) ? rows : (rows as { items?: unknown[] } | null)?.items) as
    { status: IncidentStatus }[] | undefined;
  if (!active || !list || list.length === 0) return null;
  const byStatus = new Map<string, number>();
  for (const i of list) byStatus.set(i.status, (byStatus.get(i.status) ?? 0) + 1);
  const text = [...byStatus].map(([s, n]) => `${n}条${s}的事件`).join('、');
  return (
    <Alert
      type="info"
      showIcon
      data-testid="hidden-matches"
      title={`状态筛选之外另有${text}符合搜索条件`}
      action={
        <Button
          size="small"
          // shown are IncidentStatus values and byStatus is keyed by the rows' statuses
          onClick={() => onInclude({ ...filter, statuses: [...shown, ...byStatus.keys()] as IncidentStatus[] })}
        >
          一并显示
        </Button>
      }
    />
  );
}
