import type { FormInput } from '../forms/types';
import type { FieldChange, ReportKind } from '../reports/prefill';

export interface ReportVersion {
  version: number;
  content: FormInput;
  savedAt: string;
  savedBy: string;
}

/** One report of the chain with every saved version; sent reports are never edited. */
export interface Report {
  id: number;
  incidentId: number;
  kind: ReportKind;
  seq: number;
  label: string;
  formKind: FormInput['kind'];
  correctsId: number | null;
  createdAt: string;
  createdBy: string;
  status: 'draft' | 'signed' | 'sent';
  signedBy: string | null;
  signedAt: string | null;
  sentAt: string | null;
  sentTo: string | null;
  sentChannel: string | null;
  confirmedBy: string | null;
  sentVersion: number | null;
  sentOfficer: string | null;
  satisfiedClocks: string[];
  versions: ReportVersion[];
  basis: string;
  /**
   * What this report changes (latest versions): a correction against the sent version of the report it
   * corrects, any other report against the report it builds on (the latest before it, as corrected).
   */
  changesSincePrevious: FieldChange[];
}
