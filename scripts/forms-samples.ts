// npm run forms:samples -- --out DIR
// Renders every printable form with sample data to DIR/<id>.pdf, and page 1 to DIR/<id>.png
// when pdftoppm is installed (review artefacts, not committed).

import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { renderForm, sampleForms } from '../shared/forms';
import {
  FONT_BASE_URL,
  hasTool,
  launchChromium,
  pdfFirstPageToPng,
  renderPdfWithPages,
} from '../electron/print/chromium-pdf';

function parseOut(argv: string[]): string {
  const i = argv.indexOf('--out');
  const inline = argv.find((a) => a.startsWith('--out='));
  const out = inline ? inline.slice('--out='.length) : i >= 0 ? argv[i + 1] : undefined;
  if (!out) throw new Error('用法：npm run forms:samples -- --out 目录');
  return resolve(out);
}

async function main(): Promise<void> {
  const out = parseOut(process.argv.slice(2));
  await mkdir(out, { recursive: true });
  const png = await hasTool('pdftoppm');
  const browser = await launchChromium();
  try {
    for (const sample of sampleForms()) {
      const html = renderForm(sample.input, { fontBaseUrl: FONT_BASE_URL, drill: sample.drill });
      // Paginated as the preview shows it, printed without scripts, as both printers print.
      const { pdf, pages } = await renderPdfWithPages(browser, html);
      const pdfPath = join(out, `${sample.id}.pdf`);
      await writeFile(pdfPath, pdf);
      if (png) await pdfFirstPageToPng(pdfPath, join(out, sample.id));
      console.log(`${sample.id}.pdf  ${pages}页  ${sample.description}`);
    }
  } finally {
    await browser.close();
  }
  if (!png) console.log('未安装 pdftoppm，未生成 PNG 预览。');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
