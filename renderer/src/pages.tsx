/**
 * The console's pages, in menu order. Add a page: a component under features/<feature>/ and one
 * entry here.
 */
import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { DutyLogPage } from './features/duty-log/DutyLogPage';
import { HandoverPage } from './features/handover/HandoverPage';
import { WarningsPage } from './features/warnings/WarningsPage';

/**
 * Pages opened now and then (statistics with its charts, data, the schedule, the rosters) are
 * loaded when first opened, so the board's script is smaller and interactive sooner.
 */
function onDemand(load: () => Promise<ComponentType>): () => ReactNode {
  const Page = lazy(async () => ({ default: await load() }));
  return () => (
    <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '80px auto' }} />}>
      <Page />
    </Suspense>
  );
}

const StatsPage = onDemand(async () => (await import('./features/stats/StatsPage')).StatsPage);
const DataPage = onDemand(async () => (await import('./features/data/DataPage')).DataPage);
const SchedulePage = onDemand(async () => (await import('./features/schedule/SchedulePage')).SchedulePage);
const RostersPage = onDemand(async () => (await import('./features/rosters/RostersPage')).RostersPage);

export interface PageDef {
  key: string;
  label: string;
  render: (nav: { openIncident: (id: number) => void }) => ReactNode;
}

export const EXTRA_PAGES: PageDef[] = [
  { key: 'warnings', label: '预警', render: (nav) => <WarningsPage openIncident={nav.openIncident} /> },
  { key: 'duty-log', label: '值班日志', render: (nav) => <DutyLogPage openIncident={nav.openIncident} /> },
  { key: 'handover', label: '交接班', render: () => <HandoverPage /> },
  { key: 'schedule', label: '值班表', render: SchedulePage },
  { key: 'rosters', label: '通讯录', render: RostersPage },
  { key: 'stats', label: '统计', render: StatsPage },
  { key: 'data', label: '数据与备份', render: DataPage },
];
