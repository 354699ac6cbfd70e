import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

// zod probes `Function('')`, which a strict CSP forbids.
z.config({ jitless: true });

createRoot(document.getElementById('root')!).render(<App />);
