/** What the duty services share: the shift settings, the officer on duty, and files in the exports folder. */
import type { ExportedFile } from '../../../shared/ipc/channels/duty';
import { DomainError } from '../../../shared/ipc/result';
import { checkShiftConfig, type ShiftConfig } from '../../../shared/schedule/index';
import { writeExportFile } from '../../exports/export-file';
import type { FeatureContext } from '../feature-context';
import { messageOf } from '../../../shared/errors';

export { NO_DUTY_MESSAGE, officerOf, refuse } from '../officer';

/** Shift start and length from the settings (the gazette fixes neither; 朔政办发〔2021〕40号 2.2 asks only for round-the-clock duty). */
export function shiftConfig(ctx: FeatureContext): ShiftConfig {
  const s = ctx.settings.get();
  const config = { startTime: s.shiftStart, hours: s.shiftHours };
  try {
    checkShiftConfig(config);
  } catch (err) {
    throw new DomainError('invalid_input', `设置中的交接班时间或班次时长有误：${messageOf(err)}`);
  }
  return config;
}

/** Writes an export into <dataDir>/exports under a name that never overwrites an earlier file. */
export function writeExport(
  ctx: FeatureContext,
  baseName: string,
  ext: string,
  bytes: Buffer,
  mime: string,
  count: number,
): ExportedFile {
  return writeExportFile(ctx.dataDir, ctx.now(), baseName, ext, bytes, mime, count);
}
