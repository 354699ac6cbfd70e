/**
 * The data feature: exports of incidents and statistics into <dataDir>/exports, backups into
 * <dataDir>/backups on demand and on a timer, restore, full JSON export/import, statistics.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncidentDetail, IncidentSummary } from '../../../shared/domain/incident-view';
import type { ChannelArgs } from '../../../shared/ipc/contract';
import type {
  BackupInfo,
  BackupKind,
  BackupState,
  ExportProgress,
  ExportedFile,
  ImportResult,
  IncidentExportFormat,
  RestoreResult,
  SavedFile,
  StatsView,
} from '../../../shared/ipc/channels/data';
import { DomainError } from '../../../shared/ipc/result';
import { chineseDate, shanghaiDate } from '../../../shared/time';
import { exportTarget, exportsFolder, writeExportFile } from '../../exports/export-file';
import { EXPORT_MIME, exportTables, statsTables, toJson, type ExportTable, type ProgressFn } from '../../exports/index';
import type { Queryable } from '../../db/connection';
import { countRows } from '../../db/data-repository';
import { rangeStats } from './stats';
import { listDutySessions } from '../../db/duty-repository';
import type { FeatureContext } from '../feature-context';
import { BACKUP_DIR, backupDatabase, listBackups, pruneBackups, restoreInto } from './backups';
import { writeFullExport } from './full-export';
import { fileSource, importFullExport, textSource, type ImportSource } from './full-import';
import { incidentDetailTables, incidentRangeTables, tablesHtml } from './incident-tables';
import { NO_DUTY_MESSAGE } from '../officer';

const HOUR = 3_600_000;

/** Prints HTML (fonts under FONT_BASE_URL) to PDF; Electron may pass webContents.printToPDF instead. */
/** Renders an HTML document (made for a given font base URL) to PDF bytes. */
export type PdfRenderer = (render: (fontBaseUrl: string) => string) => Promise<Buffer>;

export interface DataServiceOptions {
  /** Hours between scheduled backups (default 24); 0 turns the timer off. */
  backupIntervalHours?: number;
  pdf?: PdfRenderer;
  /** Reports a failed scheduled backup (default: console.error). */
  log?: (message: string, err: unknown) => void;
}

type Range = { from?: string | undefined; to?: string | undefined; includeDrills: boolean };

export class DataService {
  private readonly progress = new Map<string, ExportProgress>();
  private timer: NodeJS.Timeout | null = null;
  private nextAt: Date | null = null;
  private readonly intervalHours: number;
  private readonly pdf: PdfRenderer;
  private readonly log: (message: string, err: unknown) => void;

  constructor(
    private readonly ctx: FeatureContext,
    opts: DataServiceOptions = {},
  ) {
    this.intervalHours = opts.backupIntervalHours ?? 24;
    if (!(this.intervalHours >= 0))
      throw new Error(`backupIntervalHours 应为非负数：${String(opts.backupIntervalHours)}`);
    this.pdf = opts.pdf ?? ((render) => ctx.printer.htmlToPdf(render));
    this.log = opts.log ?? ((m, e) => console.error(m, e));
  }

  get backupDir(): string {
    return join(this.ctx.dataDir, BACKUP_DIR);
  }

  get exportDir(): string {
    return exportsFolder(this.ctx.dataDir);
  }

  // ---- backups ----

  /** Backs up now through the online API, then prunes to settings backupKeep. */
  async backup(kind: Exclude<BackupKind, 'safety'> = 'manual'): Promise<BackupInfo> {
    const path = await backupDatabase(this.ctx.db, this.backupDir, kind, this.ctx.now());
    pruneBackups(this.backupDir, this.ctx.settings.get().backupKeep, this.ctx.db.engine);
    const info = listBackups(this.backupDir, this.ctx.db.engine).find((b) => b.path === path);
    if (!info) throw new Error(`备份文件未找到：${path}`);
    this.ctx.changed('backups');
    return info;
  }

  state(): BackupState {
    const backups = listBackups(this.backupDir, this.ctx.db.engine);
    return {
      backups,
      keep: this.ctx.settings.get().backupKeep,
      intervalHours: this.intervalHours,
      lastBackupAt: backups.find((b) => b.kind !== 'safety')?.createdAt ?? null,
      nextBackupAt: this.nextAt?.toISOString() ?? null,
      folder: this.backupDir,
    };
  }

  /**
   * Starts the backup timer: the first run is due one interval after the newest backup (at once if
   * that is past; ten minutes after start on an install without one). The timer never keeps the
   * process alive; stopSchedule() ends it.
   */
  startSchedule(): void {
    this.stopSchedule();
    if (this.intervalHours === 0) return;
    const last = this.state().lastBackupAt;
    const now = this.ctx.now().getTime();
    const due = last ? Date.parse(last) + this.intervalHours * HOUR : now + 10 * 60_000;
    this.arm(Math.max(due - now, 5_000));
  }

  private arm(delay: number): void {
    this.nextAt = new Date(this.ctx.now().getTime() + delay);
    this.timer = setTimeout(() => {
      this.timer = null;
      // A lost data folder is reported (banner, refused writes) and checked again next time, not skipped silently.
      if (!this.ctx.db.storageStatus().ok) {
        this.arm(this.intervalHours * HOUR);
        return;
      }
      this.backup('scheduled')
        .catch((err: unknown) => this.log('[data] 定时备份失败', err))
        .finally(() => {
          if (this.nextAt) this.arm(this.intervalHours * HOUR);
        });
    }, delay);
    this.timer.unref();
  }

  stopSchedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
  }

  /** Restores a backup from the backups folder (checked first; the current data is kept as a safety copy). */
  /** A restore is asked for by an officer on duty (read in the handler's transaction). */
  async mayRestore(q: Queryable): Promise<void> {
    const duty = await this.ctx.incidents.getDuty(q);
    if (!duty) throw new DomainError('forbidden', NO_DUTY_MESSAGE);
  }

  /**
   * Replaces the whole database with a backup: restoreInto is its own unit of work (a safety copy,
   * then the replacement), so no caller's transaction is open. The handler counts what came back.
   */
  async restore(fileName: string): Promise<Omit<RestoreResult, 'incidents'>> {
    const backup = listBackups(this.backupDir, this.ctx.db.engine).find((b) => b.fileName === fileName);
    if (!backup) throw new DomainError('not_found', `备份文件不存在：${fileName}`);
    const { safetyCopy, schemaVersion } = await restoreInto(this.ctx.db, backup.path, this.backupDir, this.ctx.now());
    return { restoredFrom: backup.fileName, safetyCopy, schemaVersion };
  }

  incidentCount(q: Queryable): Promise<number> {
    return countRows(q, 'incidents');
  }

  // ---- full export / import ----

  /**
   * Everything, streamed row by row into the exports folder: memory stays bounded whatever the
   * size of the history, so the file's name is returned, not its content.
   */
  async exportAll(): Promise<SavedFile> {
    const { fileName, path } = this.target(`完整数据-${this.day()}.json`);
    const { bytes, count } = await writeFullExport(this.ctx.db, this.ctx.settings.get(), this.ctx.now(), path);
    return { fileName, path, mime: 'application/json', bytes, count };
  }

  /**
   * A full export into this (empty) install, streamed from the exports folder row by row in one
   * transaction (full-import.ts); text sent from the page goes through the same reader and checks.
   */
  async importAll(input: ChannelArgs<'data:import-all'>): Promise<ImportResult> {
    let source: ImportSource;
    if ('content' in input) source = textSource(input.content);
    else {
      const path = join(this.exportDir, input.fileName);
      if (
        !(await stat(path).then(
          (st) => st.isFile(),
          () => false,
        ))
      )
        throw new DomainError('not_found', `导出文件夹中没有该文件：${input.fileName}`);
      source = fileSource(path);
    }
    const chain = this.ctx.integrity;
    const { result, settings } = await importFullExport(this.ctx.db, source, {
      // The record chain seals the imported rows step by step inside the transaction (bounded memory).
      ...(chain ? { checkpoint: (q: Queryable) => chain.seal(q) } : {}),
    });
    const patch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(settings)) if (k in this.ctx.settings.get()) patch[k] = v;
    this.ctx.settings.set(patch);
    this.ctx.changed('import');
    return result;
  }

  // ---- statistics ----

  /** Incidents received in the range (inclusive), drills kept for the caller to include or not. */
  async incidentsIn(q: Queryable, r: Range): Promise<IncidentSummary[]> {
    return this.ctx.incidents.list(q, {
      drills: r.includeDrills ? 'include' : 'exclude',
      ...(r.from ? { from: r.from } : {}),
      ...(r.to ? { to: r.to } : {}),
    });
  }

  async stats(q: Queryable, r: Range): Promise<StatsView> {
    // Counted in SQL over the stored derivations (stats.ts); level, plan and clocks are the rules'.
    const now = this.ctx.now();
    const stats = await rangeStats(q, this.ctx.incidents, await listDutySessions(q), r, now);
    return {
      stats,
      from: r.from ?? null,
      to: r.to ?? null,
      includeDrills: r.includeDrills,
      generatedAt: now.toISOString(),
    };
  }

  // ---- exports ----

  getProgress(jobId: string): ExportProgress | null {
    return this.progress.get(jobId) ?? null;
  }

  private tracker(jobId: string | undefined): ProgressFn {
    if (!jobId) return () => undefined;
    this.progress.set(jobId, { done: 0, total: 0, finished: false });
    // Keep the last few jobs only; the renderer polls while its export runs.
    while (this.progress.size > 20) this.progress.delete(this.progress.keys().next().value as string);
    return (done, total) => this.progress.set(jobId, { done, total, finished: false });
  }

  private finish(jobId: string | undefined): void {
    if (!jobId) return;
    const p = this.progress.get(jobId);
    this.progress.set(jobId, { done: p?.total ?? 0, total: p?.total ?? 0, finished: true });
  }

  private rangeLabel(r: Range): string {
    const from = r.from ? shanghaiDate(Date.parse(r.from)) : '最早';
    const to = r.to ? shanghaiDate(Date.parse(r.to)) : '最近';
    return `${from}至${to}${r.includeDrills ? '（含演练）' : ''}`;
  }

  /** Today in Beijing time as the officer reads it (统计-2026年11月30日-0959.xlsx, with the writer's HHmm). */
  private day(): string {
    return chineseDate(shanghaiDate(this.ctx.now().getTime()));
  }

  // Exports write what the handler read (incidentsIn, an incident, stats): no transaction is held
  // while a file is built.

  async exportIncidents(a: ChannelArgs<'data:export-incidents'>, list: IncidentSummary[]): Promise<ExportedFile> {
    const label = this.rangeLabel(a);
    const title = '突发事件接报情况';
    if (a.format === 'json') {
      return this.write(
        `${title}-${this.day()}.json`,
        EXPORT_MIME.json,
        toJson({ title, range: label, incidents: list }),
        list.length,
      );
    }
    const tables = incidentRangeTables(list, label, this.ctx.now());
    return this.writeTables(a.format, tables, title, label, `${title}-${this.day()}`, list.length, a.jobId);
  }

  async exportIncident(a: ChannelArgs<'data:export-incident'>, d: IncidentDetail): Promise<ExportedFile> {
    const name = `事件-${d.serial}-${this.day()}`;
    if (a.format === 'json') return this.write(`${name}.json`, EXPORT_MIME.json, toJson(d), d.timeline.length);
    const tables = incidentDetailTables(d, this.ctx.now());
    return this.writeTables(a.format, tables, d.title, d.serial, name, d.timeline.length, a.jobId);
  }

  async exportStats(a: ChannelArgs<'data:export-stats'>, view: StatsView): Promise<ExportedFile> {
    const label = this.rangeLabel(a);
    if (a.format === 'json')
      return this.write(`统计-${this.day()}.json`, EXPORT_MIME.json, toJson(view), view.stats.incidentCount);
    return this.writeTables(
      a.format,
      statsTables(view.stats, label),
      '突发事件统计',
      label,
      `统计-${this.day()}`,
      view.stats.incidentCount,
      a.jobId,
    );
  }

  private async writeTables(
    format: Exclude<IncidentExportFormat, 'json'>,
    tables: ExportTable[],
    title: string,
    subtitle: string,
    baseName: string,
    count: number,
    jobId: string | undefined,
  ): Promise<ExportedFile> {
    const onProgress = this.tracker(jobId);
    try {
      let data: Buffer;
      let mime: string;
      if (format === 'pdf') {
        onProgress(0, 1);
        data = await this.pdf((fontBaseUrl) => tablesHtml(tables, title, fontBaseUrl));
        mime = 'application/pdf';
      } else {
        // As of the service's own clock, the same instant the file name carries.
        data = await exportTables(format, tables, { title, subtitle, onProgress, asOf: this.ctx.now() });
        mime = EXPORT_MIME[format];
      }
      return this.write(`${baseName}.${format}`, mime, data, count);
    } finally {
      this.finish(jobId);
    }
  }

  /** The file an export is written to: in the exports folder, its name stamped with the time (never overwriting). */
  private target(fileName: string): { fileName: string; path: string } {
    const dot = fileName.lastIndexOf('.');
    return exportTarget(this.ctx.dataDir, this.ctx.now(), fileName.slice(0, dot), fileName.slice(dot + 1));
  }

  private write(fileName: string, mime: string, data: Buffer, count: number): ExportedFile {
    const dot = fileName.lastIndexOf('.');
    return writeExportFile(
      this.ctx.dataDir,
      this.ctx.now(),
      fileName.slice(0, dot),
      fileName.slice(dot + 1),
      data,
      mime,
      count,
    );
  }
}
