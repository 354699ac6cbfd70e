/**
 * Updates change only what they are sent: for every channel that edits a record, a record with
 * random full values gets an update with a random subset of fields, through the real dispatcher
 * and services on a real database; every field not sent must read back unchanged and every field
 * sent must read back with its new value.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEVELS, PLACES, RECEIVE_CHANNELS, RESPONSE_LEVELS } from '../../../shared/domain/incident';
import { CONTACT_ROLES } from '../../../shared/domain/roster';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { Settings } from '../../../shared/settings';
import { dispatch } from '../../../electron/ipc/dispatch';
import type { AppServices } from '../../../electron/services/app-services';
import { ENV_INPUT, makeServices } from '../../helpers/services';
import { useTempDirs } from '../../helpers/temp-dir';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const RUNS = 30;
/** Each run writes through the real stack; the property tests get time for their runs on a shared machine. */
const TIMEOUT = 180_000;

class Refused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<C extends Channel>(s: AppServices, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await dispatch(s.handlers, channel, input, () => undefined);
  if (!r.ok) throw new Refused(r.error.code, r.error.message);
  // an ok answer carries the channel's declared output; the caller names it
  return r.value as ChannelOutput<C>;
}

/** Text an officer could type: no leading or trailing blanks (the schema trims), no control characters. */
const word = (max: number) =>
  fc.stringMatching(
    new RegExp(`^[甲乙丙丁戊己庚辛朔州县区a-z0-9][甲乙丙丁戊己庚辛朔州县区a-z0-9（）-]{0,${max - 1}}$`),
  );
const minutesBefore = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

/** A subset of an object's keys (possibly empty, possibly all). */
function pick<T extends object>(value: T, keys: readonly (keyof T)[]): Partial<T> {
  // fromEntries loses the key types; the keys come from T
  return Object.fromEntries(keys.map((k) => [k, value[k]])) as Partial<T>;
}
const subsetOf = <K extends string>(keys: readonly K[]) => fc.subarray([...keys]);

// ---------------------------------------------------------------- incidents

const factsFor = (category: 'fire' | 'other' | 'environment') =>
  category === 'environment'
    ? fc.record(
        { deaths: fc.nat(5), poisonedOrInjured: fc.nat(300), evacuated: fc.nat(5000), heavyMetals: fc.boolean() },
        { requiredKeys: [] },
      )
    : fc.dictionary(
        fc.constantFrom('fireArea', 'cause', 'unitsOnScene', 'remark'),
        fc.oneof(word(10), fc.nat(1000), fc.boolean()),
        { maxKeys: 4 },
      );

/** Every editable field of an incident, with times in the order things happen. */
const incidentFields = (category: 'fire' | 'other' | 'environment') =>
  fc
    .record({
      occurredMin: fc.integer({ min: 120, max: 2000 }),
      discoveredGap: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      receivedGap: fc.integer({ min: 0, max: 110 }),
      title: word(30),
      places: fc.subarray([...PLACES], { minLength: 1, maxLength: 3 }),
      reporterUnit: word(20),
      reporterName: word(10),
      reporterPhone: fc.stringMatching(/^0349-\d{7}$/),
      receiveChannel: fc.constantFrom(...RECEIVE_CHANNELS),
      narrative: word(200),
      facts: factsFor(category),
      drill: fc.boolean(),
      levelOverride: fc.constantFrom(null, ...LEVELS),
      responseOverride: fc.constantFrom(null, ...RESPONSE_LEVELS),
    })
    .map(({ occurredMin, discoveredGap, receivedGap, ...rest }) => ({
      ...rest,
      occurredAt: minutesBefore(occurredMin),
      discoveredAt: discoveredGap === null ? null : minutesBefore(occurredMin - discoveredGap),
      receivedAt: minutesBefore(occurredMin - receivedGap),
    }));

type IncidentFields = ReturnType<typeof incidentFields> extends fc.Arbitrary<infer T> ? T : never;
const INCIDENT_KEYS = [
  'title',
  'places',
  'occurredAt',
  'discoveredAt',
  'receivedAt',
  'reporterUnit',
  'reporterName',
  'reporterPhone',
  'receiveChannel',
  'narrative',
  'facts',
  'drill',
  'levelOverride',
  'responseOverride',
] as const satisfies readonly (keyof IncidentFields)[];

const incidentCase = fc.constantFrom('fire' as const, 'other' as const, 'environment' as const).chain((category) =>
  fc.record({
    category: fc.constant(category),
    first: incidentFields(category),
    second: incidentFields(category),
    keys: subsetOf(INCIDENT_KEYS),
  }),
);

const readIncident = async (s: AppServices, id: number) => {
  const d = await call(s, 'incidents:get', { id });
  // fromEntries loses the key types; the keys are INCIDENT_KEYS
  return Object.fromEntries(INCIDENT_KEYS.map((k) => [k, d[k]])) as Record<(typeof INCIDENT_KEYS)[number], unknown>;
};

// ---------------------------------------------------------------- contacts

const contactFields = fc.record({
  role: fc.constantFrom(...CONTACT_ROLES),
  name: word(10),
  title: word(20),
  officePhone: fc.stringMatching(/^0349-[2-8]\d{6}$/),
  mobile: fc.stringMatching(/^13[0-9]\d{8}$/),
  redPhone: fc.stringMatching(/^8\d{3}$/),
  fax: fc.stringMatching(/^0349-[2-8]\d{6}$/),
  note: word(50),
  validFrom: fc.integer({ min: 1, max: 5000 }).map(minutesBefore),
});
const CONTACT_KEYS = [
  'role',
  'name',
  'title',
  'officePhone',
  'mobile',
  'redPhone',
  'fax',
  'note',
  'validFrom',
] as const;

// ---------------------------------------------------------------- settings

const settingsValues = fc.record({
  dueSoonMinutes: fc.integer({ min: 1, max: 120 }),
  repeatMinutes: fc.integer({ min: 1, max: 60 }),
  upcomingMinutes: fc.integer({ min: 5, max: 240 }),
  shiftStart: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  shiftHours: fc.constantFrom(4, 6, 8, 12, 24),
  stationName: word(30),
  backupKeep: fc.integer({ min: 1, max: 365 }),
});
const SETTINGS_KEYS = [
  'dueSoonMinutes',
  'repeatMinutes',
  'upcomingMinutes',
  'shiftStart',
  'shiftHours',
  'stationName',
  'backupKeep',
] as const;

describe('updates change only what they are sent (property, real services)', () => {
  // One database for the whole block (each run makes its own records); removed at the end.
  let dir: string;
  let s: AppServices;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duty-test-'));
    s = await makeServices(dir, { now: () => NOW });
    await call(s, 'duty:set', { leader: '李堃', officer: '赵珺' });
  });
  afterAll(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'incidents:update',
    async () => {
      await fc.assert(
        fc.asyncProperty(incidentCase, async ({ category, first, second, keys }) => {
          const created = await call(s, 'incidents:create', { category, ...first });
          const before = await readIncident(s, created.id);
          expect(before).toEqual({ ...first });

          const patch = pick(second, keys);
          const expected: Record<string, unknown> = { ...before, ...patch };
          // Facts merge key by key (a patch names the facts it changes).
          if (patch.facts) expected.facts = { ...first.facts, ...patch.facts };
          const t = (v: unknown) => Date.parse(String(v));
          const inOrder =
            t(expected.receivedAt) >= t(expected.occurredAt) &&
            (expected.discoveredAt === null || t(expected.discoveredAt) >= t(expected.occurredAt));

          const res = await dispatch(
            s.handlers,
            'incidents:update',
            { id: created.id, patch: { ...patch, reason: '核实' } },
            () => undefined,
          );
          const after = await readIncident(s, created.id);
          if (!inOrder) {
            // Out-of-order times are refused as a whole: nothing changes.
            expect(res.ok).toBe(false);
            if (!res.ok) expect(res.error.code).toBe('invalid_input');
            expect(after).toEqual(before);
            return;
          }
          expect(res.ok, res.ok ? '' : res.error.message).toBe(true);
          expect(after).toEqual(expected);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'rosters:save-contact (an edit by id)',
    async () => {
      await call(s, 'rosters:seed', {});
      await fc.assert(
        fc.asyncProperty(contactFields, contactFields, subsetOf(CONTACT_KEYS), async (first, second, keys) => {
          const created = await call(s, 'rosters:save-contact', {
            rosterId: 'eco-hq',
            entryKind: 'person' as const,
            entryId: 'commander',
            ...first,
          });
          const before = pick(created, CONTACT_KEYS);
          expect(before).toEqual(first);
          const patch = pick(second, keys);
          const saved = await call(s, 'rosters:save-contact', { id: created.id, ...patch, reason: '核对' });
          const view = await call(s, 'rosters:get', { rosterId: 'eco-hq' });
          const after = view.contacts.find((c) => c.id === created.id);
          expect(pick(saved, CONTACT_KEYS)).toEqual({ ...before, ...patch });
          expect(after && pick(after, CONTACT_KEYS)).toEqual({ ...before, ...patch });
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'settings:set',
    async () => {
      await fc.assert(
        fc.asyncProperty(settingsValues, settingsValues, subsetOf(SETTINGS_KEYS), async (first, second, keys) => {
          await call(s, 'settings:set', first);
          const before = await call(s, 'settings:get', {});
          expect(pick(before, SETTINGS_KEYS)).toEqual(first);
          const patch = pick(second, keys);
          await call(s, 'settings:set', patch);
          const after: Settings = await call(s, 'settings:get', {});
          expect(after).toEqual({ ...before, ...patch });
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('channels that edit one thing of a record leave the rest as recorded (property, real services)', () => {
  let dir: string;
  let s: AppServices;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duty-test-'));
    s = await makeServices(dir, { now: () => NOW });
    await call(s, 'duty:set', { leader: '李堃', officer: '赵珺' });
    await call(s, 'schedule:generate', {
      month: '2026-12',
      leaders: ['李堃', '王镕', '张喆'],
      officers: ['赵珺', '钱赟', '孙敏', '周强'],
    });
  });
  afterAll(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'schedule:swap changes one role of one shift',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 31 }),
          fc.constantFrom('leader' as const, 'officer' as const),
          word(6),
          word(20),
          async (dayOfMonth, field, newPerson, reason) => {
            const before = await call(s, 'schedule:get', { month: '2026-12' });
            const date = `2026-12-${String(dayOfMonth).padStart(2, '0')}`;
            const target = before.shifts.find((x) => x.date === date)!;
            const res = await dispatch(
              s.handlers,
              'schedule:swap',
              { date, field, newPerson, reason },
              () => undefined,
            );
            const after = await call(s, 'schedule:get', { month: '2026-12' });
            if (newPerson === target.leader || newPerson === target.officer) {
              expect(res.ok).toBe(false);
              expect(after.shifts).toEqual(before.shifts);
              return;
            }
            expect(res.ok, res.ok ? '' : res.error.message).toBe(true);
            const expected = before.shifts.map((x) =>
              x.date === date
                ? {
                    ...x,
                    [field]: newPerson,
                    overrides: [...x.overrides, { kind: '替班', field, from: x[field], to: newPerson, reason }],
                  }
                : x,
            );
            expect(after.shifts).toEqual(expected);
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'warnings:change changes the level and nothing else of the warning',
    async () => {
      const levels = ['一级', '二级', '三级', '四级'] as const;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...levels),
          fc.constantFrom(...levels),
          fc.record({
            area: word(20),
            document: word(20),
            content: word(100),
            issuedMin: fc.integer({ min: 30, max: 600 }),
          }),
          async (from, to, w) => {
            fc.pre(from !== to);
            const issued = await call(s, 'warnings:issue', {
              plan: 'environment',
              level: from,
              direction: 'received',
              issuerKind: 'city',
              issuer: '朔州市人民政府',
              area: w.area,
              issuedAt: minutesBefore(w.issuedMin),
              document: w.document,
              content: w.content,
            });
            const changed = await call(s, 'warnings:change', {
              id: issued.id,
              at: minutesBefore(10),
              by: { issuerKind: 'city', issuer: '朔州市人民政府' },
              level: to,
              document: '调整文件',
            });
            const list = await call(s, 'warnings:list', {});
            const after = list.find((x) => x.id === issued.id)!;
            const kept = [
              'plan',
              'direction',
              'issuerKind',
              'issuer',
              'area',
              'issuedAt',
              'document',
              'content',
              'createdAt',
              'officer',
              'lifted',
              'incidents',
            ] as const;
            for (const view of [changed, after]) {
              expect(pick(view, kept)).toEqual(pick(issued, kept));
              expect(view.level).toBe(to);
              expect(view.changes.map((c) => [c.from, c.to])).toEqual([[from, to]]);
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'response:change-level changes the level: recorded items and the incident stay as they were',
    async () => {
      const levels = ['一级', '二级', '三级', '四级'] as const;
      await fc.assert(
        fc.asyncProperty(
          incidentFields('environment').map((f) => ({ ...f, responseOverride: null, levelOverride: null })),
          fc.constantFrom(...levels),
          fc.constantFrom(...levels),
          fc.array(fc.tuple(fc.nat(), fc.boolean(), word(30)), { maxLength: 4 }),
          async (fields, from, to, marks) => {
            fc.pre(from !== to);
            const inc = await call(s, 'incidents:create', { category: 'environment', ...fields });
            let v = await call(s, 'response:start', { incidentId: inc.id, level: from, decidedBy: '指挥长' });
            for (const [n, done, note] of marks) {
              const open = v.items.filter((i) => i.state === 'open');
              const item = open[n % Math.max(open.length, 1)];
              if (!item) break;
              v = done
                ? await call(s, 'response:tick', { incidentId: inc.id, itemId: item.id, note })
                : await call(s, 'response:not-applicable', { incidentId: inc.id, itemId: item.id, reason: note });
            }
            const recorded = v.items.filter((i) => i.state === 'done' || i.state === 'notApplicable');
            const incidentBefore = await readIncident(s, inc.id);
            const after = await call(s, 'response:change-level', {
              incidentId: inc.id,
              level: to,
              decidedBy: '总指挥',
            });
            const byId = new Map(after.items.map((i) => [i.id, i]));
            for (const item of recorded) expect(byId.get(item.id)).toEqual(item);
            expect(pick(after, ['startedAt', 'startedBy', 'plan'])).toEqual(
              pick(v, ['startedAt', 'startedBy', 'plan']),
            );
            expect(after.level).toBe(to);
            const incidentAfter = await readIncident(s, inc.id);
            expect({ ...incidentAfter, responseOverride: null }).toEqual({ ...incidentBefore, responseOverride: null });
          },
        ),
        { numRuns: 15 },
      );
    },
    TIMEOUT,
  );

  it(
    'duty-log:edit-remark changes the text and keeps its time, day and author',
    async () => {
      await fc.assert(
        fc.asyncProperty(word(100), word(100), async (first, second) => {
          fc.pre(first !== second);
          const added = await call(s, 'duty-log:add-remark', { day: '2026-11-29', text: first });
          const remark = added.remarks.find((r) => r.text === first && r.previous.length === 0 && r.editedAt === null)!;
          const edited = await call(s, 'duty-log:edit-remark', { id: remark.id, text: second });
          const after = edited.remarks.find((r) => r.id === remark.id)!;
          expect(pick(after, ['id', 'day', 'at', 'officer', 'leader', 'createdAt'])).toEqual(
            pick(remark, ['id', 'day', 'at', 'officer', 'leader', 'createdAt']),
          );
          expect(after.text).toBe(second);
          expect(after.previous.map((p) => p.text)).toEqual([first]);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('the reported case: saving changed facts keeps everything else', () => {
  const tempDir = useTempDirs();

  it('a facts-only update keeps reporter, phone, narrative, channel, manual grading and the drill mark', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await call(s, 'duty:set', { leader: '李堃', officer: '赵珺' });
    const created = await call(s, 'incidents:create', {
      ...ENV_INPUT,
      receiveChannel: '传真',
      drill: true,
      levelOverride: '较大',
      responseOverride: '三级',
    });
    const before = await call(s, 'incidents:get', { id: created.id });
    const updated = await call(s, 'incidents:update', { id: created.id, patch: { facts: { deaths: 1 } } });
    const after = await call(s, 'incidents:get', { id: created.id });
    for (const d of [updated, after]) {
      expect(d).toMatchObject({
        reporterUnit: '山阴县生态环境局',
        reporterName: '王镕',
        reporterPhone: '0349-1234567',
        narrative: '河段出现大面积死鱼',
        receiveChannel: '传真',
        drill: true,
        levelOverride: '较大',
        responseOverride: '三级',
        title: before.title,
        places: before.places,
        occurredAt: before.occurredAt,
        receivedAt: before.receivedAt,
      });
      expect(d.facts).toEqual({ deaths: 1, poisonedOrInjured: 12 });
      // The manual grading still rules, so the clocks did not move.
      expect(d.clocks.map((c) => [c.clockId, c.dueAt])).toEqual(before.clocks.map((c) => [c.clockId, c.dueAt]));
    }
    // Drills stay out of the statistics' real incidents.
    expect((await call(s, 'incidents:list', { drills: 'exclude' })).items).toEqual([]);
    await s.close();
  });
});
