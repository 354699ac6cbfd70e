/** SQL for the entered holiday notices; snake_case rows become camelCase types here. */
import type { DayKindName } from '../../shared/schedule/index';
import type { HolidayNotice, HolidayPeriod } from '../../shared/schedule/holiday-notice';
import { accountIdFor } from './account-context';
import type { Queryable } from './connection';

interface NoticeRow {
  year: number;
  title: string;
  doc_no: string;
  periods: string;
  entered_at: string;
  entered_by: string;
}

const toNotice = (r: NoticeRow): HolidayNotice => ({
  year: r.year,
  title: r.title,
  docNo: r.doc_no,
  // this JSON column holds only what this repository wrote from the same type
  periods: JSON.parse(r.periods) as HolidayPeriod[],
  enteredAt: r.entered_at,
  enteredBy: r.entered_by,
});

export async function listNotices(q: Queryable): Promise<HolidayNotice[]> {
  return (await q.all<NoticeRow>('SELECT * FROM holiday_notices ORDER BY year DESC')).map(toNotice);
}

export async function findNotice(q: Queryable, year: number): Promise<HolidayNotice | undefined> {
  const r = await q.get<NoticeRow>('SELECT * FROM holiday_notices WHERE year = ?', [year]);
  return r ? toNotice(r) : undefined;
}

export async function upsertNotice(q: Queryable, n: HolidayNotice): Promise<void> {
  await q.run(
    `INSERT INTO holiday_notices (year, title, doc_no, periods, entered_at, entered_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (year) DO UPDATE SET title = excluded.title, doc_no = excluded.doc_no, periods = excluded.periods,
       entered_at = excluded.entered_at, entered_by = excluded.entered_by`,
    [n.year, n.title, n.docNo, JSON.stringify(n.periods), n.enteredAt, n.enteredBy],
  );
}

export async function deleteNotice(q: Queryable, year: number): Promise<boolean> {
  return (await q.run('DELETE FROM holiday_notices WHERE year = ?', [year])).changes === 1;
}

export async function insertNoticeChange(
  q: Queryable,
  c: { year: number; kind: '录入' | '修改' | '删除'; detail: string; reason: string; at: string; officer: string },
): Promise<void> {
  // The officer's account from the call's session (issue 18, migration 0020).
  await q.run(
    'INSERT INTO holiday_notice_changes (year, kind, detail, reason, at, officer, officer_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [c.year, c.kind, c.detail, c.reason, c.at, c.officer, accountIdFor(c.officer)],
  );
}

/** The stored shifts of a year with their day kind, for re-marking after a notice changes. */
export async function shiftDaysOfYear(
  q: Queryable,
  year: number,
): Promise<{ date: string; shift: number; dayKind: DayKindName; holidayName: string | null }[]> {
  const rows = await q.all<{ date: string; shift: number; day_kind: string; holiday_name: string | null }>(
    'SELECT date, shift, day_kind, holiday_name FROM duty_shifts WHERE date >= ? AND date <= ? ORDER BY date, shift',
    [`${year}-01-01`, `${year}-12-31`],
  );
  return rows.map((r) => ({
    date: r.date,
    shift: r.shift,
    // written by this repository from DayKindName values only
    dayKind: r.day_kind as DayKindName,
    holidayName: r.holiday_name,
  }));
}

export async function setShiftDayKind(
  q: Queryable,
  s: { date: string; shift: number; dayKind: DayKindName; holidayName: string | null },
): Promise<void> {
  await q.run('UPDATE duty_shifts SET day_kind = ?, holiday_name = ? WHERE date = ? AND shift = ?', [
    s.dayKind,
    s.holidayName,
    s.date,
    s.shift,
  ]);
}
