// zod probes `Function('')` the first time it parses, which the CSP forbids and reports. main.tsx
// imports this module first, so the setting holds before any other module parses while loading.
import { z } from 'zod';

z.config({ jitless: true });
