import { App, Button, Space } from 'antd';
import { useEffect, useRef } from 'react';
import { connection } from '../../api/api';
import { CriticalBanner } from '../../components/CriticalBanner';
import { fmtClock } from '../../lib/format';
import { useConnection } from '../../hooks/useConnection';
import { useNow } from '../../hooks/useNow';

function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return s < 60 ? `${s} 秒` : `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
}

/**
 * Says at once, on every page, that the services cannot be reached (or refuse this page's token),
 * and that what is on screen is no longer live. It cannot be dismissed: it goes when the page is
 * connected again. While it shows, countdowns are greyed (styles.css, html.conn-lost).
 */
export function ConnectionBanner() {
  const conn = useConnection();
  const now = useNow();
  const { message } = App.useApp();
  const wasDown = useRef(false);

  useEffect(() => {
    const down = conn.status !== 'online';
    document.documentElement.classList.toggle('conn-lost', down);
    if (!down && wasDown.current) void message.success('已重新连接值班台服务，页面数据已全部刷新');
    wasDown.current = down;
  }, [conn.status, message]);
  useEffect(() => () => document.documentElement.classList.remove('conn-lost'), []);

  if (conn.status === 'online') return null;
  const since = `自 ${fmtClock(conn.since)} 起，已 ${elapsed(now - conn.since)}`;
  if (conn.status === 'token') {
    return (
      <CriticalBanner
        testId="connection-banner"
        title={<strong>令牌已更换：本页已失效（{since}）</strong>}
        description="值班台的访问令牌已在「设置」中更换，本页不再更新，所显示的事件和倒计时可能已过时。请用新地址重新打开值班台：更换令牌的页面上显示的地址，或浏览器模式启动时打印的地址。"
      />
    );
  }
  return (
    <CriticalBanner
      testId="connection-banner"
      title={<strong>连接中断：无法连接值班台服务（{since}）</strong>}
      description="页面显示的是中断前的数据，倒计时可能不准，报告时限以恢复连接后为准。正在自动重连，恢复后页面自动刷新，无需操作。"
      action={
        <Space>
          <Button size="small" onClick={() => connection.retry()} data-testid="connection-retry">
            立即重试
          </Button>
        </Space>
      }
    />
  );
}
