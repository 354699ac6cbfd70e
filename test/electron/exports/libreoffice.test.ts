// Exports as LibreOffice opens them: converted to PDF headless, then read back with pdftotext.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { dutyLogRangeTables, dutyLogTables, toDocx, toXlsx } from '../../../electron/exports/index';
import { writeRosterXlsx } from '../../../electron/rosters/roster-io';
import { compileDutyLog, type DutyEvent } from '../../../shared/stats/duty-log';
import { dispatch } from '../../../electron/ipc/dispatch';
import type { ExportedFile } from '../../../shared/ipc/exported-file';
import { ENV_INPUT, makeServices } from '../../helpers/services';
import { useTempDirs } from '../../helpers/temp-dir';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'exports-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Converts a file with LibreOffice (its own profile in the temp folder) and returns the PDF path. */
async function toPdf(file: string): Promise<string> {
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { timeout: 180_000 },
  );
  return join(dir, basename(file).replace(/\.\w+$/, '.pdf'));
}

async function pageSize(pdf: string): Promise<[number, number]> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout);
  return [Math.round(Number(m?.[1])), Math.round(Number(m?.[2]))];
}

async function pageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const n = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
  const out: string[] = [];
  for (let p = 1; p <= n; p++)
    out.push((await run('pdftotext', ['-layout', '-f', String(p), '-l', String(p), pdf, '-'])).stdout);
  return out;
}

// A day with 20 events, each with a phone number in its text.
const events: DutyEvent[] = Array.from({ length: 20 }, (_, i) => ({
  at: `2025-10-01T${String(9 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '05'}:00+08:00`,
  kind: i % 4 === 0 ? '接报' : i % 4 === 1 ? '报告' : i % 4 === 2 ? '来电' : '批示',
  incidentId: 1 + (i % 3),
  incidentTitle: ['应县某化工厂泄漏', '平鲁区通信光缆中断', '朔城区森林火情'][i % 3] ?? '',
  text: `第${i + 1}条：电话0349-20${String(12340 + i)}报告处置进展，已通知相关单位`,
  officer: i % 2 ? '张伟' : '赵珺',
}));

describe('exports opened by LibreOffice', () => {
  it(
    'a day with 20 events: XLSX prints every value whole, on at most 2 A4 pages, no page holding only a heading',
    { timeout: 300_000 },
    async () => {
      const log = compileDutyLog({ day: '2025-10-01', events, duty: [{ leader: '王建国', officer: '张伟' }] });
      const file = join(dir, 'day.xlsx');
      writeFileSync(file, await toXlsx(dutyLogRangeTables([log]), { asOf: new Date('2025-10-02T01:00:00Z') }));
      const pages = await pageTexts(await toPdf(file));
      expect(pages.length).toBeLessThanOrEqual(2);
      const all = pages.join('\n');
      for (const e of events) {
        const phone = /0349-\d+/.exec(e.text)?.[0] ?? '';
        expect(all, phone).toContain(phone);
        const hm = e.at.slice(11, 16);
        expect(all, hm).toContain(hm);
      }
      // Dates print whole: 2025年10月1日 on one line.
      expect(all).toContain('2025年10月1日');
      expect(all).not.toMatch(/2025年10月1\s*\n\s*日/);
      expect(all).toContain('截至2025年10月2日 9时00分');
      for (const p of pages) expect(p.replace(/\s+/g, '').length, 'page with content').toBeGreaterThan(40);
    },
  );

  it(
    'a day with 20 events exported for that day: one compact XLSX sheet on at most 2 A4 pages, overview and every value whole',
    { timeout: 300_000 },
    async () => {
      const log = compileDutyLog({ day: '2025-10-01', events, duty: [{ leader: '王建国', officer: '张伟' }] });
      const file = join(dir, 'one-day.xlsx');
      writeFileSync(file, await toXlsx(dutyLogTables(log), { asOf: new Date('2025-10-02T01:00:00Z') }));
      const pdf = await toPdf(file);
      expect(await pageSize(pdf)).toEqual([595, 842]);
      const pages = await pageTexts(pdf);
      expect(pages.length).toBeLessThanOrEqual(2);
      const all = pages.join('\n');
      for (const e of events) {
        expect(all).toContain(/0349-\d+/.exec(e.text)?.[0] ?? '');
        expect(all).toContain(e.at.slice(11, 16));
      }
      expect(all).toContain('值班日志（2025年10月1日）');
      expect(all).toContain('2025年10月1日 08:30 至 2025年10月2日 08:30');
      expect(all).toContain('带班领导：王建国');
      expect(all).toContain('截至2025年10月2日 9时00分');
      for (const p of pages) expect(p.replace(/\s+/g, '').length, 'page with content').toBeGreaterThan(40);
    },
  );

  it('DOCX of a range writes its dates in Chinese, each whole on one line', { timeout: 300_000 }, async () => {
    const day1 = compileDutyLog({ day: '2025-10-01', events, duty: [{ leader: '王建国', officer: '张伟' }] });
    const file = join(dir, 'range.docx');
    writeFileSync(file, await toDocx(dutyLogRangeTables([day1]), { title: '值班日志汇总' }));
    // (pdftotext shows LibreOffice's space between CJK and digits: left out.)
    const all = (await pageTexts(await toPdf(file))).join('\n').replace(/[ \t]+/g, '');
    // The summary row and the 20 records each show the day as 2025年10月1日, never split or in ISO form.
    expect(all.match(/2025年10月1日/g)?.length ?? 0).toBeGreaterThanOrEqual(21);
    expect(all).not.toMatch(/2025-10-01/);
    expect(all).not.toMatch(/2025年(10月?)?\n/);
  });

  it(
    'the roster XLSX prints on A4 landscape, one page wide, under its title and as-of date',
    { timeout: 300_000 },
    async () => {
      const rows = Array.from({ length: 30 }, (_, i) => ({
        指挥部: '朔州市较大生态环境事件应急指挥部',
        单位: `市生态环境局第${i + 1}科`,
        姓名: `王${i + 1}`,
        职务: '科长',
        办公电话: `0349-20${String(11000 + i)}`,
        手机: `139${String(12340000 + i)}`,
        红机: '',
        传真: `0349-20${String(12000 + i)}`,
        备注: '',
      }));
      const file = join(dir, 'roster.xlsx');
      writeFileSync(
        file,
        await writeRosterXlsx(rows, '通讯录', {
          title: '朔州市较大生态环境事件应急指挥部',
          asOf: '2026年11月30日 09:59',
        }),
      );
      const pdf = await toPdf(file);
      expect(await pageSize(pdf)).toEqual([842, 595]);
      const pages = await pageTexts(pdf);
      const all = pages.join('\n');
      for (const r of rows) {
        expect(all).toContain(r.办公电话);
        expect(all).toContain(r.手机);
        expect(all).toContain(r.传真);
      }
      // Every page: the title and as-of date in its header, the column headings repeated.
      for (const p of pages) {
        expect(p).toContain('朔州市较大生态环境事件应急指挥部');
        expect(p).toContain('截至2026年11月30日 09:59');
        expect(p.replace(/\s+/g, '')).toContain('办公电话');
      }
      // One page wide: the last column (备注) is on the same pages as the first.
      expect(pages.every((p) => p.includes('备注'))).toBe(true);
    },
  );

  it('DOCX keeps every row of its last table and ends with a paragraph after it', { timeout: 300_000 }, async () => {
    const log = compileDutyLog({ day: '2025-10-01', events, duty: [{ leader: '王建国', officer: '张伟' }] });
    const file = join(dir, 'day.docx');
    writeFileSync(file, await toDocx(dutyLogRangeTables([log]), { title: '值班日志汇总' }));
    const pages = await pageTexts(await toPdf(file));
    const all = pages.join('\n');
    for (const e of events) expect(all, e.text.slice(0, 6)).toContain(/0349-\d+/.exec(e.text)?.[0] ?? '');
    // The last row of the last table, then the closing paragraph on the last page.
    expect(all.replace(/\s+/g, '')).toContain('第20条');
    expect((pages[pages.length - 1] ?? '').replace(/\s+/g, '')).toContain('（以下无正文）');
    // Page numbers on the outside edge: even pages at the left margin.
    if (pages.length >= 2) expect(/^\s{0,3}—\s*2\s*—\s*$/m.test(pages[1] ?? '')).toBe(true);
  });
});

describe('incident and statistics exports opened by LibreOffice', () => {
  const tempDirs = useTempDirs();

  it(
    'one incident (XLSX and DOCX) and the statistics (XLSX): A4, each sheet on one page, every value whole, no page holding only a heading',
    { timeout: 400_000 },
    async () => {
      const s = await makeServices(tempDirs(), { now: () => new Date('2026-11-29T03:00:00.000Z') });
      try {
        await s.incidents.setDuty({ leader: '王建国', officer: '张伟' });
        const d = await s.incidents.create({
          ...ENV_INPUT,
          reporterPhone: '13912345678',
          levelOverride: null,
          responseOverride: null,
        });
        await s.incidents.completeClock({
          incidentId: d.id,
          clockId: d.clocks[0]!.clockId,
          completedAt: '2026-11-29T02:10:00.000Z',
          channel: '书面',
          recipientUnit: d.clocks[0]!.to,
          recipientName: '孙赟',
        });
        const exported = async (channel: string, args: object): Promise<string> => {
          const r = await dispatch(s.handlers, channel, args, () => undefined);
          if (!r.ok) throw new Error(r.error.message);
          // export channels answer with the ExportedFile they wrote
          const file = (r.value as ExportedFile).path;
          return toPdf(file);
        };
        const detail = await s.incidents.get(d.id);
        // Each token whole on its line (a date and its time may sit on two lines of a narrow cell).
        const whole = [d.serial, '13912345678', '2026-11-29', '09:20', '10:10', '孙赟'];
        for (const format of ['xlsx', 'docx'] as const) {
          const pdf = await exported('data:export-incident', { id: d.id, format });
          const pages = await pageTexts(pdf);
          const [w, h] = await pageSize(pdf);
          expect([Math.min(w, h), Math.max(w, h)], format).toEqual([595, 842]);
          // Three tables (particulars, clocks, timeline), each fits one page for an incident this size.
          if (format === 'xlsx') expect(pages.length, format).toBe(3);
          else expect(pages.length, format).toBeLessThanOrEqual(3);
          const all = pages.join('\n');
          for (const v of whole) expect(all, `${format} ${v}`).toContain(v);
          // Clock titles are running CJK text a narrow DOCX cell may wrap (pdftotext then interleaves its lines).
          if (format === 'xlsx')
            for (const c of detail.clocks) expect(all.replace(/\s+/g, ''), `${format} ${c.title}`).toContain(c.title);
          for (const p of pages)
            expect(p.replace(/\s+/g, '').length, `${format} page with content`).toBeGreaterThan(40);
          // Facts by their Chinese labels, never field keys; as of the service's clock (11:00).
          expect(all.replace(/\s+/g, ''), format).toContain('中毒或重伤人数：12');
          expect(all, format).not.toMatch(/poisonedOrInjured|deaths/);
          if (format === 'xlsx') expect(all).toContain('截至2026年11月29日 11时00分');
        }
        const stats = await pageTexts(
          await exported('data:export-stats', {
            format: 'xlsx',
            from: '2026-11-01T00:00:00+08:00',
            to: '2026-11-30T23:59:59+08:00',
          }),
        );
        const all = stats.join('\n');
        for (const v of ['按预案统计', '2026-11-01至2026-11-30']) expect(all.replace(/\s+/g, ''), v).toContain(v);
        for (const p of stats) expect(p.replace(/\s+/g, '').length, 'stats page with content').toBeGreaterThan(40);
      } finally {
        await s.close();
      }
    },
  );
});

describe('the month schedule exports opened by LibreOffice', () => {
  const tempDirs = useTempDirs();

  it(
    '值班表 (XLSX and DOCX): A4, every date and name present, the XLSX month on one page with each holiday mark whole',
    { timeout: 400_000 },
    async () => {
      const s = await makeServices(tempDirs(), { now: () => new Date('2025-09-20T02:00:00.000Z') });
      try {
        const call = async (channel: string, args: object): Promise<unknown> => {
          const r = await dispatch(s.handlers, channel, args, () => undefined);
          if (!r.ok) throw new Error(r.error.message);
          return r.value;
        };
        await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
        await call('schedule:generate', {
          month: '2025-10',
          leaders: ['李堃', '王镕', '张喆'],
          officers: ['赵珺', '钱赟', '孙敏', '周强'],
        });
        for (const format of ['xlsx', 'docx'] as const) {
          // export channels answer with the ExportedFile they wrote
          const file = ((await call('schedule:export', { month: '2025-10', format })) as ExportedFile).path;
          const pdf = await toPdf(file);
          const [w, h] = await pageSize(pdf);
          expect([Math.min(w, h), Math.max(w, h)], format).toEqual([595, 842]);
          const pages = await pageTexts(pdf);
          // Each line read without the spaces pdftotext puts between CJK and digits.
          const all = pages.map((p) => p.replace(/[ \t]+/g, '')).join('\n');
          for (const v of ['10月1日', '10月31日', '李堃', '王镕', '张喆', '赵珺', '钱赟', '孙敏', '周强'])
            expect(all, `${format} ${v}`).toContain(v);
          expect(all, format).toContain('2025年10月值班表');
          expect(all, format).toContain('值班次数统计');
          if (format === 'xlsx') {
            // The month on one page, the per-person counts on the next; every mark and the hours whole.
            expect(pages.length).toBe(2);
            for (const v of ['法定节假日（国庆节）', '法定节假日（中秋）', '调休上班（国庆节）', '08:30—次日08:30'])
              expect(all, v).toContain(v);
          } else {
            // 12-point type in portrait: the month runs over pages, the header repeated on each.
            expect(pages.length).toBeLessThanOrEqual(4);
            for (const p of pages.slice(1)) expect(p.replace(/\s+/g, ''), 'repeated header').toContain('日期星期');
          }
          for (const p of pages)
            expect(p.replace(/\s+/g, '').length, `${format} page with content`).toBeGreaterThan(40);
        }
      } finally {
        await s.close();
      }
    },
  );
});
