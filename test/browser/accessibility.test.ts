// axe-core in Chromium on every page of the menu and in the drawers and dialogs an officer works in:
// no critical or serious violation, and on every page one h1 and its content inside landmarks
// (issue 16: WCAG 2.1 AA, GB/T 37668-2019 — text contrast, labels, names, structure).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { dutyDayOf } from '../../shared/schedule/index';
import { ENV_INPUT } from '../helpers/services';
import { useTempDirs } from '../helpers/temp-dir';
import { TEST_PASSWORD, clickOpenedDialog, confirmLeader, signInDuty } from '../helpers/ui';
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

/** Loads axe-core into the page once (again after a reload). */
async function loadAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  await page.evaluate(AXE_SOURCE);
}

/** Waits until no finite CSS animation or transition is running (spinners and other loops excepted). */
async function motionDone(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
  );
}

/**
 * Runs axe-core on the page as it stands and returns its critical and serious violations. The
 * script is evaluated through the DevTools protocol: the console's CSP refuses inline scripts.
 */
async function axeViolations(page: Page, scope: string): Promise<Finding[]> {
  // Let drawer and modal motion finish: half-faded text would be measured at its passing contrast.
  await motionDone(page);
  await loadAxe(page);
  return page.evaluate(async (scope) => {
    // a global the test put on the page itself; the DOM lib does not declare it
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    // Resolved here, so the scope may use any selector Chromium knows (:has); only what is shown
    // (a closed dialog may stay in the page, hidden).
    const include = [...document.querySelectorAll(scope)].filter((el) => el.checkVisibility());
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
  await loadAxe(page);
  return page.evaluate(async (rules) => {
    // a global the test put on the page itself; the DOM lib does not declare it
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
        const created = await app.services.incidents.create(INCIDENT);
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
        // Another seat saves first: the refusal shows the newer version beside what was typed.
        await app.services.incidents.update({
          id: created.id,
          patch: { narrative: '另一席位补充：铅罐已封存', reason: '核实' },
        });
        await page.getByTestId('edit-reason').fill('核实');
        await edit.getByRole('button', { name: /保\s*存/ }).click();
        await page.getByTestId('stale-edit-latest').waitFor();
        await check('修改要素：已被另一席位修改', '.ant-modal:has(#effectiveAt)');
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
        await check('签发对话框', '.ant-modal:has([data-testid=signed-by])');
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

  it(
    'has no critical or serious axe-core violation in the other drawers and dialogs: schedule changes, handover, rosters, warnings, response records, the law panel, the seat, leader log-in, accounts and the alarm notices',
    { timeout: 420_000 },
    async () => {
      const app = await startWebApp(browser(), tempDir());
      const { page, services } = app;
      page.setDefaultTimeout(30_000);
      const problems: string[] = [];
      const check = async (where: string, scope: string) => {
        problems.push(...describeFindings(where, await axeViolations(page, scope)));
      };
      const modal = (has: string) => page.locator(`.ant-modal:has(${has})`);
      const cancel = async (dialog: ReturnType<Page['locator']>) => {
        await dialog.getByRole('button', { name: /取\s*消/ }).click();
        await dialog.waitFor({ state: 'detached' });
      };
      // A print preview is checked once paginated: its 打印 button is disabled (and greyed) until then.
      const paginated = () => page.locator('[data-testid=preview-pages]:not([data-pages=""])').waitFor();
      const closeDrawer = async (title: string) => {
        const drawer = page.locator('.ant-drawer-open', { hasText: title }).last();
        await drawer.locator('.ant-drawer-close').click();
        await drawer.waitFor({ state: 'detached' });
      };
      try {
        await services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
        // Received just now: no alarm yet (the notices are checked at the end).
        const incident = await services.incidents.create({
          ...ENV_INPUT,
          occurredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
          receivedAt: new Date(Date.now() - 2 * 60_000).toISOString(),
          levelOverride: null,
          responseOverride: '三级',
        });
        const issued = await dispatch(services.handlers, 'warnings:issue', {
          plan: 'radiation',
          level: '三级',
          direction: 'received',
          issuerKind: 'city',
          issuer: '朔州市人民政府',
          area: '朔城区',
          issuedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
        });
        expect(issued.ok).toBe(true);
        // The month of today's duty day, which the 值班表 opens on (before 08:00 on the 1st, the month before).
        const month = dutyDayOf(new Date().toISOString()).slice(0, 7);
        await services.handlers['schedule:generate']({
          month,
          leaders: ['王镕'],
          officers: ['钱赟', '孙敏'],
          replace: false,
          reason: '',
          fromMonthStart: false,
        });
        await page.reload({ waitUntil: 'domcontentloaded' });
        await signInDuty(page);
        const menu = (label: string) => page.locator('.ant-menu-item', { hasText: label }).click();

        // The seat's name.
        await page.getByTestId('seat-name').click();
        await page.getByTestId('seat-name-input').waitFor();
        await check('席位名称对话框', '.ant-modal:has([data-testid=seat-name-input])');
        await cancel(modal('[data-testid=seat-name-input]'));

        // 带班领导 logs out and in again from the session menu.
        await page.getByTestId('session-user').click();
        await page.getByTestId('leader-logout').click();
        await page.getByTestId('session-user').click();
        await page.getByTestId('leader-login-open').click();
        await page.getByTestId('leader-login-name').waitFor();
        await check('带班领导登录对话框', '.ant-modal:has([data-testid=leader-login-name])');
        await page.getByTestId('leader-login-name').fill('李堃');
        await page.getByTestId('leader-login-password').fill(TEST_PASSWORD);
        await clickOpenedDialog(page, page.getByTestId('leader-login-submit'));
        await page.getByTestId('leader-login-name').waitFor({ state: 'detached' });

        // 值班表: 替班 and 换班, the question Esc asks over typed names, and the print drawer.
        await menu('值班表');
        const today = page.getByTestId('schedule-table').locator('tr[data-today]');
        // Buttons, so the keyboard reaches them (they were links without an address).
        await today.getByRole('button', { name: '替班' }).click();
        expect(await today.getByRole('button', { name: '换班' }).count()).toBe(1);
        const change = page.locator('.ant-modal', { hasText: '替班：' });
        await change.waitFor();
        await check('替班对话框', '.ant-modal');
        await change.locator('input').last().fill('临时顶班');
        await page.keyboard.press('Escape');
        const ask = page.locator('.ant-modal-confirm', { hasText: '放弃已填写的内容？' });
        await ask.waitFor();
        await check('放弃填写确认', '.ant-modal-confirm');
        await ask.getByRole('button', { name: /放\s*弃/ }).click();
        await change.waitFor({ state: 'detached' });
        await today.getByText('换班').click();
        const exchange = page.locator('.ant-modal', { hasText: '换班：' });
        await exchange.waitFor();
        await check('换班对话框', '.ant-modal');
        await cancel(exchange);
        await page.getByRole('button', { name: '打印值班表' }).click();
        await page.locator('.ant-drawer-open iframe[title=值班表]').waitFor();
        await check('打印值班表抽屉', '.ant-drawer-open .ant-drawer-content-wrapper');
        await closeDrawer('打印值班表');

        // 交接班: a pending handover, its print drawer and the withdrawal dialog.
        await menu('交接班');
        await page.getByTestId('handover-to-officer').fill('钱赟');
        await page.getByTestId('handover-submit').click();
        const pending = page.getByTestId('handover-pending');
        await pending.getByRole('button', { name: '打印预览' }).click();
        await paginated();
        await check('交接班记录抽屉', '.ant-drawer-open .ant-drawer-content-wrapper');
        await closeDrawer('交接班记录');
        await pending.getByRole('button', { name: /撤\s*回/ }).click();
        const withdraw = page.locator('.ant-modal', { hasText: '撤回交接班记录' });
        await withdraw.waitFor();
        await check('撤回交接班记录对话框', '.ant-modal');
        await cancel(withdraw);

        // 通讯录: a contact added, its 离任 dialog, import, history and print.
        await menu('通讯录');
        await page.getByTestId('roster-tree').getByTestId('add-contact-office-office').click();
        await page.getByTestId('contact-name').waitFor();
        await check('联系人对话框', '.ant-modal:has([data-testid=contact-name])');
        await page.getByTestId('contact-name').fill('市指挥部办公室值班室');
        await page.getByTestId('contact-office').fill('2021234');
        await page.locator('#contact-save').click();
        await page.getByTestId('contact-name').waitFor({ state: 'detached' });
        await page
          .getByTestId('contact')
          .filter({ hasText: '市指挥部办公室值班室' })
          .getByRole('button', { name: /离\s*任/ })
          .click();
        await page.getByTestId('end-reason').waitFor();
        await check('登记离任对话框', '.ant-modal:has([data-testid=end-reason])');
        await cancel(modal('[data-testid=end-reason]'));
        await page.getByTestId('roster-import').click();
        await page.getByTestId('import-file').waitFor();
        await check('导入通讯录对话框', '.ant-modal:has([data-testid=import-file])');
        await cancel(modal('[data-testid=import-file]'));
        await page.getByRole('button', { name: '修改记录' }).click();
        const history = page.locator('.ant-drawer-open', { hasText: '通讯录修改记录' });
        await history.locator('.ant-list-item').first().waitFor();
        await check('通讯录修改记录抽屉', '.ant-drawer-open .ant-drawer-content-wrapper');
        await closeDrawer('通讯录修改记录');
        await page.getByTestId('roster-print').click();
        await paginated();
        await check('打印通讯录对话框', '.ant-modal:has([data-testid=print-preview])');
        await page.keyboard.press('Escape');
        await page.getByTestId('print-preview').waitFor({ state: 'detached' });

        // 预警: the issuing drawer and the lift dialog.
        await menu('预警');
        await page.getByTestId('warning-new').click();
        await page.locator('.ant-drawer-open', { hasText: '登记预警' }).locator('form').waitFor();
        await check('登记预警抽屉', '.ant-drawer-open .ant-drawer-content-wrapper');
        await closeDrawer('登记预警');
        await page.getByTestId('warning-card').first().getByTestId('warning-lift').click();
        await page.locator('#warning-act-by').waitFor();
        await check('解除预警对话框', '.ant-modal:has(#warning-act-by)');
        await cancel(modal('#warning-act-by'));

        // 值班日志's print drawer.
        await menu('值班日志');
        await page.getByTestId('duty-log-print').click();
        await paginated();
        await check('打印值班日志抽屉', '.ant-drawer-open .ant-drawer-content-wrapper');
        await page.keyboard.press('Escape');
        await page.getByTestId('print-preview').waitFor({ state: 'detached' });

        // The incident: the law panel, 不适用, a call, a response record, voiding a timeline entry.
        await menu('事件看板');
        await page.getByTestId('incident-link').filter({ hasText: incident.title }).click();
        await page.locator('[data-testid="clock-table"] [data-testid="citation-link"]').first().click();
        await page.getByTestId('law-highlight').waitFor();
        await check('法规条文抽屉', '.ant-drawer-open:has([data-testid=law-panel]) .ant-drawer-content-wrapper');
        await page.locator('.ant-drawer-open:has([data-testid=law-panel]) .ant-drawer-close').click();
        await page.getByTestId('law-panel').waitFor({ state: 'hidden' });
        await page
          .getByTestId('clock-table')
          .getByRole('button', { name: /不\s*适\s*用/ })
          .first()
          .click();
        const na = page.locator('.ant-modal', { hasText: '标记不适用：' });
        await na.waitFor();
        await check('标记不适用对话框', '.ant-modal');
        await cancel(na);
        await page.getByTestId('call-list').getByTestId('record-call').first().click();
        await page.getByTestId('call-note').waitFor();
        await check('记录呼叫对话框', '.ant-modal:has([data-testid=call-note])');
        await cancel(modal('[data-testid=call-note]'));
        const panel = page.getByTestId('response-panel');
        await panel.getByTestId('response-start').click();
        await confirmLeader(page);
        await panel
          .locator('[data-testid="response-item"][data-state="open"]')
          .first()
          .getByTestId('tick-item')
          .click();
        await page.locator('#record-text:visible').waitFor();
        await check('响应记录对话框', '.ant-modal:has(#record-ok)');
        await cancel(modal('#record-ok'));
        await page.getByTestId('timeline-entry').getByTestId('void-button').first().click();
        await page.getByTestId('void-reason-input').waitFor();
        await check('作废记录对话框', '.ant-modal:has([data-testid=void-reason-input])');
        await cancel(modal('[data-testid=void-reason-input]'));
        // Closed with its button: Escape goes to the topmost layer, and a tooltip the pointer rests
        // on once the dialog is gone would take it instead of the drawer.
        await page.locator('.ant-drawer-open .ant-drawer-close').click();
        await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });

        // 设置 as the 带班领导 sees it: the wall key and its confirmation.
        await menu('设置');
        await page.getByTestId('wall-key-rotate').click();
        await page.getByTestId('wall-key-address').waitFor();
        await page.getByTestId('wall-key-revoke').click();
        await page.locator('.ant-popconfirm').waitFor();
        await check('停用大屏地址确认', '.ant-popover');
        await page.keyboard.press('Escape');
        await page.locator('.ant-popconfirm').waitFor({ state: 'hidden' });

        // 数据与备份: a backup made now, and the question a restore asks first.
        await menu('数据与备份');
        await page.getByTestId('backup-now').click();
        const restore = page.locator('[data-testid^="restore-"]').first();
        await restore.click();
        const restoreAsk = page.locator('.ant-popconfirm', { hasText: '从此备份恢复？' });
        await restoreAsk.waitFor();
        await check('从备份恢复确认', '.ant-popover:not(.ant-popover-hidden)');
        await restoreAsk.getByRole('button', { name: /取\s*消/ }).click();
        await restoreAsk.waitFor({ state: 'hidden' });

        // 账户与审计 as the administrator: a new account and a password reset.
        await page.getByTestId('session-user').click();
        await page.getByTestId('logout').click();
        await page.getByTestId('login-name').fill('系统管理员');
        await page.getByTestId('login-password').fill(TEST_PASSWORD);
        await page.getByTestId('login-leader-name').fill('李堃');
        await page.getByTestId('login-leader-password').fill(TEST_PASSWORD);
        await page.getByTestId('login-submit').click();
        await page.getByTestId('session-user').filter({ hasText: '系统管理员' }).click();
        await page.getByTestId('accounts-open').click();
        await page.getByTestId('account-new').click();
        await page.getByTestId('account-name').waitFor();
        await check('新建账户对话框', '.ant-modal:has([data-testid=account-name])');
        await cancel(modal('[data-testid=account-name]'));
        await page.getByTestId('accounts-table').getByRole('button', { name: '重置密码' }).first().click();
        const reset = page.locator('.ant-modal', { hasText: '重置密码：' });
        await reset.waitFor();
        await check('重置密码对话框', '.ant-modal');
        await cancel(reset);
        await closeDrawer('账户与审计');

        // Alarm notices: four incidents long overdue give three notices and 另有1项, with the banner.
        for (let i = 1; i <= 4; i++) {
          await services.incidents.create({
            ...ENV_INPUT,
            title: `超时事件${i}`,
            occurredAt: new Date(Date.now() - (300 + i) * 60_000).toISOString(),
            receivedAt: new Date(Date.now() - (290 + i) * 60_000).toISOString(),
            levelOverride: null,
            responseOverride: null,
          });
        }
        await page.getByTestId('alarm-notice-more').waitFor();
        await check('告警通知', '.ant-notification');
        await page.getByTestId('alarm-banner').waitFor();
        await check('告警横幅', '[data-testid=banner-stack]');
      } catch (err) {
        await page.screenshot({ path: 'test-output/a11y-dialogs-failed.png' });
        throw err;
      } finally {
        if (problems.length > 0) console.error(`axe-core violations:\n${problems.join('\n')}`);
        await app.close();
      }
      expect(problems).toEqual([]);
    },
  );
});
