/** Export formats (XLSX, CSV, DOCX, JSON) over one table shape, and the builders that fill it. */
import { toCsv } from './csv';
import { toDocx } from './docx';
import { toJson } from './json';
import { toXlsx } from './xlsx';
import type { ExportTable, ProgressFn } from './types';

export * from './types';
export { toCsv, csvField } from './csv';
export { toDocx, type DocxOptions } from './docx';
export { toJson } from './json';
export { toXlsx, sheetNameFor, type XlsxOptions } from './xlsx';
export { dutyLogTables, dutyLogRangeTables, scheduleTables, statsTables } from './tables';

export const EXPORT_FORMATS = ['xlsx', 'csv', 'docx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MIME: Readonly<Record<ExportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json',
};

/** One entry point for the IPC layer: the tables in the chosen format. JSON carries the tables. */
export async function exportTables(
  format: ExportFormat,
  tables: ExportTable[],
  options: {
    title: string;
    subtitle?: string;
    orientation?: 'portrait' | 'landscape';
    onProgress?: ProgressFn;
    asOf?: Date;
  },
): Promise<Buffer> {
  switch (format) {
    case 'xlsx':
      return toXlsx(tables, {
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.asOf ? { asOf: options.asOf } : {}),
      });
    case 'csv':
      return toCsv(tables);
    case 'docx':
      return toDocx(tables, options);
    case 'json':
      return toJson({ title: options.title, ...(options.subtitle ? { subtitle: options.subtitle } : {}), tables });
    default:
      throw new Error(`format 无效：${String(format)}（应为 ${EXPORT_FORMATS.join('、')}）`);
  }
}
