/** Where the data lives: `--data-dir=PATH` or DUTY_DATA_DIR win over the platform default, so tests never touch real data. */
import { resolve } from 'node:path';

export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--data-dir=')) return resolve(arg.slice('--data-dir='.length));
    if (arg === '--data-dir' && argv[i + 1]) return resolve(argv[i + 1]!);
  }
  if (env.DUTY_DATA_DIR) return resolve(env.DUTY_DATA_DIR);
  return fallback;
}
