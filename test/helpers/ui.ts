/** Small helpers for driving antd controls in the real renderer. */
import type { Page } from 'playwright-core';

/** Types a date-time into an antd DatePicker (by its input id) and confirms it. */
export async function fillDateTime(page: Page, inputSelector: string, value: string): Promise<void> {
  const input = page.locator(inputSelector);
  await input.click();
  await input.fill(value);
  // Enter accepts a typed value and closes the panel.
  await input.press('Enter');
  await page.waitForFunction(([sel, v]) => document.querySelector<HTMLInputElement>(sel)?.value === v, [
    inputSelector,
    value,
  ] as const);
}

/** Picks an option of an antd Select by its visible label. */
export async function pickOption(page: Page, selectSelector: string, label: string): Promise<void> {
  await page.locator(selectSelector).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

/** Registers the officers on duty in the modal the console opens on first start. */
export async function signInDuty(page: Page, leader = '李堃', officer = '赵珺'): Promise<void> {
  await page.getByTestId('duty-leader').fill(leader);
  await page.getByTestId('duty-officer').fill(officer);
  await page.getByTestId('duty-save').click();
  await page.getByTestId('on-duty').filter({ hasText: officer }).waitFor();
}
