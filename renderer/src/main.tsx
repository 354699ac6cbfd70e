import './zod-jitless';
// zod's messages in Chinese, the same configuration as the main process's validation.
import '../../shared/ipc/zod-locale';
import { ConfigProvider } from 'antd';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { askEarlyStatus } from './features/startup/early-status';
import { cspNonce, trustScriptCreatedStyles } from './lib/csp';
import { THEME } from './lib/theme';
import { windowKind } from './lib/window-kind';
// antd's prebuilt component styles (theme.ts zeroRuntime), then ours, which may refine them.
import 'antd/dist/antd.css';
import './styles.css';

trustScriptCreatedStyles(cspNonce);

// antd's CSS-in-JS styles carry this load's nonce; the CSP refuses inline styles without it.
const csp = { nonce: cspNonce };
// Static message/modal holders render outside the tree and need the nonce and the theme as well.
ConfigProvider.config({
  holderRender: (children) => (
    <ConfigProvider csp={csp} theme={THEME}>
      {children}
    </ConfigProvider>
  ),
});

const root = document.getElementById('root');
if (!root) throw new Error('页面缺少 #root 元素');

// The console's window asks for its first answers before its first render (early-status.ts); the
// alarm strip and the wall display have no log-in of their own.
if (windowKind() === 'console') askEarlyStatus();

createRoot(root).render(
  <ConfigProvider csp={csp}>
    <App />
  </ConfigProvider>,
);
