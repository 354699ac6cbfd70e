/** Small helpers for driving antd controls in the real renderer. */
import type { Locator, Page } from 'playwright-core';

/** Types a date-time into a masked date-time field (by its input id) from the keyboard and confirms it. */
export async function fillDateTime(page: Page, inputSelector: string, value: string): Promise<void> {
  const input = page.locator(inputSelector);
  // The pointer off the calendar: a hovered day shows in the field instead of the typed value.
  await page.mouse.move(0, 0);
  await input.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  // The fields are masked (renderer/src/components/DateTimeField): the digits fill it, as an officer types them.
  await page.keyboard.type(value.replace(/\D/g, ''));
  // Enter accepts a typed value and closes the panel.
  await input.press('Enter');
  await page.waitForFunction(([sel, v]) => document.querySelector<HTMLInputElement>(sel)?.value === v, [
    inputSelector,
    value,
  ] as const);
}

/**
 * Clicks a dialog's button once every dialog has finished opening. Clicked during a dialog's zoom,
 * the pointer can land beside the button on a busy machine: the page then simply did nothing.
 */
export async function clickOpenedDialog(page: Page, target: Locator): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-modal[class*="ant-zoom-"]').length === 0);
  await target.click();
}

/** Picks an option of an antd Select by its visible label. */
export async function pickOption(page: Page, selectSelector: string, label: string): Promise<void> {
  await page.locator(selectSelector).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

/** The password every account seeded by startWebApp has (test/helpers/web-app.ts). */
export const TEST_PASSWORD = 'duty-test-2026';

/**
 * Goes on duty as the console asks on first start: the 值班员 and the 带班领导 log in (accounts
 * seeded by startWebApp). A tab that is already logged in (a reload keeps its seat) only waits
 * for the header to name the officer.
 */
export async function signInDuty(page: Page, leader = '李堃', officer = '赵珺'): Promise<void> {
  const login = page.getByTestId('login-name');
  const header = page.getByTestId('session-user');
  await login.or(header).first().waitFor({ timeout: 20_000 });
  if (await login.isVisible()) {
    await login.fill(officer);
    await page.getByTestId('login-password').fill(TEST_PASSWORD);
    await page.getByTestId('login-leader-name').fill(leader);
    await page.getByTestId('login-leader-password').fill(TEST_PASSWORD);
    await page.getByTestId('login-submit').click();
  }
  await page.getByTestId('on-duty').filter({ hasText: officer }).waitFor();
}

/** The 带班领导 confirms a leader-only act with their password (the dialog every such act opens). */
export async function confirmLeader(page: Page, password = TEST_PASSWORD): Promise<void> {
  await page.getByTestId('leader-password').fill(password);
  await clickOpenedDialog(page, page.getByTestId('leader-confirm'));
  await page.getByTestId('leader-password').waitFor({ state: 'detached' });
}
