/**
 * Chinese phone numbers as officers type them into a roster. The gazette lists 红机电话 among the
 * emergency channels (朔政办发〔2021〕40号 1.6); a 红机 number is an internal short number with
 * no public format, so it is kept as free text.
 */

export type PhoneType = '手机' | '固话' | '红机';

export type PhoneCheck = { ok: true; type: PhoneType; normalized: string } | { ok: false; message: string };

const MOBILE = /^1[3-9]\d{9}$/;
/** Area code 0 + 2–3 digits (Shuozhou: 0349), local number 7–8 digits not starting with 0 or 1. */
const LANDLINE = /^(?:(0\d{2,3})-?)?([2-9]\d{6,7})(?:(?:-|转|ext\.?|#)(\d{1,6}))?$/i;

/** The default area code of Shuozhou, used when a landline is written without one. */
export const SHUOZHOU_AREA_CODE = '0349';

function compact(s: string): string {
  // Officers paste numbers with spaces, full-width digits and brackets around the area code.
  return s
    .normalize('NFKC')
    .trim()
    .replace(/[\s\u3000]+/g, '')
    .replace(/^\((0\d{2,3})\)/, '$1-')
    .replace(/—|－/g, '-');
}

/**
 * Checks one number. With `expected` = '红机' any non-empty text up to 20 characters is accepted;
 * with '手机' only a mobile number; with '固话' only a landline; without it, either.
 */
export function validatePhone(input: string, expected?: PhoneType): PhoneCheck {
  const raw = input;
  if (raw.trim() === '') return { ok: false, message: '号码为空' };
  if (expected === '红机') {
    const text = raw.trim();
    if (text.length > 20) return { ok: false, message: `红机号码过长（最多20个字符）：${text}` };
    return { ok: true, type: '红机', normalized: text };
  }
  let s = compact(raw);
  s = s.replace(/^(?:\+?86-?)(?=1[3-9]\d{9}$)/, '');
  const digitsOnly = s.replace(/-/g, '');
  if (MOBILE.test(digitsOnly) && expected !== '固话') {
    return { ok: true, type: '手机', normalized: digitsOnly };
  }
  const m = LANDLINE.exec(s);
  if (m && expected !== '手机') {
    const [, area, local, ext] = m;
    const normalized = `${area ?? SHUOZHOU_AREA_CODE}-${local}${ext ? `-${ext}` : ''}`;
    return { ok: true, type: '固话', normalized };
  }
  if (expected === '手机') return { ok: false, message: `手机号码格式不正确（应为1开头的11位数字）：${raw.trim()}` };
  if (expected === '固话') {
    return { ok: false, message: `固定电话格式不正确（应为区号-7至8位号码，如0349-2021234）：${raw.trim()}` };
  }
  return { ok: false, message: `电话号码格式不正确：${raw.trim()}` };
}

/** Splits a cell that holds several numbers (separated by ；;、，, or /) into single numbers. */
export function splitPhones(cell: string): string[] {
  return cell
    .split(/[；;、，,/]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Digits as a caller reads them out: a mobile, a landline with or without its area code, a service
 * or 红机 short number, with an extension. Looser than a roster's numbers (a caller's number is taken
 * down, not dialled from a directory): only letters, words and stray signs are refused.
 */
const SPOKEN_NUMBER = /^\+?\d[\d-]*(?:(?:转|#|ext\.?)\d{1,6})?$/i;

/**
 * What is wrong with the number(s) a caller gave (报告人联系电话), or null when each reads as a
 * number; several may be given, separated as in a roster cell. The text is kept as typed.
 */
export function phoneTextProblem(text: string, label = '联系电话'): string | null {
  const parts = splitPhones(text);
  for (const part of parts) {
    const spoken = compact(part);
    const digits = spoken.replace(/\D/g, '').length;
    if (validatePhone(part).ok || (SPOKEN_NUMBER.test(spoken) && digits >= 3 && digits <= 20)) continue;
    return `${label}格式不正确：${part}（应为手机号、固定电话如0349-2021234或短号，多个号码用、分隔）`;
  }
  return null;
}
