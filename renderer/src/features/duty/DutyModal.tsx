import { App, Form, Input, Modal } from 'antd';
import type { Officer } from '../../../../shared/domain/incident';
import { call } from '../../api/api';

/** Who is on duty: every record carries the officer who made it. */
export function DutyModal({
  open,
  current,
  onClose,
  onSaved,
}: {
  open: boolean;
  current: Officer | null;
  onClose: () => void;
  onSaved: (o: Officer) => void;
}) {
  const [form] = Form.useForm<Officer>();
  const { message } = App.useApp();
  const save = async () => {
    try {
      const v = await form.validateFields();
      onSaved(await call('duty:set', v));
    } catch (err) {
      // A form that does not validate shows its own field messages.
      if (err instanceof Error) message.error(err.message);
    }
  };
  return (
    <Modal
      title="登记当前值班人员"
      open={open}
      onOk={() => void save()}
      onCancel={current ? onClose : undefined}
      closable={!!current}
      mask={{ closable: false }}
      okText="确认"
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'duty-save' }}
    >
      <Form form={form} layout="vertical" initialValues={current ?? {}} preserve={false}>
        <Form.Item name="leader" label="带班领导" rules={[{ required: true, message: '请填写带班领导' }]}>
          <Input data-testid="duty-leader" />
        </Form.Item>
        <Form.Item name="officer" label="值班员" rules={[{ required: true, message: '请填写值班员' }]}>
          <Input data-testid="duty-officer" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
