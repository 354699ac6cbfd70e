import { Alert, App, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ImportPreview } from '../../../../shared/domain/roster';
import { MAX_ROSTER_FILE_BYTES } from '../../../../shared/ipc/channels/rosters';
import { call } from '../../api/api';
import { fileToBase64 } from './files';
import { errorText } from '../../lib/errors';
import { changeText } from '../../../../shared/rosters/change-text';

interface Chosen {
  fileName: string;
  format: 'xlsx' | 'csv';
  contentBase64: string;
}

/** Import: choose a file, see every row's action and every error, then confirm; nothing changes before. */
export function ImportModal({
  rosterId,
  rosterName,
  open,
  onClose,
}: {
  rosterId: string;
  rosterName: string;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setChosen(null);
    setPreview(null);
  };

  const pick = async (file: File | undefined) => {
    reset();
    if (!file) return;
    const ext = file.name.toLowerCase().split('.').pop();
    if (ext !== 'xlsx' && ext !== 'csv') {
      message.error('请选择 .xlsx 或 .csv 文件');
      return;
    }
    if (file.size > MAX_ROSTER_FILE_BYTES) {
      message.error('文件过大（最大5 MB）');
      return;
    }
    setBusy(true);
    try {
      const c: Chosen = { fileName: file.name, format: ext, contentBase64: await fileToBase64(file) };
      setChosen(c);
      setPreview(await call('rosters:import-preview', { rosterId, ...c }));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      const r = await call('rosters:import-apply', { rosterId, ...chosen });
      message.success(`已导入：新增${r.added}人，更新${r.updated}人，无变化${r.unchanged}人`);
      reset();
      onClose();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const hasErrors = !!preview && preview.errors.length > 0;
  return (
    <Modal
      open={open}
      width={960}
      title={`导入通讯录：${rosterName}`}
      onCancel={() => {
        reset();
        onClose();
      }}
      destroyOnHidden
      footer={
        <Space>
          <Button
            onClick={() => {
              reset();
              onClose();
            }}
          >
            取消
          </Button>
          <Button
            type="primary"
            disabled={!preview || hasErrors || busy}
            loading={busy}
            onClick={() => void apply()}
            data-testid="import-apply"
          >
            确认导入
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        表头：指挥部、单位、姓名、职务、办公电话、手机、红机、传真、备注（“指挥部”为空时导入到本通讯录）。同一指挥部、单位、姓名的人员按行更新；空白号码不会清除已有号码。确认前不会写入任何数据。
      </Typography.Paragraph>
      <input
        type="file"
        accept=".xlsx,.csv"
        aria-label="选择要导入的通讯录文件（XLSX 或 CSV）"
        onChange={(e) => void pick(e.target.files?.[0])}
        data-testid="import-file"
      />
      {preview && (
        <>
          <Alert
            style={{ marginTop: 12 }}
            type={hasErrors ? 'error' : 'success'}
            title={
              hasErrors
                ? `有${preview.errors.length}处错误，请改正文件后重新选择；不会导入任何数据`
                : `将新增${preview.counts.added}人，更新${preview.counts.updated}人，${preview.counts.unchanged}人无变化`
            }
            data-testid="import-summary"
          />
          {hasErrors && (
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.field}`}
              pagination={false}
              dataSource={preview.errors}
              columns={[
                { title: '行', dataIndex: 'row', width: 60 },
                { title: '列', dataIndex: 'field', width: 90 },
                { title: '问题', dataIndex: 'message' },
              ]}
              data-testid="import-errors"
            />
          )}
          <Table
            size="small"
            rowKey="row"
            pagination={{ pageSize: 20 }}
            dataSource={preview.rows}
            columns={[
              { title: '行', dataIndex: 'row', width: 60 },
              {
                title: '处理',
                dataIndex: 'action',
                width: 80,
                render: (a: string) => (
                  <Tag color={a === '新增' ? 'green' : a === '更新' ? 'blue' : undefined}>{a}</Tag>
                ),
              },
              { title: '单位', dataIndex: 'unit' },
              { title: '姓名', dataIndex: 'name', width: 90 },
              {
                title: '变化',
                render: (_, r) => r.changes.map(changeText).join('；'),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
