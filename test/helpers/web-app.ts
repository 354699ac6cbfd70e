/**
 * Starts the real main-process services on a fresh data folder, serves the built renderer through
 * the web host, and drives it in Debian's Chromium with playwright-core.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../electron/print/chromium-pdf';
import { createAppServices } from '../../electron/services/app-services';
import type { AppServices } from '../../electron/services/app-services';
import { startWebHost } from '../../electron/web-host/server';
import type { WebHost } from '../../electron/web-host/server';
import { staticDirs } from '../../electron/web-host/static-dirs';
import { TOKEN_FILE } from '../../electron/web-host/token-file';
import { webHostPrinter } from '../../electron/print/printer';

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

export async function startWebApp(browser: Browser, dataDir: string): Promise<WebApp> {
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
    });
    host = await startWebHost({
      handlers: services.handlers,
      rendererDir: RENDERER_DIR,
      staticDirs: staticDirs(),
      port,
      tokenFile: join(dataDir, TOKEN_FILE),
    });
    port = host.port;
    return { services, host };
  };
  let { services, host } = await boot();
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1600, height: 1000 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(host.appUrl);
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
      await context.close();
      await host.close();
      await services.close();
    },
  };
  return app;
}
