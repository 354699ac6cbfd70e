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
export function PrintPreview({ form, title, drill = false, incidentId, reportId, reportVersion, height = 720 }: PrintPreviewProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const { message } = App.useApp();
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
      if (isWebHost) {
        frame.current?.contentWindow?.print();
        await call('print:record', job);
      } else {
        const r = await call('print:print', job);
        if (!r.printed) message.info('已取消打印');
      }
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  const pdf = async () => {
    try {
      const r = await call('print:pdf', job);
      if (r.path) message.success(`PDF 已保存：${r.path}`, 8);
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button onClick={print} data-testid="print-button">
          打印
        </Button>
        <Button onClick={pdf} data-testid="pdf-button">
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
