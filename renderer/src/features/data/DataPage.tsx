import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  Popconfirm,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  BACKUP_KIND_LABELS,
  INCIDENT_EXPORT_FORMATS,
  INCIDENT_EXPORT_FORMAT_LABELS,
  MAX_IMPORT_TEXT,
  type BackupInfo,
  type ImportResult,
  type IncidentExportFormat,
} from '../../../../shared/ipc/channels/data';
import { call } from '../../api/api';
import { fmtDateTime } from '../../lib/format';
import { useLoad } from '../../hooks/useApi';
import { fmtBytes, runExport } from './files';
import { RangePicker, rangeOf } from './RangePicker';
import { errorText } from '../../lib/errors';
import { useAuth } from '../auth/AuthGate';

const formatOptions = INCIDENT_EXPORT_FORMATS.map((f) => ({ value: f, label: INCIDENT_EXPORT_FORMAT_LABELS[f] }));

/** 数据与备份: exports of incidents, backups (now, on a timer, restore), full export and import. */
export function DataPage() {
  const { message, modal } = App.useApp();
  const { refresh } = useAuth();
  const { data: state, reload } = useLoad(() => call('data:backups', {}), []);
  const { data: incidents } = useLoad(
    // The newest 500 (the list pages on the server; an older one is exported by its date range).
    async () => (await call('incidents:list', { drills: 'include', limit: 500 })).items,
    [],
  );
  const [days, setDays] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [includeDrills, setIncludeDrills] = useState(false);
  const [format, setFormat] = useState<IncidentExportFormat>('xlsx');
  const [incidentId, setIncidentId] = useState<number | null>(null);
  const [incidentFormat, setIncidentFormat] = useState<IncidentExportFormat>('docx');
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [lastFile, setLastFile] = useState<string | null>(null);
  const [importName, setImportName] = useState('');

  const guard = async (key: string, work: () => Promise<void>) => {
    setBusy(key);
    try {
      await work();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  const exportRange = () =>
    guard('range', async () => {
      const f = await runExport(
        (jobId) => call('data:export-incidents', { ...rangeOf(days, includeDrills), format, jobId }),
        setProgress,
      );
      setLastFile(f.path);
      message.success(`已导出 ${f.count} 起事件：${f.fileName}`);
    });

  const exportOne = () =>
    guard('one', async () => {
      if (!incidentId) throw new Error('请选择事件');
      const f = await runExport(
        (jobId) => call('data:export-incident', { id: incidentId, format: incidentFormat, jobId }),
        setProgress,
      );
      setLastFile(f.path);
      message.success(`已导出：${f.fileName}`);
    });

  const backupNow = () =>
    guard('backup', async () => {
      const b = await call('data:backup-now', {});
      message.success(`已备份：${b.fileName}`);
      reload();
    });

  const restore = (b: BackupInfo) =>
    guard('restore', async () => {
      const r = await call('data:restore', { fileName: b.fileName });
      // The restored data's accounts are the install's now and every seat was logged out (issue 18).
      modal.success({
        title: '恢复完成',
        content: (
          <span data-testid="restore-done">
            {`已从 ${r.restoredFrom} 恢复（事件 ${r.incidents} 起）。恢复前的数据已保存为：${r.safetyCopy}。本机所有席位均已退出登录：请各位值班人员使用恢复后数据中的账户和密码重新登录。`}
          </span>
        ),
        okText: '重新登录',
        onOk: () => void refresh(),
      });
    });

  const exportAll = () =>
    guard('all', async () => {
      // Written into the exports folder in bounded memory; the file stays there (too large to send).
      const f = await call('data:export-all', {});
      setLastFile(f.path);
      message.success(`已导出完整数据（${f.count} 条记录）：${f.fileName}，保存在导出文件夹`);
    });

  // The imported accounts are the install's now and every seat was logged out (issue 18): the
  // officers log in again with the accounts and passwords of the imported data.
  const imported = (r: ImportResult) => {
    const n = Object.values(r.tables).reduce((a, b) => a + b, 0);
    modal.success({
      title: '导入完成',
      content: (
        <span data-testid="import-done">
          {`已导入 ${n} 条记录。本机所有席位均已退出登录，原有账户已由导入数据中的账户取代：请各位值班人员使用导入数据中的账户和密码重新登录。`}
        </span>
      ),
      okText: '重新登录',
      onOk: () => void refresh(),
    });
  };

  const importText = (content: string) =>
    guard('import', async () => imported(await call('data:import-all', { content })));

  const importByName = () =>
    guard('import', async () => imported(await call('data:import-all', { fileName: importName.trim() })));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="data-page">
      {progress !== null && (
        <Progress data-testid="export-progress" percent={progress} status={progress < 100 ? 'active' : 'success'} />
      )}
      {lastFile && <Alert type="info" showIcon title={`文件已写入：${lastFile}`} data-testid="last-file" />}

      <Card title="导出事件" size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <RangePicker
              days={days}
              onDays={setDays}
              includeDrills={includeDrills}
              onIncludeDrills={setIncludeDrills}
              testid="export"
            />
            <Select
              data-testid="export-format"
              aria-label="导出格式"
              value={format}
              onChange={setFormat}
              options={formatOptions}
              style={{ width: 170 }}
            />
            <Button
              type="primary"
              loading={busy === 'range'}
              onClick={() => void exportRange()}
              data-testid="export-range"
            >
              导出时段内事件
            </Button>
          </Space>
          <Space wrap>
            <span>单个事件（含全部处置记录）</span>
            <Select
              data-testid="export-incident"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择事件"
              aria-label="单个事件"
              style={{ width: 360 }}
              value={incidentId ?? undefined}
              onChange={setIncidentId}
              options={(incidents ?? []).map((i) => ({
                value: i.id,
                label: `${i.serial} ${i.title}${i.drill ? '（演练）' : ''}`,
              }))}
            />
            <Select
              value={incidentFormat}
              aria-label="单个事件导出格式"
              onChange={setIncidentFormat}
              options={formatOptions}
              style={{ width: 170 }}
            />
            <Button loading={busy === 'one'} onClick={() => void exportOne()} data-testid="export-one">
              导出事件
            </Button>
          </Space>
        </Space>
      </Card>

      <Card
        title="数据备份"
        size="small"
        extra={
          <Button type="primary" loading={busy === 'backup'} onClick={() => void backupNow()} data-testid="backup-now">
            立即备份
          </Button>
        }
      >
        {state && (
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="备份文件夹">{state.folder}</Descriptions.Item>
            <Descriptions.Item label="保留份数">{state.keep} 份（设置中可改）</Descriptions.Item>
            <Descriptions.Item label="最近备份">{fmtDateTime(state.lastBackupAt)}</Descriptions.Item>
            <Descriptions.Item label="下次定时备份">
              {state.intervalHours ? `${fmtDateTime(state.nextBackupAt)}（每 ${state.intervalHours} 小时）` : '未开启'}
            </Descriptions.Item>
          </Descriptions>
        )}
        <Table<BackupInfo>
          data-testid="backup-list"
          size="small"
          rowKey="fileName"
          pagination={{ pageSize: 10 }}
          dataSource={state?.backups ?? []}
          locale={{ emptyText: '还没有备份' }}
          columns={[
            { title: '时间', dataIndex: 'createdAt', render: (v: string) => fmtDateTime(v) },
            {
              title: '类别',
              dataIndex: 'kind',
              render: (k: BackupInfo['kind']) => (
                <Tag color={k === 'safety' ? 'orange' : k === 'manual' ? 'blue' : 'default'}>
                  {BACKUP_KIND_LABELS[k]}
                </Tag>
              ),
            },
            {
              title: '文件',
              dataIndex: 'fileName',
              render: (v: string) => <Typography.Text copyable>{v}</Typography.Text>,
            },
            { title: '大小', dataIndex: 'bytes', render: (v: number) => fmtBytes(v) },
            {
              title: '操作',
              render: (_: unknown, b) => (
                <Popconfirm
                  title="从此备份恢复？"
                  description="先检查备份文件，再把当前数据另存为安全副本，然后恢复。"
                  okText="恢复"
                  cancelText="取消"
                  onConfirm={() => void restore(b)}
                >
                  <Button size="small" danger loading={busy === 'restore'} data-testid={`restore-${b.fileName}`}>
                    恢复
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>

      <Card title="完整数据导出与导入" size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            完整数据（全部记录和设置）导出为一个 JSON
            文件，可导入到新安装的值班台中（仅限没有任何数据的安装；为导入而建立的账户由导入数据中的账户取代，导入后须重新登录）。
          </Typography.Text>
          <Space wrap>
            <Button loading={busy === 'all'} onClick={() => void exportAll()} data-testid="export-all">
              导出完整数据
            </Button>
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              beforeUpload={(file) => {
                if (file.size > MAX_IMPORT_TEXT) {
                  message.error('文件较大：请把它放入导出文件夹，再按文件名导入');
                  return false;
                }
                void file.text().then(importText);
                return false;
              }}
            >
              <Button loading={busy === 'import'} data-testid="import-all">
                选择文件导入
              </Button>
            </Upload>
            <Input
              placeholder="导出文件夹中的文件名"
              value={importName}
              onChange={(e) => setImportName(e.target.value)}
              style={{ width: 280 }}
            />
            <Button disabled={!importName.trim()} loading={busy === 'import'} onClick={() => void importByName()}>
              按文件名导入
            </Button>
          </Space>
        </Space>
      </Card>
    </Space>
  );
}
