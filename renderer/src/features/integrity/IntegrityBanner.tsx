import { Button } from 'antd';
import { useEffect, useState } from 'react';
import type { IntegrityStatus } from '../../../../shared/ipc/channels/integrity';
import { api, call, RECONNECTED } from '../../api/api';
import { CriticalBanner } from '../../components/CriticalBanner';

/** Asked again now and then: the services verify in the background and say when they are done. */
const POLL_MS = 60_000;
/** Findings listed in the banner; the count says how many there are in all. */
const SHOWN = 5;

/**
 * An alarm-level banner while the record chain does not match the records (issue 18; GB/T
 * 22239-2019 8.1.4.3, 8.1.4.7): where it broke, in plain Chinese, for every logged-in user.
 */
export function IntegrityBanner() {
  const [status, setStatus] = useState<IntegrityStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const load = () => call('integrity:status', {}).then(setStatus, () => undefined);
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    const off = api.on('data:changed', (p) => {
      // a data:changed push of any shape; only what is compared
      const what = (p as { what?: string } | null)?.what;
      if (what === 'integrity' || what === RECONNECTED) void load();
    });
    return () => {
      clearInterval(timer);
      off();
    };
  }, []);

  const verify = async () => {
    setBusy(true);
    try {
      setStatus(await call('integrity:verify', {}));
    } catch {
      // A refusal (a seat without the role) leaves the banner as it was.
    } finally {
      setBusy(false);
    }
  };

  if (status?.state !== 'broken') return null;
  const more = status.findingCount - Math.min(status.findings.length, SHOWN);
  return (
    <CriticalBanner
      testId="integrity-banner"
      title={<strong>记录链核验未通过：有记录在值班台之外被改动、删除或插入（{status.findingCount} 处）</strong>}
      description={
        <div>
          <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
            {status.findings.slice(0, SHOWN).map((f) => (
              <li key={`${f.table}:${f.rowId}:${f.message}`} data-testid="integrity-finding">
                {f.message}
              </li>
            ))}
          </ul>
          {more > 0 && <div>另有 {more} 处。</div>}
          <div>请勿继续依赖这些记录，立即报告带班领导和系统管理员，并用备份核对。</div>
        </div>
      }
      action={
        <Button size="small" danger loading={busy} onClick={() => void verify()} data-testid="integrity-verify">
          重新核验
        </Button>
      }
    />
  );
}
