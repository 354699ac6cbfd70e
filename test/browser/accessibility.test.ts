// axe-core in Chromium on every page of the menu and in the drawers and dialogs an officer works in:
// no critical or serious violation, and on every page one h1 and its content inside landmarks
// (issue 16: WCAG 2.1 AA, GB/T 37668-2019 — text contrast, labels, names, structure).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { TEST_PASSWORD, confirmLeader, signInDuty } from '../helpers/ui';
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

/** The moderate rules the issue names: one h1, content inside landmarks, landmarks not duplicated. */
const STRUCTURE_RULES = [
  'page-has-heading-one',
  'region',
  'landmark-one-main',
  'landmark-unique',
  'landmark-no-duplicate-banner',
  'landmark-no-duplicate-main',
  'landmark-no-duplicate-contentinfo',
  'landmark-banner-is-top-level',
  'landmark-main-is-top-level',
];

/** Runs those rules on the whole page (whatever their impact) and returns their violations. */
async function structureViolations(page: Page): Promise<Finding[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (rules) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.join(' ')}  ${n.html.slice(0, 120)}`),
    }));
  }, STRUCTURE_RULES);
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
    'has no critical or serious axe-core violation on any page, drawer or dialog, and every page has one h1 and its landmarks',
    { timeout: 420_000 },
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
          // One h1 on every page, and everything on it inside a landmark (header, nav, main).
          problems.push(...describeFindings(`页面「${label}」结构`, await structureViolations(page)));
          const h1 = await page.locator('h1').count();
          if (h1 !== 1) problems.push(`页面「${label}」: ${h1} 个 h1（应为 1 个）`);
        }

        // 值班表: the generation dialog and the holiday notice dialog.
        await items.filter({ hasText: '值班表' }).click();
        await page.getByTestId('schedule-generate').click();
        await page.locator('.ant-modal', { hasText: '生成值班表' }).waitFor();
        await check('生成值班表对话框', '.ant-modal:has(.ant-select-multiple)');
        await page
          .locator('.ant-modal', { hasText: '生成值班表' })
          .getByRole('button', { name: /取\s*消/ })
          .click();
        await page.locator('.ant-modal', { hasText: '生成值班表' }).waitFor({ state: 'detached' });
        await page.getByTestId('holiday-edit').click();
        await page.getByTestId('holiday-period').first().waitFor();
        await check('节假日安排对话框', '.ant-modal:has([data-testid=holiday-form])');
        await page
          .locator('.ant-modal:has([data-testid=holiday-form])')
          .getByRole('button', { name: /取\s*消/ })
          .click();
        await page.getByTestId('holiday-form').waitFor({ state: 'detached' });

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
        await page.keyboard.press('Escape');
        await page.getByTestId('report-form').waitFor({ state: 'detached' });

        // 修改要素.
        await page.getByTestId('edit-incident').click();
        const edit = page.locator('.ant-modal:has(#effectiveAt)');
        await edit.waitFor();
        await check('修改要素对话框', '.ant-modal:has(#effectiveAt)');
        await edit.getByRole('button', { name: /取\s*消/ }).click();
        await edit.waitFor({ state: 'detached' });

        // A clock's completion.
        await page.locator('[data-testid^="complete-"]').first().click();
        const complete = page.locator('.ant-modal:has(#completedAt)');
        await complete.waitFor();
        await check('时限完成对话框', '.ant-modal:has(#completedAt)');
        await complete.getByRole('button', { name: /取\s*消/ }).click();
        await complete.waitFor({ state: 'detached' });

        // 签发 asks for the leader's password; then 报送.
        const initial = page.getByTestId('report-初报');
        await initial.getByTestId('sign-button').click();
        await page.getByTestId('signed-by').fill('王副主任');
        await page.locator('.ant-modal:has([data-testid=signed-by])').locator('.ant-btn-primary').click();
        await page.getByTestId('leader-password').waitFor();
        await check('带班领导密码对话框', '.ant-modal:has([data-testid=leader-password])');
        await confirmLeader(page);
        await initial.getByTestId('send-button').click();
        const send = page.locator('.ant-modal:has(#sentAt)');
        await send.waitFor();
        await check('报送对话框', '.ant-modal:has(#sentAt)');
        await send.getByRole('button', { name: /取\s*消/ }).click();
        await send.waitFor({ state: 'detached' });
        await page.keyboard.press('Escape');

        // 账户与审计, as the administrator (the audit record is theirs).
        await page.getByTestId('session-user').click();
        await page.getByTestId('logout').click();
        // The administrator logs in at the seat (an administrator is not an officer on duty).
        await page.getByTestId('login-name').fill('系统管理员');
        await page.getByTestId('login-password').fill(TEST_PASSWORD);
        await page.getByTestId('login-leader-name').fill('李堃');
        await page.getByTestId('login-leader-password').fill(TEST_PASSWORD);
        await page.getByTestId('login-submit').click();
        await page.getByTestId('session-user').filter({ hasText: '系统管理员' }).waitFor();
        await page.getByTestId('session-user').click();
        await page.getByTestId('accounts-open').click();
        await page.locator('.ant-drawer-open', { hasText: '账户与审计' }).waitFor();
        await expect
          .poll(() => page.locator('.ant-drawer-open .ant-spin-spinning').count(), { timeout: 20_000 })
          .toBe(0);
        await check('账户与审计抽屉', '.ant-drawer-open .ant-drawer-content-wrapper');
        await page.screenshot({ path: 'test-output/a11y-accounts.png' });
      } finally {
        if (problems.length > 0) console.error(`axe-core violations:\n${problems.join('\n')}`);
        await app.close();
      }
      expect(problems).toEqual([]);
    },
  );
});
