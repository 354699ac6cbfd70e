/**
 * Printing under Electron: the form is rendered in a hidden sandboxed window without JavaScript,
 * then printed through the system dialog (A4) or saved with printToPDF where the officer chooses.
 */
import { app, BrowserWindow, dialog } from 'electron';
import { mkdirSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderForm } from '../../shared/forms/render';
import type { Printer, PrintJob } from '../print/printer';

export class ElectronPrinter implements Printer {
  constructor(private readonly outDir: string) {}

  private get fontBaseUrl(): string {
    return pathToFileURL(join(this.outDir, 'renderer', 'fonts', 'noto-serif-sc')).href + '/';
  }

  async htmlToPdf(render: (fontBaseUrl: string) => string): Promise<Buffer> {
    const win = await this.loadHtml(render(this.fontBaseUrl));
    try {
      return await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false });
    } finally {
      win.destroy();
    }
  }

  private load(job: PrintJob): Promise<BrowserWindow> {
    return this.loadHtml(renderForm(job.form, { fontBaseUrl: this.fontBaseUrl, drill: job.drill }));
  }

  private async loadHtml(html: string): Promise<BrowserWindow> {
    const dir = join(app.getPath('temp'), 'shuozhou-duty-print');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `form-${Date.now()}.html`);
    writeFileSync(file, html);
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    await win.loadFile(file);
    // Wait for the font subsets the page uses.
    await new Promise((r) => setTimeout(r, 300));
    return win;
  }

  async savePdf(job: PrintJob): Promise<string | null> {
    const { canceled, filePath } = await dialog.showSaveDialog({
      title: '保存为PDF',
      defaultPath: join(app.getPath('documents'), `${job.name}.pdf`),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (canceled || !filePath) return null;
    const win = await this.load(job);
    try {
      const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false });
      await writeFile(filePath, pdf);
      return filePath;
    } finally {
      win.destroy();
    }
  }

  async print(job: PrintJob): Promise<boolean> {
    const win = await this.load(job);
    try {
      return await new Promise<boolean>((resolve) =>
        win.webContents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success) => resolve(success)),
      );
    } finally {
      win.destroy();
    }
  }
}
