import { App, Button, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ExportedFile } from '../../../../shared/ipc/channels/duty';
import { fileUrl } from '../../lib/download';
import { errorText } from '../../lib/errors';

const LABELS: Record<string, string> = { xlsx: 'Excel', csv: 'CSV', docx: 'Word', pdf: 'PDF', json: 'JSON' };

/**
 * Export buttons: the main process writes the file (into the exports folder, or where the officer
 * chose for PDF under Electron); the page shows the path and offers the same bytes as a download.
 * While it runs, a spinner says how many records are being written.
 */
export function ExportButtons<F extends string>({
  formats,
  rows,
  run,
  testId,
}: {
  formats: readonly F[];
  rows: number;
  /** null: the officer cancelled a save dialog. */
  run: (format: F) => Promise<ExportedFile | null>;
  testId: string;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<F | null>(null);
  const [done, setDone] = useState<{ file: ExportedFile; url: string | null } | null>(null);
  useEffect(
    () => () => {
      if (done?.url) URL.revokeObjectURL(done.url);
    },
    [done],
  );

  const go = async (format: F) => {
    setBusy(format);
    try {
      const file = await run(format);
      if (!file) {
        message.info('已取消保存');
        return;
      }
      const url = fileUrl(file.contentBase64, file.mime);
      setDone({ file, url });
      message.success(`已导出 ${file.count} 条记录：${file.path}`, 6);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space wrap>
      <Typography.Text>导出：</Typography.Text>
      {formats.map((f) => (
        <Button key={f} size="small" disabled={busy !== null} onClick={() => void go(f)} data-testid={`${testId}-${f}`}>
          {LABELS[f] ?? f}
        </Button>
      ))}
      {busy && (
        <Space>
          <Spin size="small" />
          <Typography.Text type="secondary">
            正在导出{LABELS[busy]}（{rows} 条记录）…
          </Typography.Text>
        </Space>
      )}
      {!busy && done && (
        <Typography.Text type="secondary" data-testid={`${testId}-done`}>
          已保存：{done.file.path}
          {done.url && (
            <>
              {' '}
              <a href={done.url} download={done.file.fileName}>
                下载
              </a>
            </>
          )}
        </Typography.Text>
      )}
    </Space>
  );
}
