import type { ContactChange } from '../domain/roster';
import { chineseDateTime } from '../time';

/** An instant as stored (2026-11-30T12:57:42.133Z): shown in Beijing time, never as raw ISO text. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const shown = (value: string): string => {
  if (!value) return '（空）';
  return INSTANT.test(value) ? chineseDateTime(Date.parse(value)) : value;
};

/** One contact change as the history and the import preview read it: 手机：A → B. */
export function changeText(c: ContactChange): string {
  return `${c.field}：${shown(c.before)} → ${shown(c.after)}`;
}
