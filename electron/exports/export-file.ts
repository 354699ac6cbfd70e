/**
 * The one place that names and places an exported file: <dataDir>/exports/<name>-<HHmm>.<ext>, the
 * time in Beijing time as the officer reads the clock on the wall (值班日志-2026年11月30日-0959.xlsx),
 * and a -2, -3 … suffix so a file is never overwritten.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportedFile } from '../../shared/ipc/exported-file';
import { shanghaiTime } from '../../shared/time';

/** Characters no file system accepts, and whitespace, become '-'; an empty name becomes 导出. */
export const safeFileName = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 80) || '导出';

export const exportsFolder = (dataDir: string): string => join(dataDir, 'exports');

/** Where a new export goes: a name not yet taken in the exports folder (created if missing). */
export function exportTarget(
  dataDir: string,
  now: Date,
  baseName: string,
  ext: string,
): { fileName: string; path: string } {
  const dir = exportsFolder(dataDir);
  mkdirSync(dir, { recursive: true });
  const stem = `${safeFileName(baseName)}-${shanghaiTime(now.getTime()).replace(':', '')}`;
  let fileName = `${stem}.${ext}`;
  for (let n = 2; existsSync(join(dir, fileName)); n++) fileName = `${stem}-${n}.${ext}`;
  return { fileName, path: join(dir, fileName) };
}

/** Writes an export's bytes to a new name in the exports folder: the one writer every export goes through. */
export function writeExportFile(
  dataDir: string,
  now: Date,
  baseName: string,
  ext: string,
  bytes: Buffer,
  mime: string,
  count: number,
): ExportedFile {
  const { fileName, path } = exportTarget(dataDir, now, baseName, ext);
  writeFileSync(path, bytes);
  return { fileName, path, mime, bytes: bytes.length, count, contentBase64: bytes.toString('base64') };
}
