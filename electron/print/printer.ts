/**
 * Printing behind one interface: Electron prints through webContents (system dialog, printToPDF
 * and a save dialog); the web host writes PDFs with Debian's Chromium into the exports folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderForm } from '../../shared/forms/render';
import type { FormInput } from '../../shared/forms/types';
import { chineseDate, shanghaiDate, shanghaiTime } from '../../shared/time';
import { FONT_BASE_URL, launchChromium, renderPdf } from './chromium-pdf';

export interface PrintJob {
  form: FormInput;
  drill: boolean;
  /** File name without extension, e.g. 初报-2026-0001. */
  name: string;
  /** The record chain's short code at print time, printed in every page's footer (issue 18). */
  chainCode?: string | null;
}

export interface Printer {
  /** Writes the PDF where the officer chooses; the path, or null if the officer cancelled. */
  savePdf(job: PrintJob): Promise<string | null>;
  /** Sends to the system print dialog; false where this host has none (the page prints itself). */
  print(job: PrintJob): Promise<boolean>;
  /** PDF bytes of any HTML document made for the font base URL this printer serves fonts from. */
  htmlToPdf(render: (fontBaseUrl: string) => string): Promise<Buffer>;
}

const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 80) || '表单';

/** The web host's printer: PDFs go to the exports folder (no native save dialog in a browser page). */
export const webHostPrinter = (dataDir: string): Printer => new ChromiumFolderPrinter(() => join(dataDir, 'exports'));

export class ChromiumFolderPrinter implements Printer {
  constructor(private readonly folder: () => string) {}

  async htmlToPdf(render: (fontBaseUrl: string) => string): Promise<Buffer> {
    const browser = await launchChromium();
    try {
      return await renderPdf(browser, render(FONT_BASE_URL));
    } finally {
      await browser.close();
    }
  }

  async savePdf(job: PrintJob): Promise<string> {
    const pdf = await this.htmlToPdf((fontBaseUrl) =>
      renderForm(job.form, { fontBaseUrl, drill: job.drill, chainCode: job.chainCode }),
    );
    const dir = this.folder();
    mkdirSync(dir, { recursive: true });
    // Beijing date and time, readable: 初报-2026-0001-2026年11月30日-0959.pdf. A name that already
    // names its day (值班日志-2026年11月30日) takes the time only, as the other exports do.
    const now = Date.now();
    const time = shanghaiTime(now).replace(':', '');
    const stamp = /\d{4}年\d{1,2}月\d{1,2}日/.test(job.name) ? time : `${chineseDate(shanghaiDate(now))}-${time}`;
    const path = join(dir, `${safeName(job.name)}-${stamp}.pdf`);
    writeFileSync(path, pdf);
    return path;
  }

  async print(): Promise<boolean> {
    return false;
  }
}
