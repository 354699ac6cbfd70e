/**
 * Printing under Electron, on the path the web host's Chromium printer takes (chromium-pdf.ts):
 * the form is paginated in a hidden sandboxed window (PAGED_HTML_SCRIPT: its pages, 续表 marks and
 * page numbers written into the HTML), and that self-contained document is printed in a second
 * hidden window without JavaScript, through the system dialog (A4) or with printToPDF where the
 * officer chooses. Both pages are private temporary files, deleted once printed.
 */
import { app, BrowserWindow, dialog } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PAGED_HTML_SCRIPT } from '../../shared/forms/paginate';
import { renderForm } from '../../shared/forms/render';
import type { Printer, PrintJob } from '../print/printer';

export class ElectronPrinter implements Printer {
  constructor(private readonly outDir: string) {}

  private get fontBaseUrl(): string {
    return pathToFileURL(join(this.outDir, 'renderer', 'fonts', 'noto-serif-sc')).href + '/';
  }

  async htmlToPdf(render: (fontBaseUrl: string) => string): Promise<Buffer> {
    return this.withPage(render(this.fontBaseUrl), (win) =>
      win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false }),
    );
  }

  private withJob<T>(job: PrintJob, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
    return this.withPage(
      renderForm(job.form, { fontBaseUrl: this.fontBaseUrl, drill: job.drill, chainCode: job.chainCode }),
      use,
    );
  }

  /**
   * The form's HTML holds personal data (names, phone numbers): it goes to a folder of its own
   * (mkdtemp, readable by the user only), in files only the user can read, and all are removed
   * as soon as the page has been printed, whatever happened.
   */
  private async withPage<T>(html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(join(app.getPath('temp'), 'duty-print-'));
    try {
      const paged = await this.paginate(dir, html);
      const file = join(dir, 'paged.html');
      await writeFile(file, paged, { mode: 0o600, flag: 'wx' });
      // Printed without JavaScript: everything the page shows is in its HTML.
      const win = new BrowserWindow({
        show: false,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          javascript: false,
          disableBlinkFeatures: 'Auxclick',
        },
      });
      try {
        await win.loadFile(file);
        // Wait for the font subsets the page uses.
        await new Promise((r) => setTimeout(r, 300));
        return await use(win);
      } finally {
        win.destroy();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * The form as a paginated, self-contained document. Our script runs in a sandboxed window with
   * no preload and no Node; the form itself carries no script (its text is escaped), and like
   * every web contents it may not navigate or open windows (guardWebContents).
   */
  private async paginate(dir: string, html: string): Promise<string> {
    const file = join(dir, 'form.html');
    await writeFile(file, html, { mode: 0o600, flag: 'wx' });
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        javascript: true,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    try {
      await win.loadFile(file);
      await win.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
      const paged: unknown = await win.webContents.executeJavaScript(PAGED_HTML_SCRIPT);
      if (typeof paged !== 'string' || !paged.startsWith('<!DOCTYPE html>')) throw new Error('表单分页失败，未打印');
      return paged;
    } finally {
      win.destroy();
    }
  }

  async savePdf(job: PrintJob): Promise<string | null> {
    const { canceled, filePath } = await dialog.showSaveDialog({
      title: '保存为PDF',
      defaultPath: join(app.getPath('documents'), `${job.name}.pdf`),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (canceled || !filePath) return null;
    const pdf = await this.withJob(job, (win) =>
      win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false }),
    );
    await writeFile(filePath, pdf);
    return filePath;
  }

  async print(job: PrintJob): Promise<boolean> {
    return this.withJob(
      job,
      (win) =>
        new Promise<boolean>((resolve) =>
          win.webContents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success) =>
            resolve(success),
          ),
        ),
    );
  }
}
