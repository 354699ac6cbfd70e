import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { PASSWORD_RULES_TEXT, ROLES } from '../../../../shared/accounts/roles';
import type { Role } from '../../../../shared/accounts/roles';
import type { AccountView } from '../../../../shared/ipc/channels/accounts';
import { call } from '../../api/api';
import { fmtDateTime } from '../../lib/format';
import { errorText } from '../../lib/errors';
import { AuditPanel } from '../audit/AuditPanel';
import { useAuth } from '../auth/AuthGate';

interface NewAccount {
  name: string;
  role: Role;
  phone: string;
  password: string;
}

/**
 * Accounts (管理员 or 带班领导; only an administrator touches administrator accounts), and for
 * an administrator the audit record below. The main process enforces both; this page only shows.
 */
export function AccountsPage() {
  const { status } = useAuth();
  const { message } = App.useApp();
  const [rows, setRows] = useState<AccountView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<AccountView | null>(null);
  // Bumped after each change of an account, so the audit below shows the act at once.
  const [audited, setAudited] = useState(0);
  const [form] = Form.useForm<NewAccount>();
  const [resetForm] = Form.useForm<{ password: string }>();
  const load = useCallback(
    () =>
      call('accounts:list', {}).then(
        (r) => {
          setRows(r);
          setError(null);
        },
        (err: unknown) => setError(errorText(err)),
      ),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const create = async (v: NewAccount) => {
    try {
      await call('accounts:create', v);
      message.success(`已创建账户：${v.name}`);
      setCreating(false);
      form.resetFields();
      await load();
      setAudited((k) => k + 1);
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const update = async (id: number, patch: { role?: Role; active?: boolean }) => {
    try {
      await call('accounts:update', { id, ...patch });
      await load();
      setAudited((k) => k + 1);
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const reset = async (v: { password: string }) => {
    if (!resetting) return;
    try {
      await call('accounts:reset-password', { id: resetting.id, password: v.password });
      message.success(`已重置 ${resetting.name} 的密码`);
      setResetting(null);
      resetForm.resetFields();
      await load();
      setAudited((k) => k + 1);
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const isAdmin = status.seat.officer?.role === '管理员';

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card
        title="账户"
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="account-new">
            新建账户
          </Button>
        }
      >
        {error ? (
          <span data-testid="accounts-error">{error}</span>
        ) : (
          <Table<AccountView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={rows}
            data-testid="accounts-table"
            columns={[
              { title: '姓名', dataIndex: 'name' },
              {
                title: '角色',
                dataIndex: 'role',
                render: (role: Role, a) => (
                  <Select<Role>
                    size="small"
                    aria-label={`${a.name}的角色`}
                    value={role}
                    style={{ width: 120 }}
                    options={ROLES.map((r) => ({ value: r, label: r }))}
                    onChange={(r) => void update(a.id, { role: r })}
                  />
                ),
              },
              { title: '电话', dataIndex: 'phone' },
              {
                title: '状态',
                render: (_v, a) => (
                  <Space>
                    <Switch
                      size="small"
                      checked={a.active}
                      checkedChildren="启用"
                      unCheckedChildren="停用"
                      onChange={(on) => void update(a.id, { active: on })}
                    />
                    {a.lockedUntil && Date.parse(a.lockedUntil) > Date.now() && (
                      <Tag color="red">锁定至 {fmtDateTime(a.lockedUntil)}</Tag>
                    )}
                    {a.failedCount > 0 && <Tag color="orange">连续失败 {a.failedCount} 次</Tag>}
                  </Space>
                ),
              },
              { title: '创建时间', dataIndex: 'createdAt', render: (v: string) => fmtDateTime(v) },
              {
                title: '操作',
                render: (_v, a) => (
                  <Button size="small" onClick={() => setResetting(a)}>
                    重置密码
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      {isAdmin && <AuditPanel refreshKey={audited} />}
      <Modal
        open={creating}
        title="新建账户"
        okText="创建"
        cancelText="取消"
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        okButtonProps={{ 'data-testid': 'account-create' }}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void create(v)}
          initialValues={{ role: '值班员', phone: '' }}
        >
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input data-testid="account-name" />
          </Form.Item>
          <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select<Role> options={ROLES.map((r) => ({ value: r, label: r }))} data-testid="account-role" />
          </Form.Item>
          <Form.Item name="phone" label="电话">
            <Input data-testid="account-phone" />
          </Form.Item>
          <Form.Item
            name="password"
            label="初始密码"
            extra={PASSWORD_RULES_TEXT}
            rules={[{ required: true, message: '请填写初始密码' }]}
          >
            <Input.Password data-testid="account-password" autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={resetting !== null}
        title={`重置密码：${resetting?.name ?? ''}`}
        okText="重置"
        cancelText="取消"
        onOk={() => resetForm.submit()}
        onCancel={() => setResetting(null)}
        destroyOnHidden
      >
        <Form form={resetForm} layout="vertical" onFinish={(v) => void reset(v)}>
          <Form.Item
            name="password"
            label="新密码"
            extra="重置后账户的锁定随之解除"
            rules={[{ required: true, message: '请填写新密码' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
