/**
 * Channels of exports, backup and restore, full JSON export/import, and statistics. Add a channel:
 * its schema here and its result type in DataOutputs below.
 */
import { z } from 'zod';
import type { Stats } from '../../stats/index';
import type { ExportedFile, SavedFile } from '../exported-file';
import { instant } from '../schemas';

/** Formats an incident export may take. */
export const INCIDENT_EXPORT_FORMATS = ['xlsx', 'csv', 'docx', 'pdf', 'json'] as const;
export type IncidentExportFormat = (typeof INCIDENT_EXPORT_FORMATS)[number];

export const INCIDENT_EXPORT_FORMAT_LABELS: Readonly<Record<IncidentExportFormat, string>> = {
  xlsx: 'Excel（XLSX）',
  csv: 'CSV（WPS/Excel）',
  docx: 'Word（DOCX）',
  pdf: 'PDF',
  json: 'JSON',
};

/** Largest JSON import sent as text through the UI (the web host limits a request to 2 MB). */
export const MAX_IMPORT_TEXT = 1_900_000;

const id = z.number({ message: '编号应为数字' }).int().positive();
const format = z.enum(INCIDENT_EXPORT_FORMATS, { message: '导出格式应为 xlsx、csv、docx、pdf 或 json' });
/** Chosen by the renderer so it can ask how far a long export has got. */
const jobId = z
  .string({ message: '任务编号应为文本' })
  .regex(/^[A-Za-z0-9-]{1,64}$/, '任务编号无效')
  .optional();
/** A file inside the backups or exports folder: a bare name, never a path. */
const fileName = z
  .string({ message: '文件名应为文本' })
  .trim()
  .min(1, '请选择文件')
  .max(200, '文件名过长')
  .refine((s) => !/[\\/]|^\.\.?$/.test(s), '文件名不能包含路径');

const range = z
  .object({
    from: instant.optional(),
    to: instant.optional(),
    /** Drills (演练) are left out unless asked for. */
    includeDrills: z.boolean({ message: 'includeDrills 应为是或否' }).default(false),
  })
  .refine((v) => !v.from || !v.to || Date.parse(v.from) <= Date.parse(v.to), {
    path: ['to'],
    message: '结束时间不能早于开始时间',
  });

export type { ExportedFile, SavedFile };

export interface ExportProgress {
  done: number;
  total: number;
  finished: boolean;
}

export type BackupKind = 'manual' | 'scheduled' | 'safety';

export const BACKUP_KIND_LABELS: Readonly<Record<BackupKind, string>> = {
  manual: '手动备份',
  scheduled: '定时备份',
  safety: '恢复前安全副本',
};

export interface BackupInfo {
  fileName: string;
  path: string;
  kind: BackupKind;
  createdAt: string;
  bytes: number;
}

export interface BackupState {
  backups: BackupInfo[];
  /** Settings backupKeep: manual and scheduled backups beyond this many are removed, oldest first. */
  keep: number;
  intervalHours: number;
  lastBackupAt: string | null;
  nextBackupAt: string | null;
  folder: string;
}

export interface RestoreResult {
  restoredFrom: string;
  /** Copy of the data as it was just before the restore. */
  safetyCopy: string;
  schemaVersion: number;
  incidents: number;
}

export interface ImportResult {
  /** Rows written per table. */
  tables: Record<string, number>;
  schemaVersion: number;
}

export interface StatsView {
  stats: Stats;
  from: string | null;
  to: string | null;
  includeDrills: boolean;
  generatedAt: string;
}

export const dataChannels = {
  /** Incidents received in a date range, as one table (with their reporting clocks). */
  'data:export-incidents': range.and(z.object({ format, jobId })),
  /** One incident in full: particulars, clocks and its whole timeline. */
  'data:export-incident': z.object({ id, format, jobId }),
  'data:export-progress': z.object({ jobId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, '任务编号无效') }),
  'data:stats': range,
  /** The statistics as tables (XLSX by default) for printing or filing. */
  'data:export-stats': range.and(z.object({ format: format.default('xlsx'), jobId })),
  'data:backups': z.object({}).strict().default({}),
  'data:backup-now': z.object({}).strict().default({}),
  /** Restores a backup from the backups folder after checking it; the current data is copied first. */
  'data:restore': z.object({ fileName }),
  /** Everything in the database and the settings, as one JSON file written into the exports folder. */
  'data:export-all': z.object({}).strict().default({}),
  /** Re-imports a full JSON export into an empty install: text sent by the UI, or a file in the exports folder. */
  'data:import-all': z.union(
    [
      z.object({
        content: z.string().min(2, '文件为空').max(MAX_IMPORT_TEXT, '文件过大，请把文件放入导出文件夹后按文件名导入'),
      }),
      z.object({ fileName }),
    ],
    { message: '请提供导入文件的内容或文件名' },
  ),
} as const;

export interface DataOutputs {
  'data:export-incidents': ExportedFile;
  'data:export-incident': ExportedFile;
  'data:export-progress': ExportProgress | null;
  'data:stats': StatsView;
  'data:export-stats': ExportedFile;
  'data:backups': BackupState;
  'data:backup-now': BackupInfo;
  'data:restore': RestoreResult;
  'data:export-all': SavedFile;
  'data:import-all': ImportResult;
}
