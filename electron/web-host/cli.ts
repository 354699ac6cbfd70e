/**
 * Runs the console as a local web page: the same services and the same built renderer on
 * 127.0.0.1. Used by `npm start` where the Electron binary cannot be obtained.
 *   tsx electron/web-host/cli.ts [--data-dir DIR] [--port N] [--open] [--database-url URL | --save-database-url URL]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { bootServices } from '../services/startup/startup-service';
import { resolveDataDir } from '../services/data-dir';
import { resolveDatabaseUrl } from '../db/database-url';
import { webHostPrinter } from '../print/printer';
import { startWebHost } from './server';
import type { WebHost } from './server';
import { staticDirs } from './static-dirs';
import { TOKEN_FILE } from './token-file';

/** The last port, kept beside the token: an open page finds the console again after a restart. */
const PORT_FILE = 'web-port';

function lastPort(dataDir: string): number {
  try {
    const n = Number(readFileSync(join(dataDir, PORT_FILE), 'utf8').trim());
    return Number.isInteger(n) && n > 1023 && n < 65536 ? n : 0;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv, process.env, join(homedir(), '.local', 'share', 'shuozhou-duty-console'));
  const portArg = argv.find((a) => a.startsWith('--port='));
  let host: WebHost | null = null;
  // A damaged database starts the recovery state (served to the page), never a fresh install.
  const services = await bootServices({
    dataDir,
    // PostgreSQL for several seats (--database-url, DUTY_DATABASE_URL or the saved setting); else SQLite.
    databaseUrl: await resolveDatabaseUrl(argv, process.env, dataDir),
    host: 'web',
    printer: webHostPrinter(dataDir),
    emit: (e, p) => host?.emit(e, p),
  });
  const start = (port: number) =>
    startWebHost({
      handlers: services.handlers,
      rendererDir: resolve('out/renderer'),
      staticDirs: staticDirs(),
      port,
      tokenFile: join(dataDir, TOKEN_FILE),
      onTokenRotated: (url) => console.log(`访问令牌已更换，其他页面请用新地址打开：${url}`),
    });
  if (portArg) host = await start(Number(portArg.slice('--port='.length)));
  else {
    const previous = lastPort(dataDir);
    try {
      host = await start(previous);
    } catch {
      console.log(`上次使用的端口 ${previous} 已被占用，改用新端口；已打开的页面需用新地址重新打开。`);
      host = await start(0);
    }
    writeFileSync(join(dataDir, PORT_FILE), `${host.port}\n`);
  }
  console.log(`朔州应急值班台（浏览器模式）已启动`);
  console.log(`数据文件夹：${dataDir}`);
  const problem = services.problem();
  if (problem) console.log(`值班台未能打开数据：${problem.message}\n请打开下面的地址，按页面提示从最近的备份恢复。`);
  console.log(`请在浏览器中打开：${host.appUrl}`);
  const stop = async () => {
    await host.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(`值班台无法启动：${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
