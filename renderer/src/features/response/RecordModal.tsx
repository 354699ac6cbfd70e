import { Input, Modal, Space, Typography } from 'antd';
import { DateTimeField } from '../../components/DateTimeField';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { instantOf, nowField } from '../../lib/beijing-fields';

export interface RecordValues {
  at: string;
  text: string;
}

/**
 * One small dialog for every record of this feature: a time (optional) and one text field (a note,
 * a reason, who confirmed …). `textRequired` keeps OK disabled until the text is filled in.
 */
export function RecordModal({
  open,
  title,
  subject,
  withTime = true,
  timeLabel = '时间',
  textLabel,
  textRequired = false,
  initialText = '',
  onCancel,
  onSubmit,
}: {
  open: boolean;
  title: string;
  subject?: string;
  withTime?: boolean;
  timeLabel?: string;
  textLabel: string;
  textRequired?: boolean;
  initialText?: string;
  onCancel: () => void;
  onSubmit: (v: RecordValues) => Promise<void>;
}) {
  const [at, setAt] = useState<Dayjs>(nowField());
  const [text, setText] = useState(initialText);
  const [busy, setBusy] = useState(false);
  // Each opening (or a new initial text while open) starts from now and that text: reset while
  // rendering rather than in an effect, so the dialog never shows the stale values first.
  const [shown, setShown] = useState({ open, initialText });
  if (shown.open !== open || shown.initialText !== initialText) {
    setShown({ open, initialText });
    if (open) {
      setAt(nowField());
      setText(initialText);
    }
  }

  const submit = async () => {
    setBusy(true);
    try {
      await onSubmit({ at: instantOf(at), text: text.trim() });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => void submit()}
      okText="确定"
      cancelText="取消"
      confirmLoading={busy}
      okButtonProps={{ id: 'record-ok', disabled: textRequired && !text.trim() }}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {subject && <Typography.Paragraph>{subject}</Typography.Paragraph>}
        {withTime && (
          <Space>
            <Typography.Text>{timeLabel}：</Typography.Text>
            <DateTimeField
              id="record-at"
              aria-label={timeLabel}
              value={at}
              onChange={(v) => v && setAt(v)}
              allowClear={false}
            />
          </Space>
        )}
        <label htmlFor="record-text">
          {textLabel}
          {textRequired ? '（必填）' : '（选填）'}：
        </label>
        <Input.TextArea
          id="record-text"
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={500}
        />
      </Space>
    </Modal>
  );
}
