// Renders form HTML to PDF in Debian Chromium through playwright-core. The page is served from
// a fake https origin through request interception, so fonts load the same way as from the web
// host (no file:// origin quirks) and the page runs under the same strict CSP as the app.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PAGED_HTML_SCRIPT, PAGINATE_SCRIPT } from '../../shared/forms/paginate';

const run = promisify(execFile);

export const CHROMIUM_PATH = '/usr/bin/chromium';
const ORIGIN = 'https://forms.invalid';
/** fontBaseUrl to pass to renderForm when printing through renderPdf. */
export const FONT_BASE_URL = `${ORIGIN}/fonts/`;
/** Same policy the app applies to the preview: no scripts, inline styles, fonts from the host only. */
export const FORMS_CSP = "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:";

/** Folder holding the @fontsource/noto-serif-sc woff2 files. */
export function fontFilesDir(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@fontsource/noto-serif-sc/package.json');
  return join(dirname(pkg), 'files');
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`未找到 Chromium：${CHROMIUM_PATH}（apt-get install chromium）`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Serves the form page and the font files from the fake origin. */
async function routeForm(page: Page, html: string): Promise<void> {
  const fontsDir = fontFilesDir();
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort();
    if (url.pathname === '/form.html') {
      return route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': FORMS_CSP },
        body: html,
      });
    }
    if (url.pathname.startsWith('/fonts/')) {
      const name = normalize(url.pathname.slice('/fonts/'.length));
      if (!/^[\w.-]+\.woff2$/.test(name)) return route.fulfill({ status: 404, body: '' });
      const body = await readFile(join(fontsDir, name)).catch(() => undefined);
      if (!body) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ status: 200, headers: { 'content-type': 'font/woff2' }, body });
    }
    return route.fulfill({ status: 404, body: '' });
  });
}

/**
 * Opens one form document (rendered with fontBaseUrl FONT_BASE_URL) in a fresh context, waits for
 * its fonts, paginates it (paginate.ts) and hands the page and its page count to `use`.
 */
export async function withFormPage<T>(
  browser: Browser,
  html: string,
  use: (page: Page, pages: number) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await routeForm(page, html);
    await page.goto(`${ORIGIN}/form.html`, { waitUntil: 'load' });
    // Subsets load lazily per unicode-range; wait until every used one has arrived.
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    // Plan the pages (续表, headings kept with what follows) once the fonts are in. The script
    // runs through the DevTools protocol, which the page's CSP (no scripts) does not govern.
    const pages = Number(await page.evaluate(PAGINATE_SCRIPT));
    return await use(page, pages);
  } finally {
    await context.close();
  }
}

/**
 * The form paginated into a self-contained document: its pages, 续表 marks and page numbers are
 * in the HTML, so it prints the same pages with JavaScript off. Electron's printer makes the same
 * document with PAGED_HTML_SCRIPT in a scripted window and prints it in one without JavaScript.
 */
export async function pagedHtml(browser: Browser, html: string): Promise<{ html: string; pages: number }> {
  return withFormPage(browser, html, async (page, pages) => ({
    html: String(await page.evaluate(PAGED_HTML_SCRIPT)),
    pages,
  }));
}

/** Prints a paginated document to PDF in a page without JavaScript, A4 from CSS @page. */
export async function printPagedHtml(browser: Browser, html: string): Promise<Buffer> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await routeForm(page, html);
    await page.goto(`${ORIGIN}/form.html`, { waitUntil: 'load' });
    // The DevTools protocol still evaluates with the page's scripts off: wait for the fonts.
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await context.close();
  }
}

/** Prints one form document to PDF bytes (paginated, then printed without scripts), with its page count. */
export async function renderPdfWithPages(browser: Browser, html: string): Promise<{ pdf: Buffer; pages: number }> {
  const paged = await pagedHtml(browser, html);
  return { pdf: await printPagedHtml(browser, paged.html), pages: paged.pages };
}

/** Prints one HTML document (rendered with fontBaseUrl FONT_BASE_URL) to PDF bytes, A4 from CSS @page. */
export async function renderPdf(browser: Browser, html: string): Promise<Buffer> {
  return (await renderPdfWithPages(browser, html)).pdf;
}

/** True when a poppler tool is on PATH. */
export async function hasTool(tool: string): Promise<boolean> {
  try {
    await run(tool, ['-v']);
    return true;
  } catch (err) {
    // poppler tools print their version and exit 0 or 99 depending on the build.
    return (err as { code?: unknown }).code !== 'ENOENT';
  }
}

/** Writes page 1 of a PDF as PNG (outPrefix + ".png") with pdftoppm. */
export async function pdfFirstPageToPng(pdfPath: string, outPrefix: string, dpi = 96): Promise<void> {
  await run('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdfPath, outPrefix]);
}
