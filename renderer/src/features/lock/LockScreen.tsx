import { Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { AuthStatus } from '../../../../shared/ipc/channels/accounts';
import { call } from '../../api/api';
import { errorText } from '../../lib/errors';

/**
 * The idle lock. It covers the console (z-index above dialogs and drawers) but stays below the
 * banner stack (BannerStack, z-index 2100) and the alarm notices, so an alarm is seen and heard
 * without unlocking; acknowledging it needs the password first (the main process refuses
 * alarms:ack from a locked seat).
 */
export function LockScreen({ status, onDone }: { status: AuthStatus; onDone: (s: AuthStatus) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const unlock = async () => {
    try {
      onDone(await call('auth:unlock', { password }));
    } catch (err) {
      setError(errorText(err));
      setPassword('');
    }
  };
  const switchUser = async () => {
    try {
      onDone(await call('auth:logout', { who: 'all' }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <div
      data-testid="lock-screen"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 2000,
        background: 'rgba(0, 21, 41, 0.96)',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      <Card title="屏幕已锁定" style={{ width: 420 }}>
        <Typography.Paragraph>
          {/* The account logged in as the seat's user, by its role (an administrator is no 值班员). */}
          {status.seat.officer ? `${status.seat.officer.role}：${status.seat.officer.name}` : '—'}
          {status.seat.leader && `　带班领导：${status.seat.leader.name}`}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          告警横幅和提示音在锁屏时照常显示；确认告警需先输入密码解锁。
        </Typography.Paragraph>
        <Space.Compact block>
          <Input.Password
            placeholder="已登录人员的密码"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            onPressEnter={() => void unlock()}
            data-testid="unlock-password"
            autoFocus
          />
          <Button type="primary" onClick={() => void unlock()} data-testid="unlock-submit">
            解锁
          </Button>
        </Space.Compact>
        {error && (
          <Typography.Paragraph type="danger" style={{ marginTop: 8 }} data-testid="unlock-error">
            {error}
          </Typography.Paragraph>
        )}
        <Button type="link" onClick={() => void switchUser()} style={{ paddingLeft: 0 }}>
          换人登录
        </Button>
      </Card>
    </div>
  );
}
