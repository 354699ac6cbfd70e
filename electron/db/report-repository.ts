import type { FormInput } from '../../shared/forms/types';
import type { PrintRecord } from '../../shared/ipc/channels/print';
import type { Queryable } from './connection';
import { currentSeatName } from './seat-context';
import { accountIdFor } from './account-context';

export interface ReportRow {
  id: number;
  incident_id: number;
  kind: string;
  seq: number;
  form_kind: string;
  corrects_id: number | null;
  created_at: string;
  created_by: string;
  signed_by: string | null;
  signed_at: string | null;
  sent_at: string | null;
  sent_to: string | null;
  sent_channel: string | null;
  confirmed_by: string | null;
  sent_version: number | null;
  sent_officer: string | null;
  satisfied_clocks: string | null;
}

export interface VersionRow {
  report_id: number;
  version: number;
  content: string;
  saved_at: string;
  saved_by: string;
}

export const listReportRows = (q: Queryable, incidentId: number) =>
  q.all<ReportRow>('SELECT * FROM reports WHERE incident_id = ? ORDER BY id', [incidentId]);

export const findReportRow = (q: Queryable, id: number) => q.get<ReportRow>('SELECT * FROM reports WHERE id = ?', [id]);

export const listVersionRows = (q: Queryable, incidentId: number) =>
  q.all<VersionRow>(
    'SELECT v.* FROM report_versions v JOIN reports r ON r.id = v.report_id WHERE r.incident_id = ? ORDER BY v.report_id, v.version',
    [incidentId],
  );

export async function insertReport(
  q: Queryable,
  r: {
    incidentId: number;
    kind: string;
    seq: number;
    formKind: string;
    correctsId: number | null;
    at: string;
    by: string;
  },
): Promise<number> {
  const res = await q.run(
    `INSERT INTO reports (incident_id, kind, seq, form_kind, corrects_id, created_at, created_by, created_by_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    // Each name's account comes from the call's session (issue 18, migration 0018).
    [r.incidentId, r.kind, r.seq, r.formKind, r.correctsId, r.at, r.by, accountIdFor(r.by)],
  );
  return res.lastID;
}

export async function insertVersion(
  q: Queryable,
  reportId: number,
  content: FormInput,
  at: string,
  by: string,
): Promise<number> {
  const row = await q.get<{ v: number | null }>('SELECT MAX(version) AS v FROM report_versions WHERE report_id = ?', [
    reportId,
  ]);
  const version = (row?.v ?? 0) + 1;
  await q.run(
    'INSERT INTO report_versions (report_id, version, content, saved_at, saved_by, saved_by_id) VALUES (?, ?, ?, ?, ?, ?)',
    [reportId, version, JSON.stringify(content), at, by, accountIdFor(by)],
  );
  return version;
}

export async function signReport(q: Queryable, id: number, by: string, at: string): Promise<void> {
  await q.run('UPDATE reports SET signed_by = ?, signed_at = ?, signed_by_id = ? WHERE id = ?', [
    by,
    at,
    accountIdFor(by),
    id,
  ]);
}

export async function markSent(
  q: Queryable,
  id: number,
  s: {
    sentAt: string;
    sentTo: string;
    channel: string;
    confirmedBy: string;
    version: number;
    officer: string;
    clocks: string[];
  },
): Promise<void> {
  await q.run(
    `UPDATE reports SET sent_at = ?, sent_to = ?, sent_channel = ?, confirmed_by = ?, sent_version = ?, sent_officer = ?,
       satisfied_clocks = ?, sent_officer_id = ? WHERE id = ? AND sent_at IS NULL`,
    [
      s.sentAt,
      s.sentTo,
      s.channel,
      s.confirmedBy,
      s.version,
      s.officer,
      JSON.stringify(s.clocks),
      accountIdFor(s.officer),
      id,
    ],
  );
}

export async function insertPrintRecord(
  q: Queryable,
  p: {
    incidentId: number | null;
    reportId: number | null;
    reportVersion: number | null;
    formKind: string;
    title: string;
    target: 'printer' | 'pdf';
    path: string | null;
    at: string;
    officer: string;
    /** The record chain's short code printed on the form's footer (issue 18). */
    chainCode?: string | null;
  },
): Promise<number> {
  const res = await q.run(
    `INSERT INTO print_records (incident_id, report_id, report_version, form_kind, title, target, path, printed_at, officer,
       seat_name, chain_code, officer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      p.incidentId,
      p.reportId,
      p.reportVersion,
      p.formKind,
      p.title,
      p.target,
      p.path,
      p.at,
      p.officer,
      // The seat it was printed at (issue 17); null for in-process calls.
      currentSeatName(),
      p.chainCode ?? null,
      accountIdFor(p.officer),
    ],
  );
  return res.lastID;
}

interface PrintRow {
  id: number;
  incident_id: number | null;
  report_id: number | null;
  report_version: number | null;
  form_kind: string;
  title: string;
  target: 'printer' | 'pdf';
  path: string | null;
  printed_at: string;
  officer: string;
  chain_code: string | null;
  seat_name: string | null;
}

const toRecord = (r: PrintRow): PrintRecord => ({
  id: r.id,
  incidentId: r.incident_id,
  reportId: r.report_id,
  reportVersion: r.report_version,
  formKind: r.form_kind,
  title: r.title,
  target: r.target,
  path: r.path,
  printedAt: r.printed_at,
  officer: r.officer,
  chainCode: r.chain_code ?? null,
  seatName: r.seat_name ?? null,
});

export async function findPrintRecord(q: Queryable, id: number): Promise<PrintRecord | undefined> {
  const row = await q.get<PrintRow>('SELECT * FROM print_records WHERE id = ?', [id]);
  return row && toRecord(row);
}

/** Newest first: an incident's prints, or the latest 500 of all. */
export async function listPrintRecords(q: Queryable, incidentId?: number): Promise<PrintRecord[]> {
  const rows = incidentId
    ? await q.all<PrintRow>('SELECT * FROM print_records WHERE incident_id = ? ORDER BY id DESC', [incidentId])
    : await q.all<PrintRow>('SELECT * FROM print_records ORDER BY id DESC LIMIT 500');
  return rows.map(toRecord);
}
