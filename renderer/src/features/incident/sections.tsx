/**
 * Extra panels of the incident drawer contributed by features (reports, call list, response
 * actions …), shown in this order after the clocks. Add one: a component taking the incident and one
 * entry here.
 */
import type { ReactNode } from 'react';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import { ReportsPanel } from '../reports/ReportsPanel';
import { CallListPanel } from '../rosters/CallListPanel';
import { ResponsePanel } from '../response/ResponsePanel';

export interface IncidentSection {
  key: string;
  title: string;
  render: (incident: IncidentDetail, onChanged: (d: IncidentDetail) => void) => ReactNode;
}

export const INCIDENT_SECTIONS: IncidentSection[] = [
  {
    key: 'reports',
    title: '报告（初报、续报、终报）',
    render: (i, changed) => <ReportsPanel incident={i} onChanged={changed} />,
  },
  {
    key: 'response',
    title: '应急响应（行动措施、终止条件、善后）',
    render: (i, changed) => <ResponsePanel incident={i} onChanged={changed} />,
  },
  { key: 'call-list', title: '呼叫清单', render: (i, changed) => <CallListPanel incident={i} onChanged={changed} /> },
];
