import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { useTempDirs } from '../helpers/temp-dir';
import { ENV_INPUT } from '../helpers/services';
import { pickOption, signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';

/** Beijing wall time n minutes ago, as typed into the pickers. */
function beijing(minutesAgo: number): string {
  const d = new Date(Date.now() - minutesAgo * 60_000 + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** 2026-11-30 14:05 → 2026年11月30日 14:05, as the timeline writes it. */
const chinese = (wall: string): string => {
  const [, y, m, d, hm] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2})$/.exec(wall) ?? [];
  return `${y}年${Number(m)}月${Number(d)}日 ${hm}`;
};

describe('registration as a phone report is taken', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it(
    'registers a phone report from any page with F2, typing through the fields with Tab and registering with Enter, and keeps every field after a reload',
    { timeout: 120_000 },
    async () => {
      const app = await startWebApp(browser(), tempDir());
      const { page } = app;
      try {
        await signInDuty(page);
        // From another page: F2 opens a new 接报 with the category focused.
        await page.getByRole('menuitem', { name: '值班日志' }).click();
        await page.keyboard.press('F2');
        await page.getByTestId('register-form').waitFor();
        const kb = page.keyboard;
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.closest('.ant-select') !== null))
          .toBe(true);
        await kb.press('Tab'); // → 事件标题
        await kb.type('朔城区某化工厂废水外溢');
        await kb.press('Tab'); // → 地点
        await kb.type('山阴县');
        await kb.press('Enter');
        // Times are typed as digits into the mask, no mouse and no 确定: 202611301405 → 2026-11-30 14:05.
        const occurred = beijing(25);
        const discovered = beijing(20);
        await kb.press('Tab'); // → 发生时间
        await kb.type(occurred.replace(/\D/g, ''));
        await expect.poll(() => page.locator('#occurredAt').inputValue()).toBe(occurred);
        await kb.press('Tab'); // → 发现时间
        await kb.type(discovered.replace(/\D/g, ''));
        await expect.poll(() => page.locator('#discoveredAt').inputValue()).toBe(discovered);
        await kb.press('Tab'); // → 接报时间, prefilled with now and left as it is
        const received = await page.locator('#receivedAt').inputValue();
        await kb.press('Tab'); // → 报告单位
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reporterUnit');
        await kb.type('朔城区生态环境分局');
        await kb.press('Tab'); // → 报告人
        await kb.type('王磊');
        await kb.press('Tab'); // → 联系电话
        await kb.type('0349-2012345');
        await page.screenshot({ path: 'test-output/registration-before-enter.png' });
        await kb.press('Enter'); // Enter in a one-line field registers.

        await expect
          .poll(() => page.getByTestId('incident-title').innerText(), { timeout: 10_000 })
          .toBe('朔城区某化工厂废水外溢');
        await page.screenshot({ path: 'test-output/registration-keyboard.png' });

        // What was typed is what was stored, and stays so after a reload.
        const list = await dispatch(app.services.handlers, 'incidents:list', {});
        if (!list.ok) throw new Error(list.error.message);
        // dispatch answers Result<unknown>; the channel's declared output has this shape
        const items = Array.isArray(list.value) ? list.value : (list.value as { items: unknown[] }).items;
        // the list holds the incident just registered
        const stored = items[0] as Record<string, unknown>;
        expect(stored).toMatchObject({
          category: 'environment',
          title: '朔城区某化工厂废水外溢',
          places: ['山阴县'],
          reporterUnit: '朔城区生态环境分局',
          reporterName: '王磊',
          reporterPhone: '0349-2012345',
          receiveChannel: '电话',
          drill: false,
          levelOverride: null,
        });
        // The typed times are the stored ones (Beijing wall time → instant).
        const atOf = (wall: string) => new Date(`${wall.replace(' ', 'T')}:00+08:00`).getTime();
        expect(Date.parse(String(stored.occurredAt))).toBe(atOf(occurred));
        expect(Date.parse(String(stored.discoveredAt))).toBe(atOf(discovered));
        // 接报时间 was left as prefilled (now, to the second); the field shows its minute.
        expect(Math.floor(Date.parse(String(stored.receivedAt)) / 60_000) * 60_000).toBe(atOf(received));
        await page.reload();
        await page.getByTestId('incident-link').first().click();
        await expect.poll(() => page.getByTestId('incident-title').innerText()).toBe('朔城区某化工厂废水外溢');
        const drawer = await page.locator('.ant-drawer-body').last().innerText();
        for (const text of ['朔城区生态环境分局', '王磊 0349-2012345', '山阴县']) expect(drawer).toContain(text);

        // The next registration suggests the place and reporter unit just used.
        await page.keyboard.press('Escape');
        await page.getByTestId('header-register').click();
        // The place used last comes first among the places (山阴县 is fifth in the fixed list).
        await page.getByTestId('places-select').click();
        await expect
          .poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().innerText())
          .toBe('山阴县');
        await page.keyboard.press('Escape');
        await page.locator('#reporterUnit').click();
        await page.keyboard.type('朔城');
        await expect
          .poll(() => page.locator('.ant-select-dropdown:visible').innerText())
          .toContain('朔城区生态环境分局');
      } finally {
        await app.close();
      }
    },
  );

  it(
    'a refused submit scrolls to the first problem and lists every problem beside the button; judgement notes, the county count in 个, and a 10,000-character narrative folded',
    { timeout: 120_000 },
    async () => {
      const app = await startWebApp(browser(), tempDir());
      const { page } = app;
      try {
        await signInDuty(page);
        await page.getByTestId('header-register').click();
        await page.getByTestId('register-form').waitFor();
        // Scroll to the bottom as an officer filling the facts would, then submit with nothing typed.
        await page
          .locator('.ant-drawer-body')
          .last()
          .evaluate((el) => el.scrollTo(0, el.scrollHeight));
        await page.getByTestId('register-submit').click();
        const problems = page.getByTestId('register-problems');
        await expect.poll(() => problems.innerText()).toContain('事件标题：请填写事件标题');
        expect(await problems.innerText()).toContain('地点：请至少选择一个地点');
        expect(await problems.innerText()).toContain('发生时间：请填写发生时间');
        // The first problem has the focus and is in view.
        await expect
          // the focused element is the form's input (or none)
          .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id))
          .toBe('title');
        expect(await page.locator('#title').isVisible()).toBe(true);

        // A negative count is refused with a message, not silently made 0.
        await page.locator('input[data-fact="deaths"], [data-fact="deaths"] input').first().fill('-3');
        await page.locator('#title').click();
        await expect
          .poll(() => page.locator('.ant-form-item-explain-error', { hasText: '死亡人数不能为负数' }).count())
          .toBe(1);
        // Letters in 联系电话 are refused under the field, with the number as typed.
        await page.locator('#reporterPhone').fill('abc123');
        await page.locator('#title').click();
        await expect
          .poll(() => page.locator('.ant-form-item-explain-error', { hasText: '联系电话格式不正确：abc123' }).count())
          .toBe(1);
        await page.screenshot({ path: 'test-output/registration-problems.png' });
        const list = await dispatch(app.services.handlers, 'incidents:list', {});
        if (!list.ok) throw new Error(list.error.message);
        // dispatch answers Result<unknown>; the channel's declared output has this shape
        const items = Array.isArray(list.value) ? list.value : (list.value as { items: unknown[] }).items;
        expect(items).toHaveLength(0);

        // Judgement calls say what counts, under the field; 涉及县级行政区域数 counts in 个, not 人.
        const form = page.getByTestId('register-form');
        await expect
          .poll(() => form.getByTestId('judgement-waterSourceIntakeStopped').innerText())
          .toContain('县城（县人民政府驻地）是否按“县级城市”');
        await pickOption(page, '[data-testid="category-select"]', '通信保障');
        const counties = form.locator('.ant-form-item', { hasText: '涉及县级行政区域数' });
        await expect.poll(() => counties.locator('.ant-input-number-addon').innerText()).toBe('个');
        await page
          .locator('.ant-drawer-open', { has: form })
          .getByRole('button', { name: /取\s*消/ })
          .click();
        await form.waitFor({ state: 'hidden' });

        // A 10,000-character 简要情况 is folded: the label keeps its width, 展开全文 shows all of it,
        // and it is folded again after a reload.
        const narrative = '河段出现大面积死鱼，'.repeat(1000);
        const long = await app.services.incidents.create({
          ...ENV_INPUT,
          levelOverride: null,
          responseOverride: null,
          narrative,
          occurredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
          receivedAt: new Date().toISOString(),
        });
        const open = async () => {
          await page.getByTestId('incident-link').first().click();
          await page.getByTestId('clock-table').waitFor();
        };
        await open();
        const shown = page.getByTestId('incident-narrative');
        const label = page.locator('.ant-drawer-open .ant-descriptions-item-label', { hasText: '简要情况' });
        expect((await label.boundingBox())!.width).toBeGreaterThan(56);
        expect((await shown.boundingBox())!.height).toBeLessThan(200);
        await shown.getByText('展开全文').click();
        await expect.poll(async () => (await shown.innerText()).length).toBeGreaterThanOrEqual(narrative.length);
        await page.reload();
        await open();
        await expect.poll(async () => (await shown.boundingBox())!.height).toBeLessThan(200);
        expect((await app.services.incidents.get(long.id)).narrative).toBe(narrative);
      } finally {
        await app.close();
      }
    },
  );

  it(
    'on a workstation set to another zone, typed and shown times are still Beijing time, in registration and in 修改要素',
    { timeout: 120_000 },
    async () => {
      const app = await startWebApp(browser(), tempDir(), { timezoneId: 'UTC' });
      const { page } = app;
      try {
        await signInDuty(page);
        await page.getByTestId('header-register').click();
        await page.getByTestId('register-form').waitFor();
        // The prefilled 接报时间 is now in Beijing, as the header's clock says, not the machine's 8 hours earlier.
        const prefilled = await page.locator('#receivedAt').inputValue();
        expect(Math.abs(Date.parse(`${prefilled.replace(' ', 'T')}:00+08:00`) - Date.now())).toBeLessThan(2 * 60_000);
        await page.getByTestId('title-input').fill('山阴县河道死鱼');
        await page.getByTestId('places-select').click();
        await page.keyboard.type('山阴县');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Escape');
        const occurred = beijing(40);
        await page.locator('#occurredAt').click();
        await page.keyboard.type(occurred.replace(/\D/g, ''));
        await expect.poll(() => page.locator('#occurredAt').inputValue()).toBe(occurred);
        await page.keyboard.press('Tab');
        await page.getByTestId('register-submit').click();
        await expect.poll(() => page.getByTestId('incident-title').innerText()).toBe('山阴县河道死鱼');

        const atOf = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}:00+08:00`);
        const get = async () => {
          const list = await dispatch(app.services.handlers, 'incidents:list', {});
          if (!list.ok) throw new Error(list.error.message);
          // the channel's declared output: a page of summaries
          return (list.value as { items: { id: number; occurredAt: string; receivedAt: string }[] }).items[0]!;
        };
        const stored = await get();
        expect(Date.parse(stored.occurredAt)).toBe(atOf(occurred));
        expect(Math.floor(Date.parse(stored.receivedAt) / 60_000) * 60_000).toBe(atOf(prefilled));

        // 修改要素 shows the stored times in Beijing time, and a time typed there is Beijing time too.
        await page.reload();
        await page.getByTestId('incident-link').first().click();
        await page.getByTestId('edit-incident').click();
        await expect.poll(() => page.locator('#occurredAt').inputValue()).toBe(occurred);
        expect(await page.locator('#receivedAt').inputValue()).toBe(prefilled);
        // The calendar's 此刻 is now in Beijing too, not the machine's zone.
        await page.locator('#occurredAt').click();
        // The calendar that is open and done sliding in: a click during its motion can land on a day.
        const calendar = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
        await expect.poll(() => calendar.count()).toBe(1);
        await page.waitForFunction(
          () => document.querySelectorAll('.ant-picker-dropdown[class*="ant-slide-"]').length === 0,
        );
        await calendar.getByText('此刻', { exact: true }).click();
        const now = await page.locator('#occurredAt').inputValue();
        expect(Math.abs(atOf(now) - Date.now())).toBeLessThan(2 * 60_000);
        const corrected = beijing(45);
        await page.locator('#occurredAt').focus();
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Backspace');
        await page.keyboard.type(corrected.replace(/\D/g, ''));
        await expect.poll(() => page.locator('#occurredAt').inputValue()).toBe(corrected);
        await page.keyboard.press('Tab');
        const dialog = page.getByRole('dialog', { name: '修改事件要素 / 定级' });
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await dialog.waitFor({ state: 'hidden' });
        const edited = await get();
        expect(Date.parse(edited.occurredAt)).toBe(atOf(corrected));
        expect(edited.receivedAt).toBe(stored.receivedAt);
        expect(await page.locator('.ant-drawer-body').last().innerText()).toContain(
          `发生时间 ${chinese(occurred)} → ${chinese(corrected)}`,
        );
      } finally {
        await app.close();
      }
    },
  );
});
