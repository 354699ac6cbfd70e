/** Where the data lives: `--data-dir=PATH` or DUTY_DATA_DIR win over the platform default, so tests never touch real data. */
import { resolve } from 'node:path';

export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  for (const [i, arg] of argv.entries()) {
    if (arg.startsWith('--data-dir=')) return resolve(arg.slice('--data-dir='.length));
    const next = argv[i + 1];
    if (arg === '--data-dir' && next) return resolve(next);
  }
  if (env.DUTY_DATA_DIR) return resolve(env.DUTY_DATA_DIR);
  return fallback;
}
