/**
 * The page runs under a CSP without 'unsafe-inline': antd's CSS-in-JS and the print preview must
 * carry the nonce of the load. A style or script the policy refuses shows up here as a violation.
 */
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';
import { dutyDayOf } from '../../shared/schedule/index';

describe('the console under its strict CSP in Chromium', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it(
    'applies antd styles and the print preview with the per-load nonce, and nothing is refused',
    { timeout: 120_000 },
    async () => {
      const app = await startWebApp(browser(), tempDir());
      const { page } = app;
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      try {
        await signInDuty(page, '李堃', '赵珺');
        const nonce = await page.evaluate(
          // the element the selector or test id names
          () => (document.querySelector('meta[property=csp-nonce]') as HTMLMetaElement).nonce,
        );
        expect(nonce).toMatch(/^[A-Za-z0-9+/]{22,}={0,2}$/);
        const header = (await page.request.get(app.host.appUrl)).headers()['content-security-policy'];
        expect(header).toContain("style-src 'self' 'nonce-");
        expect(header).not.toContain(nonce); // a new load, a new nonce

        // antd's run-time styles are in <style nonce> elements and apply.
        const styles = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.nonce));
        expect(styles.length).toBeGreaterThan(0);
        expect(new Set(styles)).toEqual(new Set([nonce]));
        await page.locator('.ant-menu-item', { hasText: '值班日志' }).click();
        await page.getByTestId('duty-log-summary').waitFor();
        const button = await page.getByTestId('duty-log-print').evaluate((el) => {
          const s = getComputedStyle(el);
          return { radius: s.borderRadius, border: s.borderStyle, cursor: s.cursor };
        });
        expect(button).toEqual({ radius: '6px', border: 'solid', cursor: 'pointer' });

        // The print preview: its stylesheet and its column widths apply inside the CSP.
        await page.getByTestId('duty-log-print').click();
        const frame = page.frameLocator('[data-testid=print-preview]');
        await frame.locator('.sheet').waitFor();
        await expect
          .poll(() =>
            frame
              .locator('col')
              .first()
              // the element the selector or test id names
              .evaluate((el) => (el as HTMLElement).style.width),
          )
          .toMatch(/^[\d.]+(mm|%)$/);
        const fontFamily = await frame.locator('body').evaluate((el) => getComputedStyle(el).fontFamily);
        expect(fontFamily).toMatch(/仿宋|FangSong|Noto Serif SC/);
        await page.screenshot({ path: 'test-output/csp-print-preview.png' });
        await page.keyboard.press('Escape');

        // The 值班表 month sheet is another srcdoc document under the same policy.
        // The month of today's duty day, which the 值班表 opens on (before the shift start on the 1st, the month before).
        const month = dutyDayOf(new Date().toISOString()).slice(0, 7);
        await app.services.handlers['schedule:generate']({
          month,
          leaders: ['李堃'],
          officers: ['赵珺', '王喆'],
          replace: false,
          reason: '',
          fromMonthStart: false,
        });
        await page.locator('.ant-menu-item', { hasText: '值班表' }).click();
        await page.getByRole('button', { name: '打印值班表' }).click();
        const sheet = page.frameLocator('iframe[title=值班表]');
        await expect
          .poll(() =>
            sheet
              .locator('th')
              .first()
              // the element the selector or test id names
              .evaluate((el) => (el as HTMLElement).style.width),
          )
          .toBe('14%');
        expect(await sheet.locator('table').evaluate((el) => getComputedStyle(el).borderCollapse)).toBe('collapse');

        expect(violations).toEqual([]);
      } finally {
        await app.close();
      }
    },
  );
});
