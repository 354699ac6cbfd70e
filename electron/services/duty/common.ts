/** What the duty services share: the shift settings, the officer on duty, and files in the exports folder. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportedFile } from '../../../shared/ipc/channels/duty';
import { DomainError } from '../../../shared/ipc/result';
import { checkShiftConfig, type ShiftConfig } from '../../../shared/schedule/index';
import { shanghaiTime } from '../../../shared/time';
import type { FeatureContext } from '../feature-context';

export { NO_DUTY_MESSAGE, officerOf, refuse } from '../officer';

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

const safeName = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 80) || '导出';

export const exportsDir = (ctx: FeatureContext): string => join(ctx.dataDir, 'exports');

/** Writes an export into <dataDir>/exports under a name that never overwrites an earlier file. */
export function writeExport(
  ctx: FeatureContext,
  baseName: string,
  ext: string,
  bytes: Buffer,
  mime: string,
  rows: number,
): ExportedFile {
  const dir = exportsDir(ctx);
  mkdirSync(dir, { recursive: true });
  // Beijing time, as the officer reads the clock on the wall: 值班日志-2026年11月30日-0959.xlsx.
  const stamp = shanghaiTime(ctx.now().getTime()).replace(':', '');
  let fileName = `${safeName(baseName)}-${stamp}.${ext}`;
  for (let n = 2; existsSync(join(dir, fileName)); n++) fileName = `${safeName(baseName)}-${stamp}-${n}.${ext}`;
  const path = join(dir, fileName);
  writeFileSync(path, bytes);
  return { path, fileName, mime, bytes: bytes.length, rows, base64: bytes.toString('base64') };
}
