import { App, Button, Space } from 'antd';
import { useMemo, useRef } from 'react';
import { renderForm } from '../../../../shared/forms/render';
import type { FormInput } from '../../../../shared/forms/types';
import { call, isWebHost } from '../../api/api';
import { applyFrameStyles, srcDocUnderCsp } from '../../csp';

export interface PrintPreviewProps {
  /** The form exactly as it prints (for a report: the saved version with its chain marks). */
  form: FormInput;
  title: string;
  drill?: boolean;
  incidentId?: number;
  reportId?: number;
  reportVersion?: number;
  height?: number;
}

const fontBaseUrl = () => new URL('fonts/noto-serif-sc/', window.location.href).href;

/**
 * A read-only view of the form as it prints (the same HTML the main process prints), with print
 * and PDF. Editing happens in the form views; this only shows what was saved.
 */
export function PrintPreview({
  form,
  title,
  drill = false,
  incidentId,
  reportId,
  reportVersion,
  height = 720,
}: PrintPreviewProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const { message, modal } = App.useApp();
  const html = useMemo(() => {
    try {
      return renderForm(form, { fontBaseUrl: fontBaseUrl(), drill });
    } catch (err) {
      return `<p style="color:#c00">表单无法生成：${(err as Error).message}</p>`;
    }
  }, [form, drill]);

  const job = { form, drill, title, incidentId, reportId, reportVersion };
  const print = async () => {
    try {
      const version = reportVersion ? `（第${reportVersion}稿）` : '';
      if (isWebHost) {
        // The browser does not say whether its dialog printed or was cancelled: the officer confirms,
        // and only a confirmed print is recorded.
        message.info('已打开浏览器打印对话框', 3);
        frame.current?.contentWindow?.print();
        modal.confirm({
          title: '是否已打印？',
          content: `${title}${version}：在打印对话框中完成打印后点“已打印”，取消了打印请点“未打印”。`,
          okText: '已打印',
          cancelText: '未打印',
          okButtonProps: { 'data-testid': 'print-confirm' },
          cancelButtonProps: { 'data-testid': 'print-not-printed' },
          onOk: async () => {
            try {
              await call('print:record', job);
              message.success(`已记录打印：${title}${version}`);
            } catch (err) {
              message.error(err instanceof Error ? err.message : String(err));
            }
          },
          onCancel: () => message.info('未打印，不作记录'),
        });
      } else {
        message.info('正在打开打印对话框…', 2);
        const r = await call('print:print', job);
        if (r.printed) message.success(`已打印：${title}${version}`);
        else message.info('已取消打印，不作记录');
      }
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };
  const pdf = async () => {
    try {
      const r = await call('print:pdf', job);
      if (r.path) message.success(`PDF 已保存：${r.path}`, 8);
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button onClick={() => void print()} data-testid="print-button">
          打印
        </Button>
        <Button onClick={() => void pdf()} data-testid="pdf-button">
          导出PDF
        </Button>
      </Space>
      <iframe
        ref={frame}
        title={title}
        srcDoc={srcDocUnderCsp(html)}
        onLoad={(e) => applyFrameStyles(e.currentTarget)}
        sandbox="allow-same-origin allow-modals"
        data-testid="print-preview"
        style={{ width: '100%', height, border: '1px solid #d9d9d9', background: '#f5f5f5' }}
      />
    </Space>
  );
}
