import { App, Button, Space } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { paginateDocument, type PaginatedDocument } from '../../../../shared/forms/paginate';
import { renderForm } from '../../../../shared/forms/render';
import type { FormInput } from '../../../../shared/forms/types';
import { call, isWebHost } from '../../api/api';
import { applyFrameStyles, cspNonce, srcDocUnderCsp } from '../../lib/csp';
import { messageOf } from '../../../../shared/errors';

export interface PrintPreviewProps {
  /** The form exactly as it prints (for a report: the saved version with its chain marks). */
  form: FormInput;
  title: string;
  drill?: boolean;
  incidentId?: number;
  reportId?: number;
  reportVersion?: number;
  height?: number;
  /**
   * Why this paper must not be printed now (a report whose form has unsaved edits): shown above the
   * preview, and printing and PDF export are disabled while it is set.
   */
  blocked?: ReactNode;
}

const fontBaseUrl = () => new URL('fonts/noto-serif-sc/', window.location.href).href;

/**
 * A read-only view of the form as it prints, page by page: the same HTML the main process prints,
 * paginated by the same pass (paginate.ts), so its pages, page numbers and 续表 marks are the
 * PDF's. With print and PDF. Editing happens in the form views; this only shows what was saved.
 */
export function PrintPreview({
  form,
  title,
  drill = false,
  incidentId,
  reportId,
  reportVersion,
  height = 720,
  blocked,
}: PrintPreviewProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const { message, modal } = App.useApp();
  const [pages, setPages] = useState<{ html: string; count: number } | null>(null);
  // The record chain's short code, printed in the footer so the paper matches the record (issue 18).
  const [chainCode, setChainCode] = useState<string | null>(null);
  const refreshCode = () =>
    call('integrity:status', {}).then(
      (s) => setChainCode(s.headCode),
      () => undefined,
    );
  useEffect(() => {
    void refreshCode();
  }, []);
  const html = useMemo(() => {
    try {
      return renderForm(form, { fontBaseUrl: fontBaseUrl(), drill, chainCode });
    } catch (err) {
      return `<p style="color:#c00">表单无法生成：${messageOf(err)}</p>`;
    }
  }, [form, drill, chainCode]);

  /** The frame loaded: styles through the CSSOM, then the fonts, then the pages. */
  const paginate = async (el: HTMLIFrameElement) => {
    applyFrameStyles(el);
    const doc = el.contentDocument;
    if (!doc?.body) return;
    // Lay out once so the fonts the page uses start loading, then wait for them: page breaks
    // depend on the glyphs' metrics.
    doc.body.getBoundingClientRect();
    await doc.fonts.ready;
    // The frame may have been given a newer form while the fonts loaded.
    if (el.contentDocument !== doc) return;
    // paginate.ts declares the few DOM members it uses (shared/ has no DOM types); a Document has them.
    const count = paginateDocument(doc as unknown as PaginatedDocument);
    // A landscape sheet is wider than the frame: the screen view is scaled to its width (print is not).
    const sheet = doc.querySelector('.page');
    const wide = sheet ? sheet.getBoundingClientRect().width + 24 : 0;
    if (wide > el.clientWidth) {
      const fit = doc.createElement('style');
      fit.nonce = cspNonce ?? '';
      fit.textContent = `@media screen{html{zoom:${(el.clientWidth / wide).toFixed(3)}}}`;
      doc.head.append(fit);
    }
    setPages({ html, count });
  };
  const count = pages?.html === html ? pages.count : null;

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
              await call('print:record', { ...job, chainCode: chainCode ?? undefined });
              message.success(`已记录打印：${title}${version}`);
              void refreshCode();
            } catch (err) {
              message.error(err instanceof Error ? err.message : String(err));
            }
          },
          // Not returned: a returned message is a promise, and the dialog would wait for the toast.
          onCancel: () => void message.info('未打印，不作记录', 5),
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
      {blocked}
      <Space>
        <Button onClick={() => void print()} data-testid="print-button" disabled={count === null || !!blocked}>
          打印
        </Button>
        <Button onClick={() => void pdf()} data-testid="pdf-button" disabled={!!blocked}>
          导出PDF
        </Button>
        <span data-testid="preview-pages" data-pages={count ?? ''} style={{ color: '#595959' }}>
          {count === null ? '正在分页…' : `共 ${count} 页`}
        </span>
      </Space>
      <iframe
        ref={frame}
        title={title}
        srcDoc={srcDocUnderCsp(html)}
        onLoad={(e) => void paginate(e.currentTarget)}
        sandbox="allow-same-origin allow-modals"
        data-testid="print-preview"
        style={{ width: '100%', height, border: '1px solid #d9d9d9', background: '#f5f5f5' }}
      />
    </Space>
  );
}
