/**
 * Roster views as the UI sees them: the gazette seed (shared/rosters) joined with what officers
 * entered (names, phone numbers, liaison officers, deputies), which the database keeps.
 */
import type { CallListItem, CallListPlan, CallListResponse } from '../rosters/call-list';
import type { SearchEntry } from '../rosters/search';
import type { Roster, RosterKind } from '../rosters/types';
import type { IncidentDetail } from './incident-view';

/** Kinds of seed entry an officer's contact hangs under ('roster' = the body as a whole, e.g. its duty line). */
export const ENTRY_KINDS = ['roster', 'office', 'person', 'unit', 'group'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** What a contact is to its entry. 负责人 of a person entry is the person holding the post. */
export const CONTACT_ROLES = ['负责人', '联络员', '副职', '值班电话', '工作人员'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** Results of a call, as recorded in the incident's timeline. */
export const CALL_RESULTS = ['接通', '未接', '已通知', '回电'] as const;
export type CallResult = (typeof CALL_RESULTS)[number];

/** The pseudo-roster of county-level governments (事发地政府), which plans call but no HQ lists as a unit. */
export const COUNTY_ROSTER_ID = 'counties';

export type RosterViewKind = RosterKind | '属地政府';

/** A roster as shown: the seed shape, also used for the county governments. */
export type RosterSeedView = Omit<Roster, 'kind'> & { kind: RosterViewKind };

export interface RosterContact {
  id: number;
  rosterId: string;
  entryKind: EntryKind;
  entryId: string;
  role: ContactRole;
  name: string;
  title: string;
  /** Several numbers of one kind are kept in one field separated by '；'. */
  officePhone: string;
  mobile: string;
  redPhone: string;
  fax: string;
  note: string;
  validFrom: string;
  endedAt: string | null;
  endedReason: string | null;
  updatedAt: string;
  updatedBy: string;
  /** Counts the changes to the contact's row (issue 17); an edit from an older one is refused. */
  version: number;
}

export interface ContactChange {
  field: string;
  before: string;
  after: string;
}

export interface ContactHistoryEntry {
  id: number;
  contactId: number;
  /** Who the contact is, for a history listed across a roster. */
  contactName: string;
  at: string;
  officer: string;
  action: '新增' | '修改' | '离任' | '导入';
  changes: ContactChange[];
  reason: string;
}

export interface RosterSummary {
  id: string;
  name: string;
  kind: RosterViewKind;
  document: string;
  clause: string;
  unitCount: number;
  groupCount: number;
  /** Officers' contacts in force. */
  contactCount: number;
}

/** A seed entry the current seed no longer contains; its contacts are kept for an officer to review. */
export interface RemovedEntry {
  entryKind: EntryKind;
  entryId: string;
  name: string;
  removedAt: string;
}

export interface RosterView {
  roster: RosterSeedView;
  contacts: RosterContact[];
  removedEntries: RemovedEntry[];
}

export interface RosterSearchHit {
  entry: SearchEntry;
  rosterName: string;
  score: number;
  field: keyof SearchEntry;
  /** The contact a hit on an officer-entered person refers to. */
  contactId?: number;
  /** Contacts in force under the matched entry (for the copy buttons). */
  contacts: RosterContact[];
}

export interface CallListViewItem extends CallListItem {
  /** Stable key of the target, stored with recorded calls: rosterId/kind/id or kind/label. */
  key: string;
  contacts: RosterContact[];
  /** Calls to this target already recorded for the incident, newest first. */
  calls: { at: string; result: CallResult; number: string; officer: string; note: string }[];
}

export interface CallListView {
  incidentId: number;
  plan: CallListPlan | null;
  planName: string | null;
  response: CallListResponse | null;
  /** Why there is no list yet (no plan for the category, no response level decided). */
  notice: string | null;
  items: CallListViewItem[];
}

export interface SeedReport {
  added: number;
  changed: number;
  removed: number;
}

export interface ImportPreviewRow {
  row: number;
  action: '新增' | '更新' | '无变化';
  rosterId: string;
  rosterName: string;
  unit: string;
  name: string;
  title: string;
  changes: ContactChange[];
}

export interface ImportPreview {
  rows: ImportPreviewRow[];
  errors: { row: number; field: string; message: string }[];
  counts: { added: number; updated: number; unchanged: number };
}

export interface ImportApplied {
  added: number;
  updated: number;
  unchanged: number;
}

export interface RosterFile {
  fileName: string;
  mime: string;
  contentBase64: string;
}

export type RecordCallResult = IncidentDetail;
