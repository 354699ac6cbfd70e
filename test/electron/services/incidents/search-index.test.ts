import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/ipc/dispatch';
import type { AppServices } from '../../../../electron/services/app-services';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import { searchBigrams, searchKeywords } from '../../../../shared/incidents/search-query';
import type { SavedFile } from '../../../../shared/ipc/channels/data';
import type { IncidentPage } from '../../../../shared/ipc/channels/incidents';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs();

async function call<T>(s: AppServices, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(s.handlers, channel, input, () => undefined);
  if (!r.ok) throw new Error(r.error.message);
  // an ok answer carries the channel's declared output; the caller names it
  return r.value as T;
}

/** Every page of a search, walked by its cursor: the ids in order, and each page's total. */
async function searchAll(s: AppServices, search: string): Promise<{ ids: number[]; totals: number[] }> {
  const ids: number[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  for (;;) {
    const p = await call<IncidentPage>(s, 'incidents:list', { search, drills: 'include', limit: 4, cursor });
    ids.push(...p.items.map((i) => i.id));
    totals.push(p.total);
    if (!p.nextCursor) return { ids, totals };
    cursor = p.nextCursor;
  }
}

const COLUMNS = ['title', 'narrative', 'reporter_unit', 'serial', 'places'];

/** The search as it was before the index: every keyword by LIKE in any searched column, newest first. */
async function likeSearch(s: AppServices, search: string): Promise<number[]> {
  const keywords = searchKeywords(search);
  const one = `(${COLUMNS.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`;
  const rows = await s.db.read((q) =>
    q.all<{ id: number }>(
      `SELECT id FROM incidents WHERE ${keywords.map(() => one).join(' AND ') || '1 = 1'} ORDER BY received_at DESC, id DESC`,
      keywords.flatMap((k) => COLUMNS.map(() => `%${k.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)),
    ),
  );
  return rows.map((r) => r.id);
}

/** The index as it should be: each incident's pairs of its searched text, ASCII case folded. */
async function expectIndexCurrent(s: AppServices): Promise<void> {
  const rows = await s.db.read((q) =>
    q.all<{ id: number; doc: string }>(
      `SELECT id, title || narrative || reporter_unit || serial || places AS doc FROM incidents`,
    ),
  );
  const expected = rows.flatMap((r) => searchBigrams(r.doc).map((b) => `${r.id} ${b}`)).sort();
  const stored = await s.db.read((q) =>
    q.all<{ incident_id: number; bigram: string }>('SELECT * FROM incident_bigrams'),
  );
  expect(stored.map((r) => `${r.incident_id} ${r.bigram}`).sort()).toEqual(expected);
}

/** Characters that matter to the match: CJK, ASCII in both cases, non-ASCII letters LIKE keeps apart, wildcards, one beyond the BMP. */
const CHARS = ['泄', '漏', '油', '污', '河', '道', 'A', 'a', 'b', 'B', 'Ä', 'ä', '%', '_', '\\', '𠮷', '1'];
const text = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...CHARS), minLength: min, maxLength: max });
const incidentTexts = fc.record({
  title: text(1, 8),
  narrative: text(0, 12),
  reporterUnit: text(0, 5),
  place: text(1, 4),
});

describe('the history search reads a bigram index and finds exactly what LIKE finds', () => {
  it('random Chinese texts and keywords: the same incidents, in the same order, with the same totals; edits keep the index current', async () => {
    const s = await makeServices(tempDir(), { now: () => new Date('2026-11-29T02:00:00.000Z') });
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const corpus = fc.sample(incidentTexts, { seed: 14, numRuns: 24 });
    const made: IncidentDetail[] = [];
    for (const [i, t] of corpus.entries()) {
      made.push(
        await call<IncidentDetail>(s, 'incidents:create', {
          ...ENV_INPUT,
          title: t.title,
          narrative: t.narrative,
          reporterUnit: t.reporterUnit,
          places: [t.place],
          // Some share a 接报 time: the cursor orders by id within it.
          receivedAt: new Date(Date.parse('2026-11-29T01:20:00.000Z') - Math.floor(i / 3) * 60_000).toISOString(),
        }),
      );
    }
    await expectIndexCurrent(s);
    // Keywords: random ones, and pieces of the registered texts (so many match).
    const pieces = corpus.flatMap((t) => [t.title, t.narrative, t.reporterUnit, t.place]).filter((x) => x.length > 1);
    const keyword = fc.oneof(
      text(1, 4),
      fc.tuple(fc.constantFrom(...pieces), fc.nat(), fc.integer({ min: 1, max: 4 })).map(([p, at, n]) =>
        Array.from(p)
          .slice(at % p.length, (at % p.length) + n)
          .join(''),
      ),
    );
    const query = fc.array(keyword, { minLength: 1, maxLength: 3 }).map((ks) => ks.join(' '));
    const same = async (search: string) => {
      const expected = await likeSearch(s, search);
      const got = await searchAll(s, search);
      expect(got.ids, search).toEqual(expected);
      expect(new Set(got.totals), search).toEqual(new Set([expected.length]));
    };
    await fc.assert(fc.asyncProperty(query, same), { numRuns: 60, seed: 21 });
    // A word that occurs nowhere, and a case-folded one.
    await same('泄泄泄泄漏');
    await same('AB');

    // Edits of every searched field, then the same searches.
    const edits = fc.sample(incidentTexts, { seed: 7, numRuns: 8 });
    for (const [k, t] of edits.entries()) {
      const inc = made[k * 3]!;
      await call(s, 'incidents:update', {
        id: inc.id,
        patch: { title: t.title, narrative: t.narrative, reporterUnit: t.reporterUnit, places: [t.place] },
      });
    }
    // A change of status or a voided note leaves the searched text as it was.
    await call(s, 'incidents:set-status', { id: made[1]!.id, status: '核实中' });
    const noted = await call<IncidentDetail>(s, 'incidents:add-note', {
      id: made[2]!.id,
      kind: '续报信息',
      text: '泄漏已控制',
    });
    const note = noted.timeline.find((e) => e.text.includes('泄漏已控制'))!;
    await call(s, 'incidents:void-entry', { incidentId: made[2]!.id, entryId: note.id, reason: '误记' });
    await expectIndexCurrent(s);
    await fc.assert(fc.asyncProperty(query, same), { numRuns: 30, seed: 22 });
    await s.close();
  });

  it('a full import fills the index of the imported incidents', async () => {
    const src = await makeServices(tempDir(), { now: () => new Date('2026-11-29T02:00:00.000Z') });
    await src.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    await call(src, 'incidents:create', { ...ENV_INPUT, title: '化工厂储罐泄漏', narrative: '储罐阀门泄漏' });
    await call(src, 'incidents:create', { ...ENV_INPUT, title: 'G208国道油污' });
    const file = await call<SavedFile>(src, 'data:export-all', {});
    await src.close();
    const content = readFileSync(file.path, 'utf8');
    // The export's document: its tables by name (the index is not one of them).
    const exported = JSON.parse(content) as { tables: Record<string, unknown> };
    expect(exported.tables).toHaveProperty('incidents');
    expect(exported.tables).not.toHaveProperty('incident_bigrams');

    const dst = await makeServices(tempDir(), { now: () => new Date('2026-11-29T02:00:00.000Z') });
    await call(dst, 'data:import-all', { content });
    await expectIndexCurrent(dst);
    expect((await searchAll(dst, '泄漏')).ids).toHaveLength(1);
    expect((await searchAll(dst, 'g208')).ids).toHaveLength(1);
    await dst.close();
  });
});
