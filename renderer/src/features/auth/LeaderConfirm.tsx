import { Input, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Channel } from '../../../../shared/ipc/contract';
import { actName } from '../../../../shared/ipc/act-names';
import { ApiError, call, setLeaderConfirm } from '../../api/api';
import { errorText } from '../../lib/errors';
import { useAuth } from './AuthGate';

interface Pending {
  channel: Channel;
  resolve: () => void;
  reject: (err: Error) => void;
}

/**
 * Every leader-only act asks for the 带班领导's password at that moment (issue 18): the main
 * process checks it and grants that one act on this seat (auth:verify-leader). Registered with the
 * API module, so every caller of a leader-only channel gets it without code of its own.
 */
export function LeaderConfirm() {
  const { status } = useAuth();
  const [pending, setPending] = useState<Pending | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = useRef<Pending | null>(null);

  useEffect(() => {
    setLeaderConfirm(
      (channel) =>
        new Promise<void>((resolve, reject) => {
          current.current?.reject(new ApiError({ code: 'forbidden', message: '已取消：需要带班领导确认' }));
          const p = { channel, resolve, reject };
          current.current = p;
          setPassword('');
          setError(null);
          setPending(p);
        }),
    );
    return () => setLeaderConfirm(null);
  }, []);

  const close = () => {
    current.current = null;
    setPending(null);
    setPassword('');
  };
  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      await call('auth:verify-leader', { password, channel: pending.channel });
      pending.resolve();
      close();
    } catch (err) {
      setError(errorText(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    pending?.reject(new ApiError({ code: 'forbidden', message: '已取消：需要带班领导确认' }));
    close();
  };
  const leader = status.seat.leader ?? (status.seat.officer?.role !== '值班员' ? status.seat.officer : null);
  return (
    <Modal
      open={pending !== null}
      title={`带班领导确认：${pending ? actName(pending.channel) : ''}`}
      okText="确认"
      cancelText="取消"
      onOk={() => void confirm()}
      onCancel={cancel}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'leader-confirm' }}
      zIndex={1900}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {leader
          ? `请带班领导 ${leader.name} 输入密码，确认本次操作。`
          : '本席位没有带班领导登录：请带班领导先在页首登录。'}
      </Typography.Paragraph>
      <Input.Password
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        onPressEnter={() => void confirm()}
        placeholder="带班领导密码"
        data-testid="leader-password"
        autoComplete="off"
        autoFocus
      />
      {error && (
        <Typography.Paragraph type="danger" style={{ marginTop: 8 }} data-testid="leader-error">
          {error}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
