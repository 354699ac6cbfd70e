import { App, Button, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { renderForm } from '../../../../shared/forms/render';
import { readCspNonce } from '../../../../shared/security';
import type { FormInput } from '../../../../shared/forms/types';
import { call, isWebHost } from '../../api/api';
import { setByPath } from './form-edit';

export interface PrintPreviewProps {
  form: FormInput;
  title: string;
  drill?: boolean;
  incidentId?: number;
  reportId?: number;
  reportVersion?: number;
  /** When given, fields marked in the form can be edited in place and each edit is reported. */
  onEdit?: (form: FormInput) => void;
  height?: number;
}

const fontBaseUrl = () => new URL('fonts/noto-serif-sc/', window.location.href).href;

/**
 * The preview document inherits the page's CSP: its stylesheet carries the page's nonce, and its
 * style attributes (column widths), which the policy refuses from markup, are set through the
 * CSSOM once loaded. Text in the form is escaped, so ` style="` only ever starts an attribute.
 */
const forPreview = (html: string) =>
  html.replaceAll('<style>', `<style nonce="${readCspNonce(document) ?? ''}">`).replace(/ style="([^"]*)"/g, ' data-inline-style="$1"');
const applyStyleAttributes = (frame: HTMLIFrameElement | null) =>
  frame?.contentDocument?.querySelectorAll<HTMLElement>('[data-inline-style]').forEach((node) => (node.style.cssText = node.dataset.inlineStyle ?? ''));

/**
 * The form exactly as it prints (the same HTML the main process prints), with print and PDF.
 * Editable fields are the ones the form marks with data-field.
 */
export function PrintPreview({ form, title, drill = false, incidentId, reportId, reportVersion, onEdit, height = 720 }: PrintPreviewProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const { message } = App.useApp();
  const latest = useRef(form);
  latest.current = form;
  const html = useMemo(() => {
    try {
      return renderForm(form, { fontBaseUrl: fontBaseUrl(), drill });
    } catch (err) {
      return `<p style="color:#c00">表单无法生成：${(err as Error).message}</p>`;
    }
    // Re-render only when the form kind or drill flag changes; in-place edits already show.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form.kind, drill, onEdit ? null : form]);

  useEffect(() => {
    const el = frame.current;
    if (!el || !onEdit) return;
    const wire = () => {
      const doc = el.contentDocument;
      if (!doc) return;
      doc.querySelectorAll<HTMLElement>('[data-field]').forEach((node) => {
        const path = node.dataset.field!;
        if (node.classList.contains('cb')) {
          node.style.cursor = 'pointer';
          node.addEventListener('click', () => {
            const checked = node.dataset.checked !== 'true';
            node.dataset.checked = String(checked);
            onEdit({ ...latest.current, data: setByPath(latest.current.data as never, path, checked) } as unknown as FormInput);
          });
          return;
        }
        node.contentEditable = 'true';
        node.style.outline = '1px dashed #91caff';
        node.addEventListener('blur', () => {
          onEdit({ ...latest.current, data: setByPath(latest.current.data as never, path, node.textContent ?? '') } as unknown as FormInput);
        });
      });
    };
    el.addEventListener('load', wire);
    return () => el.removeEventListener('load', wire);
  }, [onEdit, html]);

  const job = { form: latest.current as unknown as { kind: FormInput['kind']; data: Record<string, unknown> }, drill, title, incidentId, reportId, reportVersion };
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
        {onEdit && <Typography.Text type="secondary">虚线框内的内容可直接修改，改后请保存。</Typography.Text>}
      </Space>
      <iframe
        ref={frame}
        title={title}
        srcDoc={forPreview(html)}
        onLoad={(e) => applyStyleAttributes(e.currentTarget)}
        sandbox="allow-same-origin allow-modals"
        data-testid="print-preview"
        style={{ width: '100%', height, border: '1px solid #d9d9d9', background: '#f5f5f5' }}
      />
    </Space>
  );
}
