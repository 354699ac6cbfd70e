// The report chain on paper, printed by Chromium and read back with pdftotext: a 更正报告 names the
// report it corrects with both 报送时间; the radiation 终结报告 carries the 42号 4.1.2(3) content list;
// signed reports print 签发人 and 签发时间.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderForm, sampleForms } from '../../../shared/forms';
import type { FormInput } from '../../../shared/forms';
import { FONT_BASE_URL, launchChromium, renderPdf, withFormPage } from '../../../electron/print/chromium-pdf';

const run = promisify(execFile);
let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchChromium();
  dir = await mkdtemp(join(tmpdir(), 'report-chain-pdf-'));
});

afterAll(async () => {
  await browser.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function pdfText(id: string, input: FormInput): Promise<string> {
  const path = join(dir, `${id}.pdf`);
  await writeFile(path, await renderPdf(browser, renderForm(input, { fontBaseUrl: FONT_BASE_URL })));
  const { stdout } = await run('pdftotext', ['-raw', path, '-']);
  return stdout.replace(/\s+/g, '');
}

function sample(id: string): FormInput {
  const s = sampleForms().find((x) => x.id === id);
  if (!s) throw new Error(`no sample ${id}`);
  return s.input;
}

describe('the report chain on paper', () => {
  it('a correction prints as 更正报告, names the report it corrects with its 报送时间, and gives its own', async () => {
    const text = await pdfText('correction', sample('radiation-follow-up-correction'));
    expect(text).toContain('更正报告');
    expect(text).toContain('本报告更正2021年9月2日18时30分报送的《辐射事故后续报告表》（续报一）');
    expect(text).toContain('本更正报告报送时间：2021年9月2日20时10分');
    expect(text).toContain('放射源表第1行事故时活度(Bq)：9.10E+09→9.05E+09');
    expect(text).toContain('签发人：王镕');
    expect(text).toContain('签发时间：2021年9月2日20时00分');
  }, 60_000);

  it('the radiation 终结报告 is its own document with the content of 42号 4.1.2(3)', async () => {
    const text = await pdfText('final', sample('radiation-final'));
    expect(text).toContain('辐射事故终结报告');
    expect(text).not.toContain('辐射事故后续报告表');
    expect(text).toContain('4.1.2(3)');
    const headings = [
      '一、事故基本情况',
      '二、处理事故的措施、过程和结果',
      '三、事故潜在或间接的危害',
      '四、社会影响',
      '五、处理后的遗留问题',
      '六、参加处置工作的有关部门和工作内容',
      '七、有关危害与损失的证明文件',
    ];
    let at = -1;
    for (const h of headings) {
      const i = text.indexOf(h);
      expect(i, h).toBeGreaterThan(at);
      at = i;
    }
    for (const v of [
      '朔城区公安分局',
      '现场警戒、排查放射源去向',
      '朔环监字〔2021〕58号',
      '签发人：王镕',
      '签发时间：2021年9月6日9时30分',
    ]) {
      expect(text, v).toContain(v);
    }
  }, 60_000);

  it('an unsigned report prints no 签发 block, and a report outside a correction no 更正 banner', async () => {
    const text = await pdfText('plain', sample('radiation-follow-up'));
    expect(text).not.toContain('签发时间');
    expect(text).not.toContain('更正报告');
  }, 60_000);

  it('a version not yet signed prints 草稿 at its head, above the title', async () => {
    const input = sample('info-report-comms-initial');
    const draft = { ...input, data: { ...input.data, draft: true, signOff: undefined } } as FormInput;
    const text = await pdfText('draft', draft);
    expect(text.indexOf('草稿'), text).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('草稿')).toBeLessThan(text.indexOf('突发事件信息报告'));
    expect(await pdfText('signed', input)).not.toContain('草稿');
  }, 60_000);

  it('a long 报送单位 and the 签发人 stay apart in the report head', async () => {
    const input = sample('info-report-comms-initial');
    // Long enough that both no longer fit on one line.
    const unit = '朔州市人民政府办公室应急管理局联合总值班室';
    const form = { ...input, data: { ...input.data, unit, issuer: '王某某' } } as FormInput;
    const boxes = await withFormPage(browser, renderForm(form, { fontBaseUrl: FONT_BASE_URL }), (page) =>
      page.evaluate(() =>
        [...document.querySelectorAll('.report-head')[0]!.children].map((el) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: el.textContent };
        }),
      ),
    );
    const [unitBox, issuerBox] = boxes;
    expect(unitBox!.text).toBe(`报送单位：${unit}`);
    expect(issuerBox!.text).toBe('签发人：王某某');
    // Either on lines of their own, or side by side with at least a character's gap (16pt).
    const ownLines = issuerBox!.top >= unitBox!.bottom - 1;
    const gap = issuerBox!.left - unitBox!.right;
    expect(ownLines || gap >= 20, JSON.stringify(boxes)).toBe(true);
    // The unit's name is not broken across lines where it fits on one.
    expect(unitBox!.bottom - unitBox!.top).toBeLessThan(60);
  }, 60_000);
});
