/**
 * Validation of roster rows read from an XLSX or CSV file. Pure: it reports what would be imported
 * and every problem per row; nothing is stored until the officer confirms the preview.
 */

import { splitPhones, validatePhone, type PhoneType } from './phone';
import { SEED_ROSTERS } from './seed/index';
import { findUnitByName, normalizeUnitName } from './seed/units';

/** Column headers of the import/export file, in file order. */
export const ROSTER_COLUMNS = ['指挥部', '单位', '姓名', '职务', '办公电话', '手机', '红机', '传真', '备注'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
/** One row of a roster file, keyed by Chinese header. */
export type RosterRow = Partial<Record<RosterColumn, string>>;

const REQUIRED: readonly RosterColumn[] = ['单位', '姓名'];

export interface ParsedRow {
  /** Spreadsheet row number: the header is row 1, the first data row is row 2. */
  row: number;
  rosterId?: string;
  unit: string;
  /** Registry id when the unit is one the gazette names (or an alias of it). */
  unitId?: string;
  name: string;
  title?: string;
  officePhones: string[];
  mobiles: string[];
  redPhones: string[];
  faxes: string[];
  note?: string;
}

export interface ImportError {
  row: number;
  field: string;
  message: string;
}

export interface ImportResult {
  valid: ParsedRow[];
  errors: ImportError[];
}

export interface ImportOptions {
  /** Rosters a row may name in 指挥部, by id or name; defaults to the seed rosters. */
  rosters?: readonly { id: string; name: string }[];
}

type PhoneKey = 'officePhones' | 'mobiles' | 'redPhones' | 'faxes';
const PHONE_COLUMNS: readonly [RosterColumn, PhoneType | undefined, PhoneKey][] = [
  // An office line may be a mobile in small units, so either form is accepted there.
  ['办公电话', undefined, 'officePhones'],
  ['手机', '手机', 'mobiles'],
  ['红机', '红机', 'redPhones'],
  ['传真', '固话', 'faxes'],
];

const MAX_TEXT = 200;

/**
 * Checks rows read from a roster file against the units the roster knows. Returns the rows that
 * can be imported and, for every other row, each field that is wrong with a Chinese message.
 */
export function validateImportRows(
  rows: readonly Record<string, string>[],
  knownUnits: readonly string[],
  options: ImportOptions = {},
): ImportResult {
  // Typed as unknown so the checks stay for a caller that passes something else.
  const givenRows: unknown = rows;
  const givenUnits: unknown = knownUnits;
  if (!Array.isArray(givenRows)) throw new Error('rows 必须是数组');
  if (!Array.isArray(givenUnits)) throw new Error('knownUnits 必须是单位名称数组');
  const errors: ImportError[] = [];
  const valid: ParsedRow[] = [];

  const cleaned = rows.map(cleanKeys);
  const headers = new Set(cleaned.flatMap((r) => Object.keys(r)));
  if (cleaned.length > 0) {
    const missing = REQUIRED.filter((c) => !headers.has(c));
    for (const c of missing) errors.push({ row: 1, field: c, message: `第1行（表头）缺少“${c}”列` });
    if (missing.length > 0) return { valid, errors };
  }

  const known = new Map<string, string>();
  for (const name of knownUnits) known.set(normalizeUnitName(name), name);
  const knownIds = new Set(knownUnits.map((n) => findUnitByName(n)?.id).filter((x): x is string => !!x));
  const rosters = options.rosters ?? SEED_ROSTERS.map((r) => ({ id: r.id, name: r.name }));
  const seen = new Map<string, number>();

  cleaned.forEach((raw, index) => {
    const row = index + 2;
    const cell = (c: RosterColumn) => (raw[c] ?? '').trim();
    if (ROSTER_COLUMNS.every((c) => cell(c) === '')) return;
    const rowErrors: ImportError[] = [];
    const fail = (field: RosterColumn, message: string) =>
      rowErrors.push({ row, field, message: `第${row}行：${message}` });

    for (const c of ROSTER_COLUMNS) {
      if (cell(c).length > MAX_TEXT) fail(c, `“${c}”过长（最多${MAX_TEXT}个字符）`);
    }

    const name = cell('姓名');
    if (name === '') fail('姓名', '姓名不能为空');

    const unit = cell('单位');
    let unitId: string | undefined;
    if (unit === '') {
      fail('单位', '单位不能为空');
    } else {
      const registry = findUnitByName(unit);
      const knownByName = known.has(normalizeUnitName(unit));
      if (!knownByName && !(registry && knownIds.has(registry.id))) {
        fail('单位', `未知单位“${unit}”（请先在通讯录中添加该单位，或检查名称是否与公报一致）`);
      }
      unitId = registry?.id;
    }

    let rosterId: string | undefined;
    const rosterCell = cell('指挥部');
    if (rosterCell !== '') {
      const r = rosters.find((x) => x.id === rosterCell || x.name === rosterCell || x.name === `朔州${rosterCell}`);
      if (r) rosterId = r.id;
      else fail('指挥部', `未知的指挥部或领导小组“${rosterCell}”`);
    }

    const parsed: ParsedRow = { row, unit, name, officePhones: [], mobiles: [], redPhones: [], faxes: [] };
    for (const [column, type, key] of PHONE_COLUMNS) {
      const list = parsed[key];
      for (const p of splitPhones(cell(column))) {
        const check = validatePhone(p, type);
        if (check.ok) list.push(check.normalized);
        else fail(column, `${column}：${check.message}`);
      }
    }

    if (name !== '' && unit !== '') {
      const key = `${rosterId ?? ''}|${normalizeUnitName(unit)}|${name}`;
      const first = seen.get(key);
      if (first !== undefined) fail('姓名', `与第${first}行重复（同一指挥部、单位、姓名）`);
      else seen.set(key, row);
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      return;
    }
    const title = cell('职务');
    const note = cell('备注');
    valid.push({
      ...parsed,
      ...(rosterId ? { rosterId } : {}),
      ...(unitId ? { unitId } : {}),
      ...(title ? { title } : {}),
      ...(note ? { note } : {}),
    });
  });

  return { valid, errors };
}

/** Trims header keys and drops a BOM a spreadsheet may leave on the first header. */
function cleanKeys(row: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  // A spreadsheet cell may hold a number or nothing, whatever the declared row type says.
  for (const [k, v] of Object.entries(row)) {
    out[k.replace(/^\uFEFF/, '').trim()] =
      typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  }
  return out;
}

/** A header row check for the file reader: which of the expected columns are absent. */
export function missingColumns(headers: readonly string[]): RosterColumn[] {
  const set = new Set(headers.map((h) => h.replace(/^\uFEFF/, '').trim()));
  return ROSTER_COLUMNS.filter((c) => !set.has(c));
}
