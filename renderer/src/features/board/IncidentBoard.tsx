import { Alert, Button, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { recordPerf } from '../../lib/perf';
import { incidentUrgencyKey } from '../../../../shared/clocks/state';
import { mostUrgent } from '../../../../shared/clocks/state';
import { CATEGORIES, LEVELS, OPEN_STATUSES, PLACES, STATUSES, categoryLabel } from '../../../../shared/domain/incident';
import type { IncidentSummary } from '../../../../shared/domain/incident-view';
import { searchProblem } from '../../../../shared/incidents/search-query';
import { toTracked } from '../../../../shared/incidents/tracked';
import { DEFAULT_PAGE, MAX_PAGE } from '../../../../shared/ipc/channels/incidents';
import { call } from '../../api/api';
import { ClockBadge } from '../../components/ClockBadge';
import { DrillTag } from '../../components/DrillTag';
import { HiddenMatchesHint } from '../../components/HiddenMatchesHint';
import { LevelTag } from '../../components/LevelTag';
import { fmtClock, fmtDateTime } from '../../lib/format';
import { useLoad } from '../../hooks/useApi';
import { LONG_LIST, useListHeight } from '../../hooks/useLongList';
import { useConnection } from '../../hooks/useConnection';
import { UpcomingStrip } from './UpcomingStrip';
import { BOARD_CLOCKS, DEFAULT_FILTER, takeFirstList, takeUpcoming } from './first-load';
import type { BoardFilter as Filter } from './first-load';
import { dayEndOf, dayStartOf } from '../../lib/beijing-fields';

/** The board as it opens: open incidents only, nothing else narrowed. */
function isDefaultFilter(f: Filter): boolean {
  const statuses = new Set(f.statuses ?? []);
  return (
    statuses.size === OPEN_STATUSES.length &&
    OPEN_STATUSES.every((s) => statuses.has(s)) &&
    !f.search &&
    !f.categories?.length &&
    !f.levels?.length &&
    !f.place &&
    !f.from &&
    !f.to &&
    (f.drills ?? 'include') === 'include'
  );
}

const hasOpenClock = (i: IncidentSummary) => i.clocks.some((c) => !c.record);

/** The columns' fixed widths plus room for the title: the width a virtualised board lays out. */
const BOARD_WIDTH = 1250;
/** What sits above and below a long board's scroll box: header, strips, filters, the paging line. */
const BOARD_RESERVE = 400;

/** Orders incidents by their most urgent open clock, then newest first. */
export function sortByUrgency(list: IncidentSummary[]): IncidentSummary[] {
  const keyed = list.map((i) => ({ i, k: incidentUrgencyKey(i.clocks.map((c) => toTracked(c))) }));
  keyed.sort((a, b) => a.k - b.k || b.i.receivedAt.localeCompare(a.i.receivedAt) || b.i.id - a.i.id);
  return keyed.map((x) => x.i);
}

export function IncidentBoard({ onOpen, onRegister }: { onOpen: (id: number) => void; onRegister: () => void }) {
  const [filter, setFilter] = useState<Filter>(DEFAULT_FILTER);
  // A search the services would refuse is said so here; the old list does not stay up as its answer.
  const [searchError, setSearchError] = useState<string | null>(null);
  // Pages read so far (加载更多 adds one); a change reloads them all, so nothing shown goes stale.
  const filterKey = JSON.stringify(filter);
  const [loaded, setLoaded] = useState({ filterKey, pages: 1 });
  // A new filter starts again at its first page.
  const pages = loaded.filterKey === filterKey ? loaded.pages : 1;
  const list = useLoad(async () => {
    // The board's open incidents fit one page of the largest size; a search pages by 100.
    const limit = isDefaultFilter(filter) ? MAX_PAGE : DEFAULT_PAGE;
    const items: IncidentSummary[] = [];
    // The board as it opens may have been asked for already, as the page started or the seat logged
    // in (first-load.ts).
    const early = pages === 1 && isDefaultFilter(filter) ? takeFirstList() : undefined;
    const ask = () => call('incidents:list', { ...filter, limit, clocks: BOARD_CLOCKS });
    let page = await (early ? early.catch(ask) : ask());
    items.push(...page.items);
    for (let p = 1; p < pages && page.nextCursor; p++) {
      page = await call('incidents:list', { ...filter, limit, clocks: BOARD_CLOCKS, cursor: page.nextCursor });
      items.push(...page.items);
    }
    return { items, total: page.total, totalCapped: page.totalCapped, more: page.nextCursor !== null };
  }, [filterKey, pages]);
  const { error } = list;
  const data = list.data?.items;
  // The strip's own feed: every open clock, whatever the filter below.
  const upcoming = useLoad(() => {
    const ask = () => call('clocks:upcoming', {});
    return takeUpcoming()?.catch(ask) ?? ask();
  }, []);
  // An incident with open clocks stays on the default board whatever its status (e.g. 已终止 with
  // an unsent report): those the status filter leaves out are read one by one (there are few).
  const extraIds = useMemo(() => {
    if (!isDefaultFilter(filter)) return [];
    const shown = new Set<string>(filter.statuses ?? []);
    return [
      ...new Set((upcoming.data ?? []).filter((c) => !shown.has(c.incidentStatus)).map((c) => c.incidentId)),
    ].sort((a, b) => a - b);
  }, [filter, upcoming.data]);
  const extras = useLoad(() => Promise.all(extraIds.map((id) => call('incidents:get', { id }))), [extraIds.join(',')]);
  const dataAt = useRef(0);
  const rows = useMemo(() => {
    // Performance instrumentation (perf.ts): marks when the rows for new data are computed.
    // eslint-disable-next-line react-hooks/refs, react-hooks/purity -- a measurement, not render state
    dataAt.current = performance.now();
    if (!data) return [];
    const ids = new Set(data.map((i) => i.id));
    const wanted = new Set(extraIds);
    return sortByUrgency([...data, ...(extras.data ?? []).filter((i) => wanted.has(i.id) && !ids.has(i.id))]);
  }, [data, extras.data, extraIds]);
  // The ended incidents kept on the board for their unsent reports: shown, and counted with the rest.
  const endedOwing = rows.length - (data?.length ?? 0);
  const stale = list.stale || extras.stale;
  const conn = useConnection();
  const listHeight = useListHeight(BOARD_RESERVE);
  // A long board or search answer shows only the rows in view (issue 14); a short one stays a whole table.
  const virtual = rows.length > LONG_LIST;
  useLayoutEffect(() => {
    if (!data) return;
    // Rendered, committed and laid out: the layout the next paint would do is forced now, so the
    // figure holds the rows' layout but nothing else the page does before that paint.
    document.body.getBoundingClientRect();
    recordPerf('boardRenders', performance.now() - dataAt.current);
    if (window.__dutyPerf?.boardShownAt.length === 0) recordPerf('boardShownAt', performance.now());
  }, [data]);

  const columns: ColumnsType<IncidentSummary> = [
    { title: '编号', dataIndex: 'serial', width: 110, sorter: (a, b) => a.serial.localeCompare(b.serial) },
    {
      title: '事件',
      key: 'title',
      render: (_, r) => (
        <Space size={4}>
          <DrillTag drill={r.drill} />
          {/* A link with an address, so Tab reaches it and Enter opens the incident. */}
          <a
            href={`#incident-${r.id}`}
            onClick={(e) => {
              e.preventDefault();
              onOpen(r.id);
            }}
            data-testid="incident-link"
          >
            {r.title}
          </a>
        </Space>
      ),
    },
    { title: '类别', key: 'category', width: 110, render: (_, r) => categoryLabel(r.category) },
    { title: '地点', key: 'places', width: 140, render: (_, r) => r.places.join('、') },
    {
      title: '级别',
      key: 'level',
      width: 90,
      // Plan A grades responses, not event levels: show the response rather than 未定级.
      render: (_, r) =>
        !r.grading.level && r.grading.response ? (
          <Tag color="volcano">{r.grading.response}响应</Tag>
        ) : (
          <LevelTag level={r.grading.level} />
        ),
      sorter: (a, b) => LEVELS.findIndex((l) => l === a.grading.level) - LEVELS.findIndex((l) => l === b.grading.level),
    },
    {
      title: '状态',
      key: 'status',
      width: 110,
      render: (_, r) => (
        <Space size={2} wrap>
          {r.status}
          {!OPEN_STATUSES.includes(r.status) && hasOpenClock(r) && (
            <Tag color="red" data-testid="closed-with-open-clocks">
              仍有未报送
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: '接报时间',
      key: 'receivedAt',
      width: 170,
      render: (_, r) => fmtDateTime(r.receivedAt),
      sorter: (a, b) => a.receivedAt.localeCompare(b.receivedAt),
    },
    {
      title: '最紧迫时限',
      key: 'clock',
      width: 260,
      render: (_, r) => {
        const urgent = mostUrgent(r.clocks.map((c) => toTracked(c)));
        const clock = urgent && r.clocks.find((c) => c.key === urgent.key);
        return clock && !clock.record ? (
          <ClockBadge clock={clock} showTitle />
        ) : (
          <Typography.Text type="secondary">无待办时限</Typography.Text>
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <UpcomingStrip clocks={upcoming} onOpen={onOpen} />
      <Space wrap>
        <Button type="primary" onClick={onRegister} data-testid="register-button">
          接报登记
        </Button>
        <Input.Search
          placeholder="搜索标题、单位、编号、地点"
          allowClear
          style={{ width: 240 }}
          onSearch={(v) => {
            const problem = searchProblem(v);
            setSearchError(problem);
            if (!problem) setFilter({ ...filter, search: v || undefined });
          }}
          status={searchError ? 'error' : undefined}
          aria-label="搜索事件（多个关键词用空格分隔）"
          data-testid="board-search"
        />
        <Select
          mode="multiple"
          placeholder="状态"
          aria-label="按状态筛选"
          style={{ minWidth: 200 }}
          value={filter.statuses}
          onChange={(v) => setFilter({ ...filter, statuses: v })}
          options={STATUSES.map((s) => ({ value: s, label: s }))}
          data-testid="filter-status"
        />
        <Select
          mode="multiple"
          placeholder="类别"
          aria-label="按类别筛选"
          style={{ minWidth: 160 }}
          onChange={(v: Filter['categories']) => setFilter({ ...filter, categories: v })}
          options={CATEGORIES.map((c) => ({ value: c.id, label: c.label }))}
        />
        <Select
          mode="multiple"
          placeholder="级别"
          aria-label="按级别筛选"
          style={{ minWidth: 140 }}
          onChange={(v: Filter['levels']) => setFilter({ ...filter, levels: v })}
          options={[...LEVELS, '未定级'].map((l) => ({ value: l, label: l }))}
        />
        <Select
          placeholder="地点"
          aria-label="按地点筛选"
          allowClear
          style={{ width: 140 }}
          onChange={(v?: string) => setFilter({ ...filter, place: v })}
          options={PLACES.map((p) => ({ value: p, label: p }))}
        />
        <DatePicker.RangePicker
          placeholder={['接报起', '接报止']}
          aria-label="按接报时间筛选"
          onChange={(v) =>
            setFilter({
              ...filter,
              from: v?.[0] ? dayStartOf(v[0]) : undefined,
              to: v?.[1] ? dayEndOf(v[1]) : undefined,
            })
          }
        />
        <Select
          value={filter.drills}
          aria-label="演练筛选"
          style={{ width: 130 }}
          onChange={(v) => setFilter({ ...filter, drills: v })}
          options={[
            { value: 'include', label: '含演练' },
            { value: 'exclude', label: '不含演练' },
            { value: 'only', label: '仅演练' },
          ]}
        />
      </Space>
      <HiddenMatchesHint filter={filter} onInclude={setFilter} />
      {/* Never an empty board that reads as "no incidents" when the list could not be read. */}
      {searchError ? (
        <Alert type="error" showIcon data-testid="search-error" title={searchError} />
      ) : !data && error ? (
        <Alert
          type="error"
          showIcon
          data-testid="board-error"
          title={`无法读取事件列表：${error.message}`}
          description="这不表示没有事件。恢复连接后自动刷新。"
          action={
            <Button size="small" onClick={list.reload}>
              重试
            </Button>
          }
        />
      ) : (
        <>
          {data && stale && (
            <Alert
              type="warning"
              showIcon
              data-testid="board-stale"
              title={`以下为${list.loadedAt === null ? '上次' : ` ${fmtClock(list.loadedAt)} `}读取的事件列表，${
                conn.status === 'token'
                  ? '令牌已更换，本页不再更新'
                  : conn.status === 'offline'
                    ? '连接中断后未能更新'
                    : `刷新失败：${(error ?? extras.error)?.message ?? ''}`
              }，可能已过时`}
            />
          )}
          <Table
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={!data}
            className={data && stale ? 'stale-data' : undefined}
            // Pages come from the services (加载更多 below); all loaded rows are shown.
            pagination={false}
            virtual={virtual}
            scroll={virtual ? { x: BOARD_WIDTH, y: listHeight } : undefined}
            data-virtual={virtual ? 'yes' : 'no'}
            rowClassName={(r) => (r.drill ? 'row-drill' : '')}
            data-testid="incident-table"
            data-stale={data && stale ? 'yes' : 'no'}
            locale={{
              emptyText: !data
                ? '正在读取事件列表…'
                : stale
                  ? '上次读取时没有事件；之后未能更新，当前情况未知'
                  : '暂无事件',
            }}
          />
          {list.data && (
            <Space data-testid="board-paging">
              <Typography.Text type="secondary" data-testid="board-count">
                已显示 {rows.length} 起，共 {list.data.total + endedOwing}
                {list.data.totalCapped ? '+' : ''} 起
                {endedOwing > 0 && `（其中 ${endedOwing} 起已结束，仍有未报送的报告）`}
              </Typography.Text>
              {list.data.more && (
                <Button onClick={() => setLoaded({ filterKey, pages: pages + 1 })} data-testid="board-more">
                  加载更多
                </Button>
              )}
            </Space>
          )}
        </>
      )}
    </Space>
  );
}
