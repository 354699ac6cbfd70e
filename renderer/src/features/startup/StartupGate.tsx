import { Alert, App, Button, Descriptions, Result, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import type { StartupStatus } from '../../../../shared/ipc/channels/startup';
import { ApiError, call } from '../../api/api';
import { takeEarlyStartup } from './early-status';
import { fmtDateTime } from '../../lib/format';

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/**
 * Shows the console only when its data opened. When start-up found damage (an empty, truncated or
 * corrupt file, a lost file, a file from a newer version) it shows what is wrong instead and
 * offers the latest verified backup. When accounts exist, the administrator's password is asked
 * here before 'startup:restore-latest' is called.
 */
export function StartupGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<StartupStatus | 'loading' | 'unknown'>('loading');
  useEffect(() => {
    // Unknown (services unreachable): the app itself shows the connection banner. The first read
    // takes the answer asked for as the script started (early-status.ts).
    (takeEarlyStartup() ?? call('startup:status', {})).then(setStatus, () => setStatus('unknown'));
  }, []);
  if (status === 'loading') return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  if (status === 'unknown' || status.state === 'ready') return <>{children}</>;
  return <RecoveryScreen status={status} onReady={() => setStatus({ ...status, state: 'ready' })} />;
}

function RecoveryScreen({ status, onReady }: { status: StartupStatus; onReady: () => void }) {
  const { modal, message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const backup = status.latestBackup;

  const restore = () =>
    modal.confirm({
      title: '从最近的备份恢复？',
      content: `将用备份 ${backup?.fileName ?? ''}（${fmtDateTime(backup?.createdAt)}）恢复数据。备份之后登记的内容不在其中，需要按纸质记录补登。当前的数据库文件不会删除，会原样移到备份文件夹中保留。`,
      okText: '确认恢复',
      cancelText: '取消',
      onOk: async () => {
        setBusy(true);
        setError(null);
        try {
          const r = await call('startup:restore-latest', {});
          void message.success(`已从备份 ${r.restoredFrom} 恢复${r.keptAs ? `；原文件已保留为 ${r.keptAs}` : ''}`, 8);
          onReady();
        } catch (err) {
          setError(err instanceof ApiError ? err.message : String(err));
        } finally {
          setBusy(false);
        }
      },
    });

  return (
    <div style={{ maxWidth: 880, margin: '6vh auto', padding: 16 }} data-testid="startup-recovery">
      <Result
        status="error"
        title="值班台无法打开数据"
        subTitle="数据库没有被当作新安装打开，也没有做任何改动。"
        extra={
          backup && status.canRestore ? (
            <Button type="primary" danger loading={busy} onClick={() => void restore()} data-testid="restore-latest">
              从最近的备份恢复
            </Button>
          ) : null
        }
      />
      <Alert
        type="error"
        showIcon
        title="发现的问题"
        description={status.problem?.message}
        style={{ marginBottom: 16 }}
      />
      {error && (
        <Alert
          type="error"
          showIcon
          title="恢复失败"
          description={error}
          style={{ marginBottom: 16 }}
          data-testid="restore-error"
        />
      )}
      <Descriptions bordered column={1} size="small">
        <Descriptions.Item label="数据文件夹">
          <Typography.Text copyable>{status.dataDir}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="最近的可用备份">
          {backup
            ? `${backup.fileName}（${fmtDateTime(backup.createdAt)}，${size(backup.bytes)}，已通过完整性检查）`
            : status.problem?.kind === 'too_new'
              ? '不适用：请使用新版本的值班台打开，不能用旧备份覆盖新版本的数据。'
              : '没有通过检查的备份。请联系管理员，不要删除数据文件夹中的任何文件。'}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
