import { App, Button, Drawer, Dropdown, Form, Input, Modal, Typography } from 'antd';
import { AccountsPage } from '../accounts/AccountsPage';
import { ChangePasswordModal } from './ChangePasswordModal';
import { useState } from 'react';
import { call } from '../../api/api';
import { errorText } from '../../lib/errors';
import { useAuth } from './AuthGate';

interface LeaderValues {
  name: string;
  password: string;
}

/** The header's "who is logged in": the seat's officer and leader; its menu locks, logs out, logs the leader in. */
export function SessionBadge() {
  const { status, set } = useAuth();
  const { message } = App.useApp();
  const [leaderOpen, setLeaderOpen] = useState(false);
  const [accountsOpen, setAccountsOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [form] = Form.useForm<LeaderValues>();
  const [error, setError] = useState<string | null>(null);
  const { officer, leader } = status.seat;
  const act = (p: Promise<typeof status>) =>
    p.then(set, (err: unknown) => {
      message.error(errorText(err));
    });
  const leaderLogin = async (v: LeaderValues) => {
    try {
      set(await call('auth:login', { name: v.name, password: v.password, as: 'leader' }));
      setLeaderOpen(false);
      form.resetFields();
      setError(null);
    } catch (err) {
      setError(errorText(err));
      form.setFieldValue('password', '');
    }
  };
  const items = [
    leader
      ? { key: 'leader-logout', label: <span data-testid="leader-logout">带班领导 {leader.name} 退出</span> }
      : officer?.role === '值班员'
        ? { key: 'leader-login', label: <span data-testid="leader-login-open">带班领导登录</span> }
        : null,
    officer?.role === '管理员' || officer?.role === '带班领导' || leader
      ? { key: 'accounts', label: <span data-testid="accounts-open">账户与审计</span> }
      : null,
    officer?.role !== '显示'
      ? { key: 'password', label: <span data-testid="change-password-open">修改密码</span> }
      : null,
    { key: 'lock', label: <span data-testid="lock-now">锁屏</span> },
    { key: 'logout', label: <span data-testid="logout">退出登录</span> },
  ].filter((i) => i !== null);
  const onMenu = ({ key }: { key: string }) => {
    if (key === 'leader-login') setLeaderOpen(true);
    if (key === 'leader-logout') void act(call('auth:logout', { who: 'leader' }));
    if (key === 'lock') void act(call('auth:lock', {}));
    if (key === 'accounts') setAccountsOpen(true);
    if (key === 'password') setPasswordOpen(true);
    if (key === 'logout') void act(call('auth:logout', { who: 'all' }));
  };
  return (
    <>
      {/* Above the banner stack (z-index 2100): the menu opens where alarm banners sit, and 锁屏 must stay reachable. */}
      <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']} styles={{ root: { zIndex: 2200 } }}>
        <Button size="small" data-testid="session-user" title="已登录的账户：锁屏、退出、带班领导登录">
          {officer ? `${officer.name}（${officer.role}）` : '—'}
          {leader ? `、${leader.name}（带班领导）` : ''} ▾
        </Button>
      </Dropdown>
      {officer && (
        <ChangePasswordModal name={officer.name} open={passwordOpen} onClose={() => setPasswordOpen(false)} />
      )}
      <Drawer open={accountsOpen} title="账户与审计" size={1100} onClose={() => setAccountsOpen(false)} destroyOnHidden>
        <AccountsPage />
      </Drawer>
      <Modal
        open={leaderOpen}
        title="带班领导登录"
        okText="登录"
        cancelText="取消"
        onOk={() => form.submit()}
        onCancel={() => setLeaderOpen(false)}
        okButtonProps={{ 'data-testid': 'leader-login-submit' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void leaderLogin(v)}>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写带班领导姓名' }]}>
            <Input data-testid="leader-login-name" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
            <Input.Password data-testid="leader-login-password" autoComplete="off" />
          </Form.Item>
          {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
        </Form>
      </Modal>
    </>
  );
}
