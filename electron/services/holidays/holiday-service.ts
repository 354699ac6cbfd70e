/**
 * The holiday notices (节假日安排) entered by hand. Saving or removing a year's notice re-marks the
 * stored shifts of that year in the same transaction (法定节假日 / 调休上班 / 周末 / 工作日 as the
 * notice now says); who holds each shift is left as planned, since rotating people again is a
 * 重新生成 with its own reason.
 */
import type { ChannelArgs } from '../../../shared/ipc/contract';
import type { HolidayNoticeView } from '../../../shared/ipc/channels/holidays';
import { satisfies } from '../../../shared/accounts/roles';
import { DomainError } from '../../../shared/ipc/result';
import { dayKind, hasHolidayData } from '../../../shared/schedule/index';
import type { HolidayNotice, HolidayNotices } from '../../../shared/schedule/holiday-notice';
import type { Queryable } from '../../db/connection';
import * as repo from '../../db/holiday-repository';
import { currentDutySession } from '../../db/incident-repository';
import type { CallContext } from '../../ipc/dispatch';

/** Entered notices by year, as dayKind and generateMonth take them. */
export async function noticesOf(q: Queryable): Promise<HolidayNotices> {
  return new Map((await repo.listNotices(q)).map((n) => [n.year, n]));
}

/** The account that made the call (an administrator or 带班领导), else the leader on duty. */
async function actorName(q: Queryable, call: CallContext | undefined): Promise<string> {
  const s = call?.session;
  const manager = [s?.officer, s?.leader].find((a) => a && satisfies(a.role, 'manage'));
  if (manager) return manager.name;
  const duty = await currentDutySession(q);
  if (duty) return duty.leader;
  throw new DomainError('forbidden', '录入节假日安排须由管理员或带班领导登录后进行');
}

const view = (n: HolidayNotice, shiftsUpdated = 0): HolidayNoticeView => ({
  ...n,
  packaged: hasHolidayData(n.year),
  shiftsUpdated,
});

function summary(n: Pick<HolidayNotice, 'periods'>): string {
  return n.periods
    .map((p) => `${p.festival}${p.from}至${p.to}${p.workdays.length > 0 ? `（调休上班${p.workdays.join('、')}）` : ''}`)
    .join('；');
}

/** Re-marks the stored shifts of a year by the notices as they now stand; returns how many changed. */
async function remarkShifts(q: Queryable, year: number): Promise<number> {
  const notices = await noticesOf(q);
  let changed = 0;
  for (const s of await repo.shiftDaysOfYear(q, year)) {
    const k = dayKind(s.date, notices);
    const name = k.name ?? null;
    if (k.kind === s.dayKind && name === s.holidayName) continue;
    await repo.setShiftDayKind(q, { date: s.date, shift: s.shift, dayKind: k.kind, holidayName: name });
    changed++;
  }
  return changed;
}

export async function listNotices(q: Queryable): Promise<HolidayNoticeView[]> {
  return (await repo.listNotices(q)).map((n) => view(n));
}

export async function saveNotice(
  q: Queryable,
  args: ChannelArgs<'holidays:save'>,
  call: CallContext | undefined,
  at: Date,
): Promise<HolidayNoticeView> {
  const by = await actorName(q, call);
  const before = await repo.findNotice(q, args.year);
  const notice: HolidayNotice = {
    year: args.year,
    title: args.title,
    docNo: args.docNo,
    // Festivals in the notice's own order, whatever order they were typed in.
    periods: [...args.periods]
      .sort((a, b) => a.from.localeCompare(b.from))
      .map((p) => ({ ...p, workdays: [...p.workdays].sort() })),
    enteredAt: at.toISOString(),
    enteredBy: by,
  };
  await repo.upsertNotice(q, notice);
  const shiftsUpdated = await remarkShifts(q, args.year);
  await repo.insertNoticeChange(q, {
    year: args.year,
    kind: before ? '修改' : '录入',
    detail: `${notice.title}${notice.docNo ? `（${notice.docNo}）` : ''}：${summary(notice)}；值班表${shiftsUpdated}个班次的日期类别随之更新`,
    reason: '',
    at: notice.enteredAt,
    officer: by,
  });
  return view(notice, shiftsUpdated);
}

export async function deleteNotice(
  q: Queryable,
  args: ChannelArgs<'holidays:delete'>,
  call: CallContext | undefined,
  at: Date,
): Promise<{ year: number; shiftsUpdated: number }> {
  const by = await actorName(q, call);
  const before = await repo.findNotice(q, args.year);
  if (!before) throw new DomainError('not_found', `${args.year}年没有录入的节假日安排`);
  await repo.deleteNotice(q, args.year);
  const shiftsUpdated = await remarkShifts(q, args.year);
  await repo.insertNoticeChange(q, {
    year: args.year,
    kind: '删除',
    detail: `删除${before.title}；值班表${shiftsUpdated}个班次的日期类别随之更新`,
    reason: args.reason,
    at: at.toISOString(),
    officer: by,
  });
  return { year: args.year, shiftsUpdated };
}
