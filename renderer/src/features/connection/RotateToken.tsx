import { App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { call, isWebHost } from '../../api/api';
import { messageOf } from '../../../../shared/errors';

/**
 * 浏览器模式 only: replaces the access token kept in the data folder. This page goes on with the new
 * token; every other open page is locked out at once and says 令牌已更换. The new address is shown
 * here so the officer can reopen the console elsewhere.
 */
export function RotateToken() {
  const { message, modal } = App.useApp();
  const [url, setUrl] = useState<string | null>(null);
  if (!isWebHost) return null;
  const rotate = () =>
    modal.confirm({
      title: '更换访问令牌',
      content: '更换后，其他已打开的值班台页面立即失效，需用新地址重新打开；本页继续使用。确定更换？',
      okText: '更换令牌',
      okButtonProps: { danger: true, id: 'rotate-token-ok' },
      cancelText: '取消',
      onOk: async () => {
        try {
          const r = await call('app:rotate-token', {});
          setUrl(r.appUrl);
          message.success('访问令牌已更换');
        } catch (err) {
          message.error(messageOf(err));
        }
      },
    });
  return (
    <Card size="small" title="访问令牌（浏览器模式）" style={{ marginTop: 24 }} data-testid="rotate-token-card">
      <Typography.Paragraph type="secondary">
        浏览器模式下，值班台只接受带有访问令牌的页面。令牌保存在数据文件夹中（仅本机用户可读），服务重启后已打开的页面仍可继续使用。怀疑地址外泄时请更换令牌。
      </Typography.Paragraph>
      <Button danger onClick={() => void rotate()} data-testid="rotate-token">
        更换访问令牌
      </Button>
      {url && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          新地址（其他页面请用此地址重新打开）：
          <Typography.Text copyable code data-testid="new-app-url">
            {url}
          </Typography.Text>
        </Typography.Paragraph>
      )}
    </Card>
  );
}
