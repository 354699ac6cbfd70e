import { Alert, Button } from 'antd';
import { STATUSES } from '../../../shared/domain/incident';
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
  // Each hidden status counted on the server (a page of one: its total), not read and counted here.
  const hidden = useLoad(
    () =>
      active
        ? Promise.all(
            others.map(async (status) => {
              const page = await call('incidents:list', { ...filter, statuses: [status], limit: 1 });
              return { status, total: page.total, capped: page.totalCapped };
            }),
          )
        : Promise.resolve(null),
    [active, JSON.stringify(filter)],
  );
  const counts = (hidden.data ?? []).filter((c) => c.total > 0);
  if (!active || counts.length === 0) return null;
  const text = counts.map((c) => `${c.total}${c.capped ? '+' : ''}条${c.status}的事件`).join('、');
  return (
    <Alert
      type="info"
      showIcon
      data-testid="hidden-matches"
      title={`状态筛选之外另有${text}符合搜索条件`}
      action={
        <Button
          size="small"
          onClick={() => onInclude({ ...filter, statuses: [...shown, ...counts.map((c) => c.status)] })}
        >
          一并显示
        </Button>
      }
    />
  );
}
