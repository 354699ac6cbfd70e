/**
 * The statutory holidays of a year the State Council has not yet published (or the package does not
 * yet carry), as 全国年节及纪念日放假办法 (revised 2024, in force from 2025-01-01) fixes them
 * (第二条): 元旦 1 day (1月1日); 春节 4 days (农历除夕、正月初一至初三); 清明节 1 day (农历清明当日);
 * 劳动节 2 days (5月1日、2日); 端午节 1 day (农历端午当日); 中秋节 1 day (农历中秋当日); 国庆节
 * 3 days (10月1日至3日). The 调休 workdays and bridged days come only with the yearly notice, so
 * none are computed here.
 */
import { addDays } from '../time';

/**
 * Lunar and solar-term dates of each year, Beijing time: 正月初一, 清明, 五月初五, 八月十五. Read from
 * chinese-days' lunar tables under Asia/Shanghai (its functions read the host's time zone, so the
 * values are kept here rather than computed at run time).
 */
const LUNAR: Readonly<
  Record<number, { springFestival: string; qingming: string; dragonBoat: string; midAutumn: string }>
> = {
  2027: { springFestival: '2027-02-06', qingming: '2027-04-05', dragonBoat: '2027-06-09', midAutumn: '2027-09-15' },
  2028: { springFestival: '2028-01-26', qingming: '2028-04-04', dragonBoat: '2028-05-28', midAutumn: '2028-10-03' },
  2029: { springFestival: '2029-02-13', qingming: '2029-04-04', dragonBoat: '2029-06-16', midAutumn: '2029-09-22' },
  2030: { springFestival: '2030-02-03', qingming: '2030-04-05', dragonBoat: '2030-06-05', midAutumn: '2030-09-12' },
  2031: { springFestival: '2031-01-23', qingming: '2031-04-05', dragonBoat: '2031-06-24', midAutumn: '2031-10-01' },
  2032: { springFestival: '2032-02-11', qingming: '2032-04-04', dragonBoat: '2032-06-12', midAutumn: '2032-09-19' },
  2033: { springFestival: '2033-01-31', qingming: '2033-04-04', dragonBoat: '2033-06-01', midAutumn: '2033-09-08' },
  2034: { springFestival: '2034-02-19', qingming: '2034-04-05', dragonBoat: '2034-06-20', midAutumn: '2034-09-27' },
  2035: { springFestival: '2035-02-08', qingming: '2035-04-05', dragonBoat: '2035-06-10', midAutumn: '2035-09-16' },
  2036: { springFestival: '2036-01-28', qingming: '2036-04-04', dragonBoat: '2036-05-30', midAutumn: '2036-10-04' },
  2037: { springFestival: '2037-02-15', qingming: '2037-04-04', dragonBoat: '2037-06-18', midAutumn: '2037-09-24' },
  2038: { springFestival: '2038-02-04', qingming: '2038-04-05', dragonBoat: '2038-06-07', midAutumn: '2038-09-13' },
  2039: { springFestival: '2039-01-24', qingming: '2039-04-05', dragonBoat: '2039-05-27', midAutumn: '2039-10-02' },
  2040: { springFestival: '2040-02-12', qingming: '2040-04-04', dragonBoat: '2040-06-14', midAutumn: '2040-09-20' },
};

const cache = new Map<number, ReadonlyMap<string, string>>();

/**
 * Date → festival name of the statutory holidays of a year (放假办法 第二条). The lunar festivals
 * are known for 2027–2040; outside that range only the fixed-date ones are given.
 */
export function statutoryHolidays(year: number): ReadonlyMap<string, string> {
  const hit = cache.get(year);
  if (hit) return hit;
  const y = String(year).padStart(4, '0');
  const days = new Map<string, string>([
    [`${y}-01-01`, '元旦'],
    [`${y}-05-01`, '劳动节'],
    [`${y}-05-02`, '劳动节'],
    [`${y}-10-01`, '国庆节'],
    [`${y}-10-02`, '国庆节'],
    [`${y}-10-03`, '国庆节'],
  ]);
  const lunar = LUNAR[year];
  if (lunar) {
    // 除夕 is the day before 正月初一, whether the twelfth month has 29 or 30 days.
    for (let i = -1; i <= 2; i++) days.set(addDays(lunar.springFestival, i), '春节');
    days.set(lunar.qingming, '清明节');
    days.set(lunar.dragonBoat, '端午节');
    days.set(lunar.midAutumn, '中秋节');
  }
  cache.set(year, days);
  return days;
}

/** Whether the lunar festivals of a year are known (so its statutory holidays are complete). */
export function statutoryHolidaysComplete(year: number): boolean {
  return LUNAR[year] !== undefined;
}
