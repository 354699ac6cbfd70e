// axe-core in Chromium on every page of the menu and in the main drawers and forms: no critical or
// serious violation (issue 16: WCAG 2.1 AA, GB/T 37668-2019 — text contrast, labels, names).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const INCIDENT = {
  category: 'radiation' as const,
  title: '朔城区选煤厂核子秤放射源丢失',
  places: ['朔城区'],
  // Received just now: no clock is overdue, so no alarm banner covers the menu.
  occurredAt: new Date(Date.now() - 20 * 60_000).toISOString(),
  receivedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  discoveredAt: null,
  reporterUnit: '朔城区生态环境分局',
  reporterName: '王镕',
  reporterPhone: '0349-2012345',
  receiveChannel: '电话' as const,
  narrative: '检修时发现核子秤铅罐开启、放射源缺失',
  facts: { sourceClass: 4, sourceEvent: 'lost', peopleExposed: true },
  drill: false,
  levelOverride: null,
  responseOverride: null,
};

interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page as it stands and returns its critical and serious violations. The
 * script is evaluated through the DevTools protocol: the console's CSP refuses inline scripts.
 */
async function axeViolations(page: Page, scope: string): Promise<Finding[]> {
  // Let drawer and modal motion finish: half-faded text would be measured at its passing contrast.
  await page.waitForTimeout(600);
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (scope) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    // Resolved here, so the scope may use any selector Chromium knows (:has).
    const include = [...document.querySelectorAll(scope)];
    if (include.length === 0) throw new Error(`nothing to check: ${scope}`);
    const result = await axe.run({ include }, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.map((n) => {
          // The nearest test id names the control when antd's generated ids do not.
          const el = typeof n.target[0] === 'string' ? document.querySelector(n.target[0]) : null;
          const near = el?.closest('[data-testid]')?.getAttribute('data-testid');
          return `${n.target.join(' ')}${near ? ` (in ${near})` : ''}  ${n.html.slice(0, 120)}`;
        }),
      }));
  }, scope);
}

function describeFindings(where: string, findings: Finding[]): string[] {
  return findings.map(
    (f) =>
      `${where}: ${f.id} (${f.impact}) ${f.help}\n    ${f.targets.slice(0, 8).join('\n    ')}` +
      (f.targets.length > 8 ? `\n    … ${f.targets.length - 8} more` : ''),
  );
}

describe('accessibility of the console in Chromium (axe-core)', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it(
    'has no critical or serious axe-core violation on any page, in the registration and incident drawers, or in the report form',
    { timeout: 180_000 },
    async () => {
      const dir = tempDir();
      const app = await startWebApp(browser(), dir);
      const { page } = app;
      page.setDefaultTimeout(30_000);
      const problems: string[] = [];
      // A page is checked whole; a drawer or form on its own (the page behind it is checked already).
      const check = async (where: string, scope = 'body') => {
        const found = await axeViolations(page, scope);
        problems.push(...describeFindings(where, found));
      };
      try {
        // An incident so the board, its drawer and a report form have content to check.
        await app.services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
        await app.services.incidents.create(INCIDENT);
        await page.reload({ waitUntil: 'domcontentloaded' });
        await signInDuty(page);
        await page.getByTestId('incident-link').first().waitFor();

        const items = page.locator('.ant-menu-horizontal > .ant-menu-item');
        const labels = (await items.allInnerTexts()).map((t) => t.trim());
        expect(labels).toContain('事件看板');
        expect(labels).toContain('设置');
        for (const label of labels) {
          await items.filter({ hasText: label }).click();
          await expect.poll(() => page.locator('.ant-spin-spinning').count(), { timeout: 20_000 }).toBe(0);
          await check(`页面「${label}」`);
        }

        await page.locator('.ant-menu-item', { hasText: '事件看板' }).click();
        await page.getByTestId('header-register').click();
        await page.getByTestId('register-form').waitFor();
        await check('接报抽屉', '.ant-drawer-open .ant-drawer-content-wrapper');
        await page.keyboard.press('Escape');
        await page.getByTestId('register-form').waitFor({ state: 'hidden' });

        await page.getByTestId('incident-link').filter({ hasText: INCIDENT.title }).click();
        await page.getByTestId('draft-初报').waitFor();
        await check('事件抽屉', '.ant-drawer-open .ant-drawer-content-wrapper');
        await page.getByTestId('draft-初报').click();
        await page.getByTestId('report-初报').getByTestId('open-report').click();
        await page.getByTestId('report-form').waitFor();
        await check('报告表单', '.ant-modal:has([data-testid=report-form])');
        await page.screenshot({ path: 'test-output/a11y-report-form.png' });
      } finally {
        await app.close();
      }
      if (problems.length > 0) console.error(`axe-core violations:\n${problems.join('\n')}`);
      expect(problems).toEqual([]);
    },
  );
});
