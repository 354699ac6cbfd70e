/**
 * The console's pages, in menu order. Add a page: a component under features/<feature>/ and one
 * entry here.
 */
import type { ReactNode } from 'react';
import { DataPage } from './features/data/DataPage';
import { StatsPage } from './features/stats/StatsPage';
import { RostersPage } from './features/rosters/RostersPage';
import { DutyLogPage } from './features/duty-log/DutyLogPage';
import { HandoverPage } from './features/handover/HandoverPage';
import { SchedulePage } from './features/schedule/SchedulePage';
import { WarningsPage } from './features/warnings/WarningsPage';

export interface PageDef {
  key: string;
  label: string;
  render: (nav: { openIncident: (id: number) => void }) => ReactNode;
}

export const EXTRA_PAGES: PageDef[] = [
  { key: 'warnings', label: '预警', render: (nav) => <WarningsPage openIncident={nav.openIncident} /> },
  { key: 'duty-log', label: '值班日志', render: (nav) => <DutyLogPage openIncident={nav.openIncident} /> },
  { key: 'handover', label: '交接班', render: () => <HandoverPage /> },
  { key: 'schedule', label: '值班表', render: () => <SchedulePage /> },
  { key: 'rosters', label: '通讯录', render: () => <RostersPage /> },
  { key: 'stats', label: '统计', render: () => <StatsPage /> },
  { key: 'data', label: '数据与备份', render: () => <DataPage /> },
];
