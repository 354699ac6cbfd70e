import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { PASSWORD_RULES_TEXT } from '../../../../shared/accounts/roles';
import { call } from '../../api/api';
import { errorText } from '../../lib/errors';
import { repeats } from './password-fields';

interface Values {
  current: string;
  next: string;
  confirm: string;
}

/** The seat's own user changes their password: the current one, then the new one twice. */
export function ChangePasswordModal({ name, open, onClose }: { name: string; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (v: Values) => {
    setBusy(true);
    try {
      await call('auth:change-password', { current: v.current, next: v.next });
      message.success(`${name}的密码已修改，下次登录请用新密码`);
      setError(null);
      onClose();
    } catch (err) {
      setError(errorText(err));
      form.setFieldValue('current', '');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={`修改密码：${name}`}
      okText="修改"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'change-password-submit' }}
      afterClose={() => setError(null)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="current" label="当前密码" rules={[{ required: true, message: '请填写当前密码' }]}>
          <Input.Password data-testid="change-password-current" autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="next"
          label="新密码"
          extra={PASSWORD_RULES_TEXT}
          rules={[{ required: true, message: '请填写新密码' }]}
        >
          <Input.Password data-testid="change-password-next" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入新密码"
          dependencies={['next']}
          rules={[{ required: true, message: '请再次输入新密码' }, repeats('next', '两次输入的新密码不一致')]}
        >
          <Input.Password data-testid="change-password-confirm" autoComplete="new-password" />
        </Form.Item>
        {error && (
          <Typography.Paragraph type="danger" data-testid="change-password-error">
            {error}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
