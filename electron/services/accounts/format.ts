import { shanghaiDateTime } from '../../../shared/time';

/** An instant as the officer reads it, in Beijing time. */
export const fmtStamp = (iso: string): string => shanghaiDateTime(Date.parse(iso));
