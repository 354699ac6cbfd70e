/**
 * Starts the real main-process services on a fresh data folder, serves the built renderer through
 * the web host, and drives it in Debian's Chromium with playwright-core.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFailed, onTestFinished } from 'vitest';
import { launchChromium } from '../../electron/print/chromium-pdf';
import { createAppServices } from '../../electron/services/app-services';
import type { AppServices } from '../../electron/services/app-services';
import { startWebHost } from '../../electron/web-host/server';
import type { WebHost } from '../../electron/web-host/server';
import { staticDirs } from '../../electron/web-host/static-dirs';
import { TOKEN_FILE } from '../../electron/web-host/token-file';
import { webHostPrinter } from '../../electron/print/printer';
import { dispatch } from '../../electron/ipc/dispatch';
import type { AuthStatus } from '../../shared/ipc/channels/accounts';
import { TEST_PASSWORD } from './ui';

export { launchChromium };

export const RENDERER_DIR = resolve('out/renderer');

/** One Chromium per test file, closed afterwards. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium 未启动');
    return browser;
  };
}

export interface WebApp {
  services: AppServices;
  host: WebHost;
  context: BrowserContext;
  page: Page;
  /** Restarts services and host on the same data folder (a restart of the console), then reloads the page. */
  restart(): Promise<void>;
  /** Stops services and host, leaving the page open as an officer would (the console went away). */
  stopServices(): Promise<void>;
  /** Starts them again on the same data folder, port and token, without touching the page. */
  startServices(): Promise<void>;
  close(): Promise<void>;
}

/** A channel answered through the app's own dispatch (validation included); a refusal throws its message. */
export async function callService<T>(app: WebApp, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(app.services.handlers, channel, input, () => undefined);
  if (!r.ok) throw new Error(r.error.message);
  // an ok answer carries the channel's declared output; the caller names it
  return r.value as T;
}

/**
 * The accounts browser tests log in with (all with TEST_PASSWORD): the administrator, the 带班领导
 * 李堃 and the 值班员 赵珺. Created once per data folder, in process, as an administrator would.
 */
export const SEEDED_ACCOUNTS = [
  { name: '李堃', role: '带班领导', phone: '13800000001' },
  { name: '赵珺', role: '值班员', phone: '13800000002' },
] as const;

export async function seedAccounts(services: Pick<AppServices, 'handlers'>): Promise<void> {
  const status = await dispatch(services.handlers, 'auth:status', {});
  // auth:status's declared output is AuthStatus
  if (!status.ok || !(status.value as AuthStatus).needsSetup) return;
  const results = [
    await dispatch(services.handlers, 'auth:setup', { name: '系统管理员', phone: '', password: TEST_PASSWORD }),
  ];
  for (const a of SEEDED_ACCOUNTS) {
    results.push(await dispatch(services.handlers, 'accounts:create', { ...a, password: TEST_PASSWORD }));
  }
  for (const r of results) if (!r.ok) throw new Error(`测试账户创建失败：${r.error.message}`);
}

export async function startWebApp(
  browser: Browser,
  dataDir: string,
  /**
   * accounts false: a fresh install without accounts (the first run asks for the administrator).
   * databaseUrl: a seat of a room sharing that PostgreSQL database (issue 17); SQLite without it.
   * timezoneId: the browser's zone (default Asia/Shanghai, as the duty room's machines are set).
   */
  opts: { accounts?: boolean; databaseUrl?: string; timezoneId?: string } = {},
): Promise<WebApp> {
  if (!existsSync(resolve(RENDERER_DIR, 'index.html'))) {
    throw new Error('找不到构建好的界面（out/renderer），请先运行 npx electron-vite build');
  }
  // Same port and the token kept in the data folder on every start, as the console's own start does.
  let port = 0;
  const boot = async () => {
    let host: WebHost | null = null;
    const services = await createAppServices({
      dataDir,
      host: 'web',
      printer: webHostPrinter(dataDir),
      emit: (e, p) => host?.emit(e, p),
      databaseUrl: opts.databaseUrl,
    });
    host = await startWebHost({
      handlers: services.handlers,
      rendererDir: RENDERER_DIR,
      staticDirs: staticDirs(),
      port,
      tokenFile: join(dataDir, TOKEN_FILE),
    });
    port = host.port;
    if (opts.accounts !== false) await seedAccounts(services);
    return { services, host };
  };
  let { services, host } = await boot();
  const context = await browser.newContext({
    locale: 'zh-CN',
    // The duty room's machines keep Beijing time; a test may give the browser another zone.
    timezoneId: opts.timezoneId ?? 'Asia/Shanghai',
    viewport: { width: 1600, height: 1000 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  // What no test expects: an exception the page did not handle, and a file the page asked for that
  // the host does not have. Either fails a test that otherwise passed (below).
  const defects: string[] = [];
  page.on('pageerror', (e) => {
    errors.push(e.message);
    defects.push(`页面未处理的错误：${e.message}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() === 404) defects.push(`页面请求的文件不存在：${new URL(r.url()).pathname}`);
  });
  await page.goto(host.appUrl);
  // What the page showed when the test closed it, printed only if the test failed: a failure in CI
  // then says which dialogs, drawers and messages were open, and what the page reported as errors.
  let endState = '';
  let endShot: Buffer | null = null;
  if (process.env.VITEST) {
    onTestFailed(({ task }) => {
      console.error(`[页面在失败的测试结束时] ${endState || '（未记录：测试未关闭页面）'}`);
      if (endShot) {
        const file = join('test-output', `failed-${task.name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}.png`);
        mkdirSync('test-output', { recursive: true });
        writeFileSync(file, endShot);
        console.error(`[页面截图] ${file}`);
      }
      if (errors.length > 0) console.error(`[页面报告的错误] ${errors.slice(-10).join('\n')}`);
    });
    onTestFinished(({ task }) => {
      if (task.result?.state !== 'fail' && defects.length > 0) throw new Error(defects.slice(0, 10).join('\n'));
    });
  }
  const app: WebApp = {
    get services() {
      return services;
    },
    get host() {
      return host;
    },
    context,
    page,
    async restart() {
      await host.close();
      await services.close();
      ({ services, host } = await boot());
      await page.goto(host.appUrl);
    },
    async stopServices() {
      await host.close();
      await services.close();
    },
    async startServices() {
      ({ services, host } = await boot());
    },
    async close() {
      endState = await describeOpenLayers(page).catch((err: unknown) => `（读取失败：${String(err)}）`);
      if (process.env.VITEST) endShot = await page.screenshot().catch(() => null);
      await context.close();
      await host.close();
      await services.close();
    },
  };
  return app;
}

/** The open dialogs, drawers, messages and notices of a page, as their text, one per line. */
async function describeOpenLayers(page: Page): Promise<string> {
  const layers = await page
    .locator('.ant-modal-wrap:visible, .ant-drawer-open, .ant-message-notice, .ant-notification-notice')
    .allInnerTexts();
  const lines = layers.map((t) => t.replace(/\s+/g, ' ').trim().slice(0, 300));
  return `${page.url()}\n${lines.length > 0 ? lines.join('\n') : '（没有打开的对话框、抽屉或消息）'}`;
}
