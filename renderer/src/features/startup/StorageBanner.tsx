import { useEffect, useState } from 'react';
import type { StorageStatus } from '../../../../shared/ipc/channels/startup';
import { api, call, RECONNECTED } from '../../api/api';
import { CriticalBanner } from '../../components/CriticalBanner';

/** Also asked on a timer: a folder can vanish while nobody writes, and the check is one stat. */
const POLL_MS = 30_000;

/**
 * An alarm-level banner while the data folder is gone or unwritable, or the whole-file check after
 * start found the database damaged (every write is then refused), or after a write failed on a
 * full disk, a read-only file or an I/O error (until one succeeds): the officer must know before
 * typing a report that cannot be saved.
 */
export function StorageBanner() {
  const [status, setStatus] = useState<StorageStatus | null>(null);

  useEffect(() => {
    const load = () => call('storage:status', {}).then(setStatus, () => undefined);
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    const off = api.on('data:changed', (p) => {
      // a data:changed push of any shape; only what is compared
      const what = (p as { what?: string } | null)?.what;
      if (what === 'storage' || what === RECONNECTED) void load();
    });
    return () => {
      clearInterval(timer);
      off();
    };
  }, []);

  if (!status || status.ok) return null;
  return (
    <CriticalBanner
      testId="storage-banner"
      title={
        <strong>
          {status.cause === 'lost'
            ? '数据文件夹不可用：新的记录不会被保存'
            : status.cause === 'corrupt'
              ? '数据库文件已损坏：新的记录不会被保存'
              : '最近一次保存失败：记录没有保存'}
        </strong>
      }
      description={`${status.problem ?? ''} 在管理员处理好之前，新的接报请先记在纸质值班记录上。`}
    />
  );
}
