import { z } from 'zod';
// zod's messages in Chinese, the same configuration as the main process's validation.
import '../../shared/ipc/zod-locale';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

// zod probes `Function('')`, which a strict CSP forbids.
z.config({ jitless: true });

createRoot(document.getElementById('root')!).render(<App />);
