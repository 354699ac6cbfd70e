import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';
import { chineseDate, chineseDateTime, shanghaiClock, shanghaiDate, shanghaiTime } from '../../../shared/time';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/** Beijing time for antd's date pickers, which take dayjs values; text is formatted below, from shared/time. */
export const ZONE = 'Asia/Shanghai';

/** 2026年11月29日 14:05, in Beijing time whatever the machine's zone (shared/time does the arithmetic). */
export const fmtDateTime = (iso: string | null | undefined): string => (iso ? chineseDateTime(Date.parse(iso)) : '—');
export const fmtTime = (iso: string | null | undefined): string => (iso ? shanghaiTime(Date.parse(iso)) : '—');
/** HH:mm:ss in Beijing time of an instant in milliseconds. */
export const fmtClock = (ms: number): string => shanghaiClock(ms);
export const fmtDate = (iso: string | null | undefined): string =>
  iso ? chineseDate(shanghaiDate(Date.parse(iso))) : '—';

export { dayjs };
