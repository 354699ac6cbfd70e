import './zod-jitless';
// zod's messages in Chinese, the same configuration as the main process's validation.
import '../../shared/ipc/zod-locale';
import { ConfigProvider } from 'antd';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { cspNonce, trustScriptCreatedStyles } from './lib/csp';
import './styles.css';

trustScriptCreatedStyles(cspNonce);

// antd's CSS-in-JS styles carry this load's nonce; the CSP refuses inline styles without it.
const csp = { nonce: cspNonce };
// Static message/modal holders render outside the tree and need the nonce as well.
ConfigProvider.config({ holderRender: (children) => <ConfigProvider csp={csp}>{children}</ConfigProvider> });

const root = document.getElementById('root');
if (!root) throw new Error('页面缺少 #root 元素');

createRoot(root).render(
  <ConfigProvider csp={csp}>
    <App />
  </ConfigProvider>,
);
