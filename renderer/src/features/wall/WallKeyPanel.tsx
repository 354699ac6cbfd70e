import { App, Button, Descriptions, Input, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { WallKeyStatus } from '../../../../shared/ipc/channels/seats';
import { call, isWebHost } from '../../api/api';
import { fmtDateTime } from '../../lib/format';
import { errorText } from '../../lib/errors';

/**
 * 值班大屏地址 (issue 17): the administrator (or 带班领导) issues the read-only key of the wall
 * display's kiosk page. Only its hash is stored, so the address is shown once, when it is made;
 * a new one, or 停用, ends the one before at once.
 */
export function WallKeyPanel() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<WallKeyStatus | null>(null);
  const [address, setAddress] = useState<string | null>(null);

  useEffect(() => {
    call('wall:key-status', {}).then(setStatus, () => undefined);
  }, []);

  const rotate = async () => {
    try {
      const issued = await call('wall:rotate-key', {});
      setAddress(isWebHost ? `${window.location.origin}${issued.path}` : issued.path);
      setStatus(await call('wall:key-status', {}));
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const revoke = async () => {
    try {
      setStatus(await call('wall:revoke-key', {}));
      setAddress(null);
    } catch (err) {
      message.error(errorText(err));
    }
  };

  // Only the administrator and the 带班领导 manage it: for anyone else the status is refused, and nothing shows.
  if (!status) return null;
  return (
    <Descriptions size="small" column={1} style={{ marginTop: 24 }} title="值班大屏" data-testid="wall-key-panel">
      <Descriptions.Item label="说明">
        桌面版在第二块显示器上自动全屏打开值班大屏。网页版的大屏用只读的大屏地址打开：无需登录、不锁屏，只能查看大屏内容。
      </Descriptions.Item>
      <Descriptions.Item label="大屏地址">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text data-testid="wall-key-status">
            {status.active ? `已启用（${fmtDateTime(status.createdAt)} 由 ${status.createdBy ?? '—'} 生成）` : '未启用'}
          </Typography.Text>
          {address && (
            <>
              <Input readOnly value={address} data-testid="wall-key-address" />
              <Typography.Text type="secondary">
                此地址只显示这一次：请复制到大屏电脑的浏览器（全屏/展台模式）中打开。
              </Typography.Text>
            </>
          )}
          <Space>
            <Button onClick={() => void rotate()} data-testid="wall-key-rotate">
              {status.active ? '生成新的大屏地址（原地址作废）' : '生成大屏地址'}
            </Button>
            {status.active && (
              <Popconfirm
                title="停用后大屏地址立即失效"
                okText="停用"
                cancelText="取消"
                onConfirm={() => void revoke()}
              >
                <Button danger data-testid="wall-key-revoke">
                  停用大屏地址
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Space>
      </Descriptions.Item>
    </Descriptions>
  );
}
