/**
 * Extra panels of the incident drawer contributed by features (reports, call list, response
 * actions …), shown in this order after the clocks. Add one: a component taking the incident and one
 * entry here.
 */
import type { ReactNode } from 'react';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';

export interface IncidentSection {
  key: string;
  title: string;
  render: (incident: IncidentDetail, onChanged: (d: IncidentDetail) => void) => ReactNode;
}

export const INCIDENT_SECTIONS: IncidentSection[] = [];
