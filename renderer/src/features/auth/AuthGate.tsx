import { App, Button, Card, Form, Input, Space, Spin, Typography } from 'antd';
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { AuthStatus } from '../../../../shared/ipc/channels/accounts';
import { api, call, RECONNECTED } from '../../api/api';
import { takeEarlyAuth } from '../startup/early-status';
import { errorText } from '../../lib/errors';
import { LockScreen } from '../lock/LockScreen';
import { useIdleLock } from '../lock/useIdleLock';
import { LeaderConfirm } from './LeaderConfirm';
import { repeats } from './password-fields';
import { PASSWORD_RULES_TEXT } from '../../../../shared/accounts/roles';

interface AuthContextValue {
  status: AuthStatus;
  /** Replaces the state with an answer of an auth: channel. */
  set: (s: AuthStatus) => void;
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** Who is logged in at this seat; only inside AuthGate. */
export function useAuth(): AuthContextValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthGate');
  return v;
}

/**
 * Going on duty is logging in (issue 18). The console opens only for a logged-in account; the
 * first run creates the administrator; an idle seat locks, but its alarms stay in view above the
 * lock (the banner stack is drawn above it, and the sound is not stopped).
 */
export function AuthGate({ children, onSignedIn }: { children: ReactNode; onSignedIn?: () => void }) {
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // The console is about to open for a logged-in seat: on the page's first answer, or at log-in.
  const open = useCallback(
    (s: AuthStatus) => {
      if (s.seat.officer) onSignedIn?.();
      setStatus(s);
    },
    [onSignedIn],
  );
  const read = useCallback(
    (then: (s: AuthStatus) => void, asked?: Promise<AuthStatus>) =>
      (asked ?? call('auth:status', {})).then(
        (s) => {
          then(s);
          setFailed(null);
        },
        (err: unknown) => setFailed(errorText(err)),
      ),
    [],
  );
  const refresh = useCallback(() => read(setStatus), [read]);
  useEffect(() => {
    // The first read takes the answer asked for as the script started (early-status.ts).
    void read(open, takeEarlyAuth());
    // After a reconnect the services may have restarted: read the seat again. A change of the
    // settings may change the idle lock's minutes, which arm this seat's timer from now on.
    return api.on('data:changed', (p) => {
      // a data:changed push of any shape; only what is compared
      const what = (p as { what?: string } | null)?.what;
      if (what === RECONNECTED || what === 'settings') void refresh();
    });
  }, [read, open, refresh]);

  const loggedIn = Boolean(status?.seat.officer);
  const locked = Boolean(status?.seat.locked);
  useIdleLock(loggedIn && !locked ? (status?.idleLockMinutes ?? 15) : null, () => {
    void call('auth:lock', {}).then(setStatus, () => undefined);
  });

  if (!status) {
    return failed ? (
      <Typography.Paragraph type="danger" style={{ margin: '20vh auto', textAlign: 'center' }}>
        无法读取登录状态：{failed}
        <br />
        <Button onClick={() => void refresh()}>重试</Button>
      </Typography.Paragraph>
    ) : (
      <Spin style={{ display: 'block', margin: '20vh auto' }} />
    );
  }
  if (status.needsSetup) return <FirstRun onDone={open} />;
  if (!status.seat.officer) return <LoginScreen onDone={open} />;
  return (
    <AuthContext.Provider value={{ status, set: setStatus, refresh }}>
      {children}
      <LeaderConfirm />
      {locked && <LockScreen status={status} onDone={setStatus} />}
    </AuthContext.Provider>
  );
}

const screen = { maxWidth: 520, margin: '10vh auto' } as const;

interface SetupValues {
  name: string;
  phone: string;
  password: string;
  confirm: string;
}

/** The first run: nobody has an account yet, so the administrator is created here. */
function FirstRun({ onDone }: { onDone: (s: AuthStatus) => void }) {
  const [form] = Form.useForm<SetupValues>();
  const [error, setError] = useState<string | null>(null);
  const save = async (v: SetupValues) => {
    try {
      onDone(await call('auth:setup', { name: v.name, phone: v.phone, password: v.password }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <Card title="首次运行：创建管理员账户" style={screen} data-testid="first-run">
      <Typography.Paragraph type="secondary">
        值班台尚无任何账户。请先创建管理员账户，再由管理员为带班领导和值班员建立账户。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input data-testid="setup-name" autoComplete="username" />
        </Form.Item>
        <Form.Item name="phone" label="电话" initialValue="">
          <Input data-testid="setup-phone" />
        </Form.Item>
        <Form.Item
          name="password"
          label="密码"
          extra={PASSWORD_RULES_TEXT}
          rules={[{ required: true, message: '请填写密码' }]}
        >
          <Input.Password data-testid="setup-password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认密码"
          dependencies={['password']}
          rules={[{ required: true, message: '请再次输入密码' }, repeats('password', '两次输入的密码不一致')]}
        >
          <Input.Password data-testid="setup-confirm" autoComplete="new-password" />
        </Form.Item>
        {error && (
          <Typography.Paragraph type="danger" data-testid="setup-error">
            {error}
          </Typography.Paragraph>
        )}
        <Button type="primary" htmlType="submit" data-testid="setup-save">
          创建并登录
        </Button>
      </Form>
    </Card>
  );
}

interface LoginValues {
  name: string;
  password: string;
  leaderName?: string;
  leaderPassword?: string;
}

/**
 * Going on duty: the 值班员 logs in, and the 带班领导 with them (or later, from the header). Once
 * both are logged in they are the officers on duty; every record carries them.
 */
function LoginScreen({ onDone }: { onDone: (s: AuthStatus) => void }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<LoginValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      let s = await call('auth:login', { name: v.name, password: v.password, as: 'officer' });
      if (v.leaderName) {
        try {
          s = await call('auth:login', { name: v.leaderName, password: v.leaderPassword ?? '', as: 'leader' });
        } catch (err) {
          // The officer is in and the console opens, taking this screen away: the refusal is said
          // in a dialog the officer closes, so nobody takes the leader to be logged in.
          modal.warning({
            title: '带班领导未能登录',
            content: `${errorText(err)}。值班员 ${v.name} 已登录；带班领导可在页首账户菜单的“带班领导登录”中重新登录。`,
            okText: '知道了',
          });
          onDone(s);
          return;
        }
      }
      onDone(s);
    } catch (err) {
      setError(errorText(err));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="朔州应急值班台 · 登录上岗" style={screen} data-testid="login-screen">
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Typography.Title level={5}>值班员</Typography.Title>
        <Space.Compact block>
          <Form.Item name="name" rules={[{ required: true, message: '请填写值班员姓名' }]} style={{ flex: 1 }}>
            <Input placeholder="姓名" data-testid="login-name" autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: '请填写密码' }]} style={{ flex: 1 }}>
            <Input.Password placeholder="密码" data-testid="login-password" autoComplete="current-password" />
          </Form.Item>
        </Space.Compact>
        <Typography.Title level={5}>带班领导（可稍后在页首登录）</Typography.Title>
        <Space.Compact block>
          <Form.Item name="leaderName" style={{ flex: 1 }}>
            <Input placeholder="姓名" data-testid="login-leader-name" />
          </Form.Item>
          <Form.Item
            name="leaderPassword"
            style={{ flex: 1 }}
            dependencies={['leaderName']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, v) =>
                  !getFieldValue('leaderName') || v
                    ? Promise.resolve()
                    : Promise.reject(new Error('请填写带班领导密码')),
              }),
            ]}
          >
            <Input.Password placeholder="密码" data-testid="login-leader-password" autoComplete="off" />
          </Form.Item>
        </Space.Compact>
        {error && (
          <Typography.Paragraph type="danger" data-testid="login-error">
            {error}
          </Typography.Paragraph>
        )}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="login-submit">
          登录
        </Button>
      </Form>
    </Card>
  );
}
