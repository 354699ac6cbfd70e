/**
 * Two seats of one duty room (issue 17): two sets of services, each with its own data folder and
 * web host, on one PostgreSQL database (DUTY_TEST_DATABASE_URL), and a Chromium page on each. A
 * registration on one appears on the other within 5 s (LISTEN/NOTIFY between the two processes'
 * connections), an acknowledgement on one silences both, and of two edits of the same incident the
 * second is refused without losing either: the first is stored, the second officer's input stays
 * in their form beside the newer version, and they can save it over it knowingly.
 */
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listAckRecords } from '../../electron/db/alarm-repository';
import { dispatch } from '../../electron/ipc/dispatch';
import { defaultKeyFile } from '../../electron/services/integrity/chain-key';
import type { IncidentDetail } from '../../shared/domain/incident-view';
import type { Report } from '../../shared/domain/report';
import type { IntegrityStatus } from '../../shared/ipc/channels/integrity';
import { STALE_EDIT_MESSAGE, STALE_REPORT_MESSAGE } from '../../shared/ipc/channels/seats';
import type { Result } from '../../shared/ipc/result';
import { freshDatabaseUrl } from '../helpers/postgres';
import { useTempDirs } from '../helpers/temp-dir';
import { signInDuty } from '../helpers/ui';
import { startWebApp, useBrowser } from '../helpers/web-app';
import { expectFieldsKept } from '../helpers/incident-fields';

const detail = (r: Result<unknown>): IncidentDetail => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as IncidentDetail; // incidents:get answers an IncidentDetail
};

/** A call made by the page itself, through its own token and seat (as its UI makes it). */
const callFrom = (page: Page, channel: string, input: unknown): Promise<Result<unknown>> =>
  page.evaluate(
    async ([c, i]) => {
      const res = await fetch(`/api/${c}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Duty-Token': sessionStorage.getItem('duty-token') ?? '',
          'X-Duty-Seat': sessionStorage.getItem('duty-seat') ?? '',
        },
        body: JSON.stringify(i),
      });
      // the web host answers every request with a Result
      return (await res.json()) as Result<unknown>;
    },
    [channel, input] as const,
  );

async function nameSeat(page: Page, name: string): Promise<void> {
  await page.getByTestId('seat-name').click();
  await page.locator('#seatName').fill(name);
  await page.getByTestId('seat-name-save').click();
  await expect.poll(() => page.getByTestId('seat-name').innerText()).toContain(name);
}

const injuredIn = (page: Page) =>
  page
    .getByRole('dialog', { name: '修改事件要素 / 定级' })
    .locator('input[data-fact="poisonedOrInjured"], [data-fact="poisonedOrInjured"] input')
    .first();

describe('two seats on one PostgreSQL database', () => {
  const tempDir = useTempDirs();
  const browser = useBrowser();

  it(
    'a registration reaches the other seat within 5 s, an acknowledgement silences both, and a stale edit is refused with nothing lost',
    { timeout: 300_000 },
    async () => {
      const databaseUrl = await freshDatabaseUrl();
      const dirA = tempDir();
      const app = await startWebApp(browser(), dirA, { databaseUrl });
      // Seat B: its own services, folder and web host; the accounts are the room's, made on seat A.
      // Every seat of a room holds the first seat's chain key (README), copied before it starts.
      const dirB = tempDir();
      mkdirSync(dirname(defaultKeyFile(dirB)), { recursive: true, mode: 0o700 });
      copyFileSync(defaultKeyFile(dirA), defaultKeyFile(dirB));
      chmodSync(defaultKeyFile(dirB), 0o600);
      const seatB = await startWebApp(browser(), dirB, { databaseUrl });
      expect([app.services.db.engine, seatB.services.db.engine]).toEqual(['postgres', 'postgres']);
      expect(seatB.host.appUrl).not.toBe(app.host.appUrl);
      const a = app.page;
      const b = seatB.page;
      // A page error is a failure of its own: the officer's input must never vanish with a crashed page.
      const pageErrors: string[] = [];
      b.on('pageerror', (e) => pageErrors.push(e.message));
      a.setDefaultTimeout(30_000);
      b.setDefaultTimeout(30_000);
      try {
        await signInDuty(a);
        await signInDuty(b);
        await nameSeat(a, '值班席一');
        await nameSeat(b, '带班席');
        // The names are the seats' own: each tab shows its own after a reload.
        await b.reload();
        await signInDuty(b);
        await expect.poll(() => b.getByTestId('seat-name').innerText()).toContain('带班席');
        await expect.poll(() => a.getByTestId('seat-name').innerText()).toContain('值班席一');

        // Seat A registers a report received three hours ago: its first clocks are already overdue.
        const received = Date.now() - 3 * 3_600_000;
        const start = Date.now();
        const created = detail(
          await callFrom(a, 'incidents:create', {
            category: 'environment',
            title: '桑干河支流死鱼',
            places: ['山阴县'],
            occurredAt: new Date(received - 10 * 60_000).toISOString(),
            receivedAt: new Date(received).toISOString(),
            reporterUnit: '山阴县生态环境分局',
            reporterName: '王磊',
            reporterPhone: '13912345678',
            receiveChannel: '电话',
            narrative: '村民发现河道内大量死鱼。',
            facts: { deaths: 0, poisonedOrInjured: 12 },
            drill: false,
          }),
        );
        await b.getByTestId('incident-table').getByText('桑干河支流死鱼').first().waitFor({ timeout: 5_000 });
        console.log(`seat-propagation (two services, one PostgreSQL database): ${Date.now() - start} ms`);

        // The overdue clocks alarm on both seats; A acknowledges, and B goes quiet too.
        for (const p of [a, b]) {
          await p.locator('html[data-alarm-sound="on"]').waitFor({ state: 'attached', timeout: 20_000 });
          await p.getByTestId('alarm-ack').waitFor();
        }
        await a.getByTestId('alarm-ack').click();
        await b.locator('html[data-alarm-sound="off"]').waitFor({ state: 'attached', timeout: 5_000 });
        await b.getByTestId('alarm-ack').waitFor({ state: 'hidden', timeout: 5_000 });
        await a.locator('html[data-alarm-sound="off"]').waitFor({ state: 'attached' });
        const key = created.clocks.find((c) => Date.parse(c.dueAt) < Date.now())?.key;
        expect(key).toBeDefined();
        // Recorded once, with A's seat and officer, and read the same from B's services.
        for (const seat of [app, seatB]) {
          const acks = await seat.services.db.read((q) => listAckRecords(q, key ?? ''));
          expect(acks.map((x) => [x.officer, x.seatName])).toEqual([['赵珺', '值班席一']]);
        }
        // The alarm notices stay until closed; they sit where the edit dialogs' buttons are.
        for (const p of [a, b]) {
          for (const close of await p.locator('.ant-notification-notice-close').all()) await close.click();
        }

        // Both seats open the same incident for editing.
        const before = detail(await dispatch(app.services.handlers, 'incidents:get', { id: created.id }));
        for (const p of [a, b]) {
          await p.getByTestId('incident-link').first().click();
          await p.getByTestId('edit-incident').click();
          await injuredIn(p).waitFor();
        }
        // A saves first.
        await injuredIn(a).fill('20');
        await a.getByTestId('edit-reason').fill('县局续报伤员增至20人');
        const dialogA = a.getByRole('dialog', { name: '修改事件要素 / 定级' });
        await dialogA.getByRole('button', { name: /保\s*存/ }).click();
        await dialogA.waitFor({ state: 'hidden' });
        // B, who began from the same version, is refused; what B typed stays in the form.
        await injuredIn(b).fill('15');
        await b.getByTestId('edit-reason').fill('带班领导电话核实为15人');
        const dialogB = b.getByRole('dialog', { name: '修改事件要素 / 定级' });
        await dialogB.getByRole('button', { name: /保\s*存/ }).click();
        const notice = b.getByTestId('stale-edit');
        await notice.waitFor();
        expect(await notice.innerText()).toContain(STALE_EDIT_MESSAGE);
        // The newer version is shown above B's input, which is still there.
        await expect.poll(() => b.getByTestId('stale-edit-latest').innerText()).toMatch(/20/);
        expect(await injuredIn(b).inputValue()).toBe('15');
        expect(await b.getByTestId('edit-reason').inputValue()).toBe('带班领导电话核实为15人');
        await notice.scrollIntoViewIfNeeded();
        await b.screenshot({ path: 'test-output/two-seats-stale-edit.png' });
        // Nothing of B's was stored; A's edit is.
        const mid = detail(await dispatch(seatB.services.handlers, 'incidents:get', { id: created.id }));
        expect(mid.facts).toEqual({ deaths: 0, poisonedOrInjured: 20 });
        expect(mid.version).toBe((before.version ?? 1) + 1);

        // Having seen the newer version, B keeps their input and saves it over it.
        await b.getByTestId('stale-edit-keep').click();
        await dialogB.getByRole('button', { name: /保\s*存/ }).click();
        await dialogB.waitFor({ state: 'hidden' });
        const after = detail(await dispatch(app.services.handlers, 'incidents:get', { id: created.id }));
        expect(after.facts).toEqual({ deaths: 0, poisonedOrInjured: 15 });
        expectFieldsKept(before, after, ['facts']);
        // Both edits are in the timeline, each with the seat it was made at; the registration with A's.
        const seatOf = (text: string) => after.timeline.find((e) => e.text.includes(text))?.seatName;
        expect(seatOf('县局续报伤员增至20人')).toBe('值班席一');
        expect(seatOf('带班领导电话核实为15人')).toBe('带班席');
        expect(after.timeline.find((e) => e.kind === 'created')?.seatName).toBe('值班席一');

        // A report draft edited on both seats: the second save is refused beside the newer draft, the
        // officer's input stays, and saving it over the newer draft knowingly changes that field only.
        await a.getByTestId('draft-初报').click();
        for (const p of [a, b]) {
          await p.getByTestId('report-初报').getByTestId('open-report').click();
          await p.getByTestId('report-form').waitFor();
        }
        const reportsOf = async (): Promise<Report[]> => {
          const r = await dispatch(seatB.services.handlers, 'reports:list', { incidentId: created.id });
          if (!r.ok) throw new Error(r.error.message);
          // an ok answer carries the channel's declared output
          return r.value as Report[];
        };
        const [drafted] = await reportsOf();
        const v1 = drafted!.versions[0]!.content;
        const pollutants = (p: Page) => p.locator(`#${v1.kind}_content_pollutants`);
        await pollutants(a).fill('氨氮约2吨');
        await a.getByTestId('save-version').click();
        await a.getByText('已保存为第2稿').waitFor();
        await pollutants(b).fill('总磷约1吨');
        await b.getByTestId('save-version').click();
        await b.getByTestId('stale-report').waitFor();
        expect(await b.getByTestId('stale-report').innerText()).toContain(STALE_REPORT_MESSAGE);
        await expect.poll(() => b.getByTestId('stale-report-latest').innerText()).toContain('氨氮约2吨');
        expect(await pollutants(b).inputValue()).toBe('总磷约1吨');
        await b.screenshot({ path: 'test-output/two-seats-stale-report.png' });
        expect((await reportsOf())[0]!.versions.map((v) => v.version)).toEqual([1, 2]);
        await b.getByTestId('stale-report-keep').click();
        await b.getByTestId('save-version').click();
        await b.getByText('已保存为第3稿').waitFor();
        const [saved] = await reportsOf();
        expect(saved!.versions.map((v) => v.version)).toEqual([1, 2, 3]);
        // the report content's known shape for this form kind
        const data = structuredClone(v1.data) as unknown as { content: Record<string, unknown> };
        data.content.pollutants = '总磷约1吨';
        expect(saved!.versions[2]!.content).toEqual({ kind: v1.kind, data });
        for (const p of [a, b]) await p.keyboard.press('Escape');

        // After a reload, B's drawer shows the stored incident with the seats beside the entries.
        await b.reload();
        await signInDuty(b);
        await b.getByTestId('incident-link').first().click();
        const drawer = b.locator('.ant-drawer-body').last();
        await expect.poll(() => drawer.innerText()).toContain('（带班席）');
        const text = await drawer.innerText();
        for (const t of ['（值班席一）', '王磊 13912345678', '村民发现河道内大量死鱼']) expect(text).toContain(t);
        expect(pageErrors).toEqual([]);
        // Both seats sealed into one chain with one key: each verifies all of it.
        for (const seat of [app, seatB]) {
          const verdict = await dispatch(seat.services.handlers, 'integrity:verify', {});
          expect(verdict.ok && (verdict.value as IntegrityStatus).state).toBe('ok'); // the channel's declared output
        }
      } finally {
        await seatB.close();
        await app.close();
      }
    },
  );
});
