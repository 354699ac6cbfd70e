/** Browser-side helpers: the main process writes every file; these only move bytes and track progress. */
import type { ExportedFile } from '../../../../shared/ipc/channels/data';
import { call } from '../../api/api';
import { offerDownload } from '../../lib/download';

export const newJobId = (): string => `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Runs an export while polling its progress (rows written of total) for the UI; the file is
 * offered for download when done.
 */
export async function runExport(
  start: (jobId: string) => Promise<ExportedFile>,
  onProgress: (percent: number | null) => void,
): Promise<ExportedFile> {
  const jobId = newJobId();
  onProgress(0);
  const timer = setInterval(() => {
    call('data:export-progress', { jobId }).then(
      (p) => {
        if (p && p.total > 0) onProgress(Math.min(99, Math.round((p.done / p.total) * 100)));
      },
      () => undefined,
    );
  }, 300);
  try {
    const f = await start(jobId);
    onProgress(100);
    offerDownload(f);
    return f;
  } finally {
    clearInterval(timer);
    setTimeout(() => onProgress(null), 800);
  }
}

/** bytes as 1.2 MB / 35 KB. */
export function fmtBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}
