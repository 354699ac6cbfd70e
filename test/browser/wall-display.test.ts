/**
 * The wall display (值班大屏, issue 17) as the room's big screen shows it: the kiosk page opened
 * with the address the 带班领导 made in 设置, at 1920×1080. Open incidents with level and place,
 * the running clocks with their state, warnings in force and who is on duty; large type, high
 * contrast, live updates, and no log-in or idle lock of its own.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { CLOCK_STATE_LABELS } from '../../shared/clocks/state';
import type { Result } from '../../shared/ipc/result';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

const ok = (r: Result<unknown>): void => {
  if (!r.ok) throw new Error(r.error.message);
};

const report = (title: string, place: string, minutesAgo: number, injured: number) => ({
  category: 'environment',
  title,
  places: [place],
  occurredAt: new Date(Date.now() - (minutesAgo + 10) * 60_000).toISOString(),
  receivedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
  reporterUnit: '县生态环境分局',
  reporterName: '王磊',
  reporterPhone: '13912345678',
  receiveChannel: '电话',
  narrative: '河道内大量死鱼。',
  facts: { deaths: 0, poisonedOrInjured: injured },
  drill: false,
});

/** WCAG contrast of an element's text against the first opaque background behind it. */
const contrastOf = (page: Page, selector: string): Promise<number> =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no ${sel}`);
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r = 0, g = 0, b = 0]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    let bg: Element | null = el;
    while (bg && (rgb(getComputedStyle(bg).backgroundColor)[3] ?? 1) === 0) bg = bg.parentElement;
    const fg = lum(rgb(getComputedStyle(el).color));
    const back = lum(rgb(bg ? getComputedStyle(bg).backgroundColor : 'rgb(255,255,255)'));
    return (Math.max(fg, back) + 0.05) / (Math.min(fg, back) + 0.05);
  }, selector);

describe('the wall display', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it(
    'a kiosk page with the wall address shows the board large, updates live, and has no log-in or idle lock',
    { timeout: 240_000 },
    async () => {
      const app = await startWebApp(browser(), tempDir());
      const { page } = app;
      page.setDefaultTimeout(30_000);
      const kioskContext = await browser().newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1920, height: 1080 },
      });
      const wall = await kioskContext.newPage();
      wall.setDefaultTimeout(30_000);
      try {
        await signInDuty(page);
        const h = app.services.handlers;
        ok(await dispatch(h, 'incidents:create', report('桑干河支流死鱼', '山阴县', 150, 12)));
        ok(
          await dispatch(h, 'warnings:issue', {
            plan: 'radiation',
            level: '三级',
            direction: 'issued',
            issuerKind: 'city',
            issuer: '朔州市人民政府',
            area: '朔城区',
            issuedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
            document: '朔政发〔2026〕12号',
          }),
        );

        // The 带班领导, logged in at the seat, makes the wall address in 设置.
        await page.getByRole('menuitem', { name: '设置' }).click();
        await expect.poll(() => page.getByTestId('wall-key-status').innerText()).toContain('未启用');
        await page.getByTestId('wall-key-rotate').click();
        const address = await page.getByTestId('wall-key-address').inputValue();
        expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?wall=[\w-]{43}#\/wall$/);
        await expect.poll(() => page.getByTestId('wall-key-status').innerText()).toContain('已启用');

        // The big screen opens it: no log-in, the board at once.
        await wall.goto(address);
        await wall.getByTestId('wall-incident').first().waitFor();
        expect(await wall.getByTestId('login-name').count()).toBe(0);
        const text = await wall.getByTestId('wall').innerText();
        for (const t of ['桑干河支流死鱼', '山阴县', '较大', '李堃', '赵珺', '朔城区', '报告时限'])
          expect(text).toContain(t);
        await expect.poll(() => wall.getByTestId('wall-clock').count()).toBeGreaterThan(0);
        const states = await wall.getByTestId('wall-clock').evaluateAll((els) => els.map((e) => e.textContent));
        expect(states.some((s) => s.includes(CLOCK_STATE_LABELS.overdue))).toBe(true);
        // The time runs on screen without any reload (the countdowns read the same ticker).
        const first = await wall.locator('.wall-time-hms').innerText();
        await expect.poll(() => wall.locator('.wall-time-hms').innerText(), { timeout: 5_000 }).not.toBe(first);

        // Readable from 5 m: no text under 26 px, titles and countdowns larger; light on dark.
        const sizes = await wall.evaluate(() =>
          [...document.querySelectorAll('.wall *')]
            .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim()))
            .map((e) => parseFloat(getComputedStyle(e).fontSize)),
        );
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(26);
        const px = (sel: string) =>
          wall.evaluate((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize), sel);
        expect(await px('.wall-incident-title')).toBeGreaterThanOrEqual(34);
        expect(await px('.wall-clock-text')).toBeGreaterThanOrEqual(44);
        expect(await px('.wall-time-hms')).toBeGreaterThanOrEqual(60);
        for (const sel of [
          '.wall-incident-title',
          '.wall-incident-meta',
          '.wall-clock-what',
          '.wall-duty b',
          '.wall-level',
        ])
          expect(await contrastOf(wall, sel), sel).toBeGreaterThanOrEqual(7);
        // The board fits the screen: nothing scrolls.
        expect(await wall.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
        await wall.screenshot({ path: 'test-output/wall-display.png' });

        // Live: a registration at a seat appears on the wall within seconds.
        ok(await dispatch(h, 'incidents:create', report('应县化工厂废水外溢', '应县', 20, 3)));
        await expect.poll(() => wall.getByTestId('wall-incident-count').innerText(), { timeout: 5_000 }).toBe('2');
        expect(await wall.getByTestId('wall').innerText()).toContain('应县化工厂废水外溢');

        // The wall key reaches the board only: not the list, not logging in.
        const refused = await wall.evaluate(async () => {
          const key = new URLSearchParams(location.search).get('wall') ?? '';
          const post = (c: string) =>
            fetch(`/api/${c}`, {
              method: 'POST',
              headers: { 'X-Duty-Wall': key, 'Content-Type': 'application/json' },
              body: '{}',
            });
          return [
            (await post('incidents:list')).status,
            (await post('auth:status')).status,
            (await post('wall:board')).status,
          ];
        });
        expect(refused).toEqual([403, 403, 200]);

        // No idle lock: with the lock at one minute, the seat locks and the wall keeps showing. The
        // seat's page runs on Playwright's clock, moved on past the minute instead of waiting it out
        // (the wall's page, in its own context, keeps real time).
        ok(await dispatch(h, 'settings:set', { idleLockMinutes: 1 }));
        await page.clock.install();
        await page.reload();
        await page.getByTestId('incident-table').waitFor();
        await page.clock.fastForward('01:05');
        await page.getByTestId('lock-screen').waitFor();
        expect(await wall.getByTestId('lock-screen').count()).toBe(0);
        expect(await wall.getByTestId('wall-incident').count()).toBe(2);
        ok(await dispatch(h, 'incidents:create', report('朔城区燃气泄漏', '朔城区', 5, 0)));
        await expect.poll(() => wall.getByTestId('wall-incident-count').innerText(), { timeout: 5_000 }).toBe('3');

        // A new address ends the old one: the wall says it cannot update, and shows no board data.
        ok(await dispatch(h, 'wall:rotate-key', {}));
        await wall.reload();
        await expect.poll(() => wall.getByTestId('wall-status').innerText()).toContain('无法更新');
        expect(await wall.getByTestId('wall-incident').count()).toBe(0);
      } finally {
        await kioskContext.close();
        await app.close();
      }
    },
  );

  it(
    'more incidents and clocks than the screen holds: only whole rows, the rest counted, the room’s own name as title',
    { timeout: 120_000 },
    async () => {
      const app = await startWebApp(browser(), tempDir());
      const kiosk = await browser().newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1600, height: 1000 },
      });
      const wall = await kiosk.newPage();
      try {
        const h = app.services.handlers;
        await app.services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
        ok(await dispatch(h, 'settings:set', { stationName: '朔州市应急管理局值班室' }));
        for (let i = 1; i <= 12; i++)
          ok(await dispatch(h, 'incidents:create', report(`第${i}起河道死鱼`, '山阴县', 100 + i, 12)));
        const issued = await dispatch(h, 'wall:rotate-key', {});
        if (!issued.ok) throw new Error(issued.error.message);
        await wall.goto(new URL((issued.value as { path: string }).path, app.host.appUrl).href);
        await wall.getByTestId('wall-incident').first().waitFor();
        expect(await wall.getByTestId('wall-title').innerText()).toBe('朔州市应急管理局值班室');
        expect(await wall.getByTestId('wall-incident-count').innerText()).toBe('12');

        /** Rows shown, whether each lies whole inside its panel, and the 另有 line's number. */
        const panel = (row: string, more: string) =>
          wall.evaluate(
            ({ row, more }) => {
              const rows = [...document.querySelectorAll(`[data-testid=${row}]`)];
              const box = rows[0]?.closest('.wall-panel')?.getBoundingClientRect();
              const moreEl = document.querySelector(`[data-testid=${more}]`);
              const moreBox = moreEl?.getBoundingClientRect();
              return {
                shown: rows.length,
                whole: rows.every((r) => box !== undefined && r.getBoundingClientRect().bottom <= box.bottom + 0.5),
                more: Number(/另有 (\d+)/.exec(moreEl?.textContent ?? '')?.[1] ?? NaN),
                moreVisible:
                  moreEl !== null &&
                  getComputedStyle(moreEl).visibility === 'visible' &&
                  moreBox !== undefined &&
                  box !== undefined &&
                  moreBox.bottom <= box.bottom + 0.5,
              };
            },
            { row, more },
          );
        const incidents = await panel('wall-incident', 'wall-incident-more');
        expect(incidents.whole).toBe(true);
        expect(incidents.shown).toBeGreaterThan(2);
        expect(incidents.shown).toBeLessThan(12);
        expect(incidents.more).toBe(12 - incidents.shown);
        expect(incidents.moreVisible).toBe(true);
        const clocks = await panel('wall-clock', 'wall-clock-more');
        const clockTotal = Number(await wall.getByTestId('wall-clock-count').innerText());
        expect(clocks.whole).toBe(true);
        expect(clocks.shown).toBeGreaterThan(1);
        expect(clocks.more).toBe(clockTotal - clocks.shown);
        expect(clocks.moreVisible).toBe(true);
        // Each clock row names its incident first, so a cut line still says whose clock it is.
        for (const t of await wall.locator('.wall-clock-what').allInnerTexts())
          expect(t).toMatch(/^第\d+起河道死鱼 · /);
        await wall.screenshot({ path: 'test-output/wall-display-full.png' });

        // A taller screen holds more whole rows, and says so.
        await wall.setViewportSize({ width: 1920, height: 1080 });
        await expect
          .poll(async () => (await panel('wall-incident', 'wall-incident-more')).shown)
          .toBeGreaterThan(incidents.shown);
        const taller = await panel('wall-incident', 'wall-incident-more');
        expect(taller.whole).toBe(true);
        expect(taller.more).toBe(12 - taller.shown);
      } finally {
        await kiosk.close();
        await app.close();
      }
    },
  );
});
