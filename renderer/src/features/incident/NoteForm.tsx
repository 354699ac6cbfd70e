import { App, Button, Form, Input, Select, Space } from 'antd';
import { validValues } from '../../lib/form-values';
import { NOTE_KINDS } from '../../../../shared/domain/incident';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import { call } from '../../api/api';
import { messageOf } from '../../../../shared/errors';

/** 续报信息, 领导批示 (with who gave it) and plain notes. */
export function NoteForm({
  incident,
  onChanged,
}: {
  incident: IncidentDetail;
  onChanged: (d: IncidentDetail) => void;
}) {
  const [form] = Form.useForm<{ kind: (typeof NOTE_KINDS)[number]; text: string; givenBy?: string }>();
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form);
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      onChanged(
        await call('incidents:add-note', { id: incident.id, kind: v.kind, text: v.text, givenBy: v.givenBy ?? '' }),
      );
      form.resetFields(['text', 'givenBy']);
    } catch (err) {
      message.error(messageOf(err));
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ kind: '备注' }}>
      <Space align="start" wrap>
        <Form.Item name="kind" label="类型">
          <Select
            style={{ width: 120 }}
            options={NOTE_KINDS.map((k) => ({ value: k, label: k }))}
            data-testid="note-kind"
          />
        </Form.Item>
        {kind === '领导批示' && (
          <Form.Item name="givenBy" label="批示领导" rules={[{ required: true, message: '请填写批示领导' }]}>
            <Input style={{ width: 160 }} data-testid="note-given-by" />
          </Form.Item>
        )}
      </Space>
      <Form.Item name="text" label="内容" rules={[{ required: true, message: '请填写内容' }]}>
        <Input.TextArea rows={2} data-testid="note-text" />
      </Form.Item>
      <Button onClick={() => void submit()} data-testid="note-submit">
        添加记录
      </Button>
    </Form>
  );
}
