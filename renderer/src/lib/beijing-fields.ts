/**
 * Date-time fields hold Beijing wall-clock time, whatever zone the workstation is set to: the console
 * speaks 北京时间 (its header, every time it shows), so 14:05 typed into a field is 14:05 in Beijing.
 * antd's pickers build and read dayjs values in the browser's own zone; a field's value is therefore
 * a dayjs whose local fields are the Beijing ones, converted at the two edges below.
 */
import type { Dayjs } from 'dayjs';
import { dayjs, ZONE } from './format';

const WALL = 'YYYY-MM-DDTHH:mm:ss.SSS';

/** A stored instant as a field shows it: its Beijing date and time. */
export const fieldOf = (iso: string): Dayjs => dayjs(dayjs(iso).tz(ZONE).format(WALL));

/** Now, as a field shows it. */
export const nowField = (): Dayjs => fieldOf(new Date().toISOString());

/** The instant a field's date and time name in Beijing. */
export const instantOf = (field: Dayjs): string => dayjs.tz(field.format(WALL), ZONE).toISOString();

/** The first and last instant of the Beijing day a date field names. */
export const dayStartOf = (field: Dayjs): string =>
  dayjs.tz(field.format('YYYY-MM-DD'), ZONE).startOf('day').toISOString();
export const dayEndOf = (field: Dayjs): string => dayjs.tz(field.format('YYYY-MM-DD'), ZONE).endOf('day').toISOString();
