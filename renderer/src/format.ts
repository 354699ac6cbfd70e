import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const ZONE = 'Asia/Shanghai';

/** 2026年11月29日 14:05, in Beijing time whatever the machine's zone. */
export const fmtDateTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).tz(ZONE).format('YYYY年M月D日 HH:mm') : '—';
export const fmtTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).tz(ZONE).format('HH:mm') : '—');
export const fmtDate = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).tz(ZONE).format('YYYY年M月D日') : '—';

export { dayjs };
