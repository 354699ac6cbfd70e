/**
 * The full export and import on PostgreSQL (issue 17): the same JSON document as on SQLite, from
 * one database into another, and from a one-workstation SQLite install into a room's PostgreSQL
 * database (a room outgrowing one machine). The entered holiday notices travel with the data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import type { ImportResult, SavedFile } from '../../../../shared/ipc/channels/data';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { dispatch } from '../../../../electron/ipc/dispatch';
import { createAppServices, type AppServices } from '../../../../electron/services/app-services';
import { dumpDatabase, type FullExport } from '../../../../electron/services/data/full-export';
import { webHostPrinter } from '../../../../electron/print/printer';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs();
const NOW = new Date('2026-11-30T02:00:00.000Z');

async function call<T = unknown>(s: AppServices, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(s.handlers, channel, input, (m, e) => console.error(m, e));
  if (!r.ok) throw new Error(r.error.message);
  // an ok answer carries the channel's declared output; the caller names it
  return r.value as T;
}

const NOTICE_2027: ChannelInput<'holidays:save'> = {
  year: 2027,
  title: '国务院办公厅关于2027年部分节假日安排的通知',
  docNo: '国办发明电〔2026〕7号',
  periods: [
    { festival: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] },
    { festival: '春节', from: '2027-02-05', to: '2027-02-12', workdays: ['2027-02-20'] },
    { festival: '清明节', from: '2027-04-03', to: '2027-04-05', workdays: [] },
    { festival: '劳动节', from: '2027-05-01', to: '2027-05-05', workdays: ['2027-04-25', '2027-05-08'] },
    { festival: '端午节', from: '2027-06-09', to: '2027-06-09', workdays: [] },
    { festival: '中秋节', from: '2027-09-15', to: '2027-09-15', workdays: [] },
    { festival: '国庆节', from: '2027-10-01', to: '2027-10-07', workdays: ['2027-09-26', '2027-10-09'] },
  ],
};

/** A little of everything: a duty session, two incidents, a note, an edit, a holiday notice. */
async function seed(s: AppServices): Promise<void> {
  await call(s, 'duty:set', { leader: '李堃', officer: '赵珺' });
  const a = await call<IncidentDetail>(s, 'incidents:create', { ...ENV_INPUT, levelOverride: '一般' });
  await call(s, 'incidents:create', { ...ENV_INPUT, title: '应县化工园区废水外溢', places: ['应县', '怀仁市'] });
  await call(s, 'incidents:add-note', { id: a.id, kind: '领导批示', text: '立即核实，做好监测', givenBy: '李市长' });
  await call(s, 'incidents:update', {
    id: a.id,
    version: a.version,
    patch: { reporterName: '王镕（更正）', reason: '核实报告人' },
  });
  await call(s, 'holidays:save', NOTICE_2027);
}

/** Each table's rows as objects keyed by column, so engines with columns in another order compare equal. */
const rowsOf = (doc: FullExport): Record<string, Record<string, unknown>[]> =>
  Object.fromEntries(
    Object.entries(doc.tables).map(([name, t]) => [
      name,
      t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]]))),
    ]),
  );

async function importAndCompare(src: AppServices, content: string): Promise<void> {
  const original = await dumpDatabase(src.db, src.settings.get(), NOW);
  const dst = await makeServices(tempDir(), { now: () => NOW });
  try {
    expect(dst.db.engine).toBe('postgres');
    const result = await call<ImportResult>(dst, 'data:import-all', { content });
    expect(result.tables.incidents).toBe(2);
    expect(result.tables.holiday_notices).toBe(1);
    const copy = await dumpDatabase(dst.db, dst.settings.get(), NOW);
    expect(Object.keys(copy.tables).sort()).toEqual(Object.keys(original.tables).sort());
    const copied = rowsOf(copy);
    // The import's own audit record of re-anchoring the record chain (issue 18) is the new install's.
    copied.auth_events = (copied.auth_events ?? []).filter((e) => e.kind !== 'chain_rebased');
    expect(copied).toEqual(rowsOf(original));
    expect((await call<{ title: string }[]>(dst, 'holidays:list', {})).map((n) => n.title)).toEqual([
      NOTICE_2027.title,
    ]);
    // The imported install goes on writing: new ids after the imported ones, the serial after theirs.
    const next = await call<IncidentDetail>(dst, 'incidents:create', { ...ENV_INPUT, title: '导入后登记的事件' });
    expect(next.id).toBeGreaterThan(Math.max(...copy.tables.incidents!.rows.map((r) => Number(r[0]))));
    expect(next.serial).toMatch(/-0003$/);
    await call(dst, 'incidents:add-note', { id: next.id, kind: '领导批示', text: '加强监测', givenBy: '李市长' });
    // A second import into the now non-empty install is refused and changes nothing.
    await expect(call(dst, 'data:import-all', { content })).rejects.toThrow(/已有数据.*未做任何改动/);
  } finally {
    await dst.close();
  }
}

describe('full export and import on PostgreSQL', () => {
  it('exports a PostgreSQL database and imports it into another, every row the same', async () => {
    const src = await makeServices(tempDir(), { now: () => NOW });
    try {
      expect(src.db.engine).toBe('postgres');
      await seed(src);
      const file = await call<SavedFile>(src, 'data:export-all', {});
      // the full export file's documented shape
      const doc = JSON.parse(readFileSync(file.path, 'utf8')) as FullExport;
      // Neither PostgreSQL's version row nor its explicit rowid columns: the document is the engines' common one.
      expect(doc.tables.duty_schema).toBeUndefined();
      expect(Object.values(doc.tables).some((t) => t.columns.includes('rowid'))).toBe(false);
      await importAndCompare(src, readFileSync(file.path, 'utf8'));
    } finally {
      await src.close();
    }
  });

  it('imports a one-workstation SQLite export into the room’s PostgreSQL database', async () => {
    const dir = tempDir();
    // SQLite: no database URL (this project's makeServices would give PostgreSQL).
    const src = await createAppServices({
      dataDir: dir,
      host: 'web',
      printer: webHostPrinter(dir),
      now: () => NOW,
      alarms: false,
    });
    try {
      expect(src.db.engine).toBe('sqlite');
      await seed(src);
      const file = await call<SavedFile>(src, 'data:export-all', {});
      await importAndCompare(src, readFileSync(file.path, 'utf8'));
    } finally {
      await src.close();
    }
  });
});
