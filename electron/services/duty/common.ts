/** What the duty services share: the shift settings, the officer on duty, and files in the exports folder. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Officer } from '../../../shared/domain/incident';
import type { ExportedFile } from '../../../shared/ipc/channels/duty';
import { DomainError } from '../../../shared/ipc/result';
import { checkShiftConfig, type ShiftConfig } from '../../../shared/schedule/index';
import type { Queryable } from '../../db/connection';
import { currentDutySession } from '../../db/incident-repository';
import type { FeatureContext } from '../feature-context';

export const NO_DUTY_MESSAGE = '请先登记当前值班人员（带班领导、值班员），再进行记录。';

/** Shift start and length from the settings (the gazette fixes neither; 朔政办发〔2021〕40号 2.2 asks only for round-the-clock duty). */
export function shiftConfig(ctx: FeatureContext): ShiftConfig {
  const s = ctx.settings.get();
  const config = { startTime: s.shiftStart, hours: s.shiftHours };
  try {
    checkShiftConfig(config);
  } catch (err) {
    throw new DomainError('invalid_input', `设置中的交接班时间或班次时长有误：${(err as Error).message}`);
  }
  return config;
}

/** The officers on duty inside a write transaction; refuses the write when nobody is registered. */
export async function officerOf(q: Queryable): Promise<Officer> {
  const duty = await currentDutySession(q);
  if (!duty) throw new DomainError('forbidden', NO_DUTY_MESSAGE);
  return duty;
}

/** Turns a plain Error from the pure code (bad input it names) into a refusal the UI shows. */
export function refuse<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('invalid_input', (err as Error).message);
  }
}

const safeName = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 80) || '导出';

export const exportsDir = (ctx: FeatureContext): string => join(ctx.dataDir, 'exports');

/** Writes an export into <dataDir>/exports under a name that never overwrites an earlier file. */
export function writeExport(ctx: FeatureContext, baseName: string, ext: string, bytes: Buffer, mime: string, rows: number): ExportedFile {
  const dir = exportsDir(ctx);
  mkdirSync(dir, { recursive: true });
  const stamp = ctx.now().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  let fileName = `${safeName(baseName)}-${stamp}.${ext}`;
  for (let n = 2; existsSync(join(dir, fileName)); n++) fileName = `${safeName(baseName)}-${stamp}-${n}.${ext}`;
  const path = join(dir, fileName);
  writeFileSync(path, bytes);
  return { path, fileName, mime, bytes: bytes.length, rows, base64: bytes.toString('base64') };
}
