import dayjs, { type Dayjs } from 'dayjs';
import { instantOf } from '../../lib/beijing-fields';

/** Drops empty fact inputs so "not entered" stays absent rather than 0 or false. */
export function cleanFacts(facts: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    // A cleared checkbox means "not so"; only sourceRecovered is meaningful when false.
    if (v === false && k !== 'sourceRecovered') continue;
    out[k] = dayjs.isDayjs(v) ? instantOf(v) : v;
  }
  return out;
}

/** A date-time field's value as the instant it names (Beijing time, lib/beijing-fields). */
export const iso = (d: Dayjs | null | undefined): string | undefined => (d ? instantOf(d) : undefined);
