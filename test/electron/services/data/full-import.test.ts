/**
 * The streamed whole-database import (issue 14), through the real dispatcher on a real database
 * (SQLite here, PostgreSQL in the postgres project): a file in the exports folder imports row by
 * row; any refusal, wherever in the file, changes nothing and names what is wrong and where.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import type { ImportResult, SavedFile } from '../../../../shared/ipc/channels/data';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { dispatch } from '../../../../electron/ipc/dispatch';
import type { AppServices } from '../../../../electron/services/app-services';
import { COVERED_TABLES } from '../../../../electron/db/chain-repository';
import { exportsFolder } from '../../../../electron/exports/export-file';
import { dumpDatabase, userDataCounts, type FullExport } from '../../../../electron/services/data/full-export';
import { tableNames } from '../../../../electron/db/data-repository';
import { DERIVED_TABLES } from '../../../../electron/db/derived-repository';
import { tableLabel } from '../../../../electron/services/data/table-labels';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';
import { confirmedBy, dutySeats, fromSeat, SEAT_PASSWORD } from '../../../helpers/seat-calls';

const tempDir = useTempDirs();
const NOW = new Date('2026-11-30T02:00:00.000Z');

async function call<T = unknown>(s: AppServices, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(s.handlers, channel, input, () => undefined);
  if (!r.ok) throw new Error(r.error.message);
  // an ok answer carries the channel's declared output; the caller names it
  return r.value as T;
}

const NOTICE: ChannelInput<'holidays:save'> = {
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

/** A duty session, two incidents (one with a note and an edit), a holiday notice, changed settings. */
async function seededExport(): Promise<{ text: string; original: FullExport }> {
  const src = await makeServices(tempDir(), { now: () => NOW });
  try {
    await call(src, 'duty:set', { leader: '李堃', officer: '赵珺' });
    const a = await call<IncidentDetail>(src, 'incidents:create', { ...ENV_INPUT, levelOverride: '一般' });
    await call(src, 'incidents:create', {
      ...ENV_INPUT,
      title: '应县化工园区废水外溢',
      places: ['应县', '怀仁市'],
      narrative: '含引号"、反斜杠\\、换行\n与制表\t的叙述，及 𠮷 字',
    });
    await call(src, 'incidents:add-note', {
      id: a.id,
      kind: '领导批示',
      text: '立即核实，做好监测',
      givenBy: '李市长',
    });
    await call(src, 'incidents:update', {
      id: a.id,
      version: a.version,
      patch: { reporterName: '王镕（更正）', reason: '核实报告人' },
    });
    await call(src, 'holidays:save', NOTICE);
    src.settings.set({ backupKeep: 9, stationName: '朔州市人民政府总值班室（导入测试）' });
    const file = await call<SavedFile>(src, 'data:export-all', {});
    return {
      text: readFileSync(file.path, 'utf8'),
      original: await dumpDatabase(src.db, src.settings.get(), NOW),
    };
  } finally {
    await src.close();
  }
}

/** Each table's rows keyed by column (engines may order columns differently). */
function rowsOf(doc: FullExport): Record<string, Record<string, unknown>[]> {
  const out = Object.fromEntries(
    Object.entries(doc.tables).map(([name, t]) => [
      name,
      t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]]))),
    ]),
  );
  // The import's own audit record of re-anchoring the record chain (issue 18) is the new install's.
  out.auth_events = (out.auth_events ?? []).filter((e) => e.kind !== 'chain_rebased');
  return out;
}

/** A file placed in the install's exports folder, as an officer copies one there. */
function place(s: AppServices, dir: string, name: string, text: string | Buffer): string {
  mkdirSync(exportsFolder(dir), { recursive: true });
  writeFileSync(join(exportsFolder(dir), name), text);
  return name;
}

/** The document laid out as the exporter lays it out (the tests change a parsed copy, then write it back). */
const layout = (doc: unknown): string => `${JSON.stringify(doc, null, 2)}\n`;

describe('the streamed full import', () => {
  it('imports an export from the exports folder by name, every row and the settings as exported; text sent from the page imports the same', async () => {
    const { text, original } = await seededExport();
    const dir = tempDir();
    const dst = await makeServices(dir, { now: () => NOW });
    try {
      const result = await call<ImportResult>(dst, 'data:import-all', { fileName: place(dst, dir, 'all.json', text) });
      expect(result.tables.incidents).toBe(2);
      expect(result.tables.holiday_notices).toBe(1);
      const copy = await dumpDatabase(dst.db, dst.settings.get(), NOW);
      expect(Object.keys(copy.tables).sort()).toEqual(Object.keys(original.tables).sort());
      expect(rowsOf(copy)).toEqual(rowsOf(original));
      expect(copy.settings).toEqual(original.settings);
      const list = (await call<{ items: IncidentDetail[] }>(dst, 'incidents:list', {})).items;
      expect(list.map((i) => i.title).sort()).toEqual(['应县化工园区废水外溢', '桑干河支流水体异常'].sort());
      // The imported install goes on writing after the imported ids.
      const next = await call<IncidentDetail>(dst, 'incidents:create', { ...ENV_INPUT, title: '导入后登记的事件' });
      expect(next.serial).toMatch(/-0003$/);
    } finally {
      await dst.close();
    }
    const viaText = await makeServices(tempDir(), { now: () => NOW });
    try {
      await call(viaText, 'data:import-all', { content: text });
      expect(rowsOf(await dumpDatabase(viaText.db, viaText.settings.get(), NOW))).toEqual(rowsOf(original));
    } finally {
      await viaText.close();
    }
  });

  it('a bad value in the last row, a row short of a column, an unknown column at the end, a cut-short file or broken JSON near its end: refused by name and place, nothing changed', async () => {
    const { text } = await seededExport();
    const doc = JSON.parse(text) as FullExport;
    // The last table in the file that has rows, and its last row.
    const [last, table] = Object.entries(doc.tables)
      .filter(([, t]) => t.rows.length > 0)
      .at(-1) as [string, FullExport['tables'][string]];
    const n = table.rows.length;
    const changed = (edit: (d: FullExport) => void): string => {
      const d = structuredClone(doc);
      edit(d);
      return layout(d);
    };
    const cases: [string, string | Buffer, RegExp][] = [
      [
        'bad-cell.json',
        changed((d) => {
          // a cell JSON can hold but a table cannot
          (d.tables[last]!.rows[n - 1]! as unknown[])[0] = true;
        }),
        new RegExp(`导入文件格式有误：表 ${last} 第${n}行第1个值应为文本、数字或空值`),
      ],
      [
        'short-row.json',
        changed((d) => d.tables[last]!.rows[n - 1]!.pop()),
        new RegExp(`表 ${last} 的第${n}行有 ${table.columns.length - 1} 列，应为 ${table.columns.length} 列`),
      ],
      [
        'unknown-column.json',
        changed((d) => {
          d.tables[last]!.columns.push('made_up');
          for (const r of d.tables[last]!.rows) r.push(null);
        }),
        new RegExp(`导入文件的表 ${last} 含有本版本没有的列：made_up`),
      ],
      [
        'unknown-table.json',
        changed((d) => {
          d.tables.zz_made_up = { columns: ['x'], rows: [[1]] };
        }),
        /本版本没有的表：zz_made_up/,
      ],
      [
        'cut-short.json',
        Buffer.from(text, 'utf8').subarray(0, Math.floor(Buffer.byteLength(text) * 0.97)),
        /导入文件不完整：在表 \w+/,
      ],
      [
        'cut-in-the-last-row.json',
        // just before the closing bracket of the table's last row
        text.slice(0, text.indexOf('\n      ]', text.indexOf('"rows": [', text.indexOf(`\n    "${last}": {`))) - 3),
        new RegExp(`导入文件不完整：在表 ${last} 第${n}行`),
      ],
      ['broken-end.json', `${text.trimEnd().slice(0, -1)}]\n`, /不是有效的 JSON 文本.*第 \d+ 字节处/],
      ['trailing-text.json', `${text}{}`, /不是有效的 JSON 文本/],
      [
        'newer.json',
        layout({
          tables: doc.tables,
          format: doc.format,
          version: doc.version,
          schemaVersion: 999,
          exportedAt: doc.exportedAt,
          settings: doc.settings,
        }),
        /更新版本/,
      ],
      ['no-settings.json', changed((d) => delete (d as Partial<FullExport>).settings), /缺少“settings”/],
      ['not-ours.json', layout({ ...doc, format: 'another-program' }), /不是值班台导出的完整数据文件/],
    ];
    const dir = tempDir();
    const dst = await makeServices(dir, { now: () => NOW });
    try {
      const stationName = dst.settings.get().stationName;
      const seeded = await dumpDatabase(dst.db, dst.settings.get(), NOW);
      for (const [name, content, message] of cases) {
        await expect(call(dst, 'data:import-all', { fileName: place(dst, dir, name, content) }), name).rejects.toThrow(
          message,
        );
        expect(await dst.db.read((q) => userDataCounts(q)), name).toEqual({});
        expect(dst.settings.get().stationName).toBe(stationName);
      }
      // Nothing was changed: not even the seed rows an import replaces.
      expect(rowsOf(await dumpDatabase(dst.db, dst.settings.get(), NOW))).toEqual(rowsOf(seeded));
      await expect(call(dst, 'data:import-all', { fileName: 'nothing-here.json' })).rejects.toThrow(
        /导出文件夹中没有该文件：nothing-here.json/,
      );
      // The sound file still imports into the same install.
      await call(dst, 'data:import-all', { fileName: place(dst, dir, 'all.json', text) });
      expect(await dst.db.read((q) => userDataCounts(q))).toHaveProperty('incidents', 2);
    } finally {
      await dst.close();
    }
  });

  it('reads the keys in any order: the header after the tables, rows before columns, keys it does not know skipped', async () => {
    const { text, original } = await seededExport();
    const doc = JSON.parse(text) as FullExport;
    const reordered = {
      comment: { any: ['thing', 1, null] },
      tables: Object.fromEntries(
        Object.entries(doc.tables)
          .reverse()
          .map(([name, t]) => [name, { note: '', rows: t.rows, columns: t.columns }]),
      ),
      settings: doc.settings,
      exportedAt: doc.exportedAt,
      schemaVersion: doc.schemaVersion,
      version: doc.version,
      format: doc.format,
    };
    const dir = tempDir();
    const dst = await makeServices(dir, { now: () => NOW });
    try {
      await call(dst, 'data:import-all', { fileName: place(dst, dir, 'reordered.json', JSON.stringify(reordered)) });
      expect(rowsOf(await dumpDatabase(dst.db, dst.settings.get(), NOW))).toEqual(rowsOf(original));
      expect(dst.settings.get().stationName).toBe('朔州市人民政府总值班室（导入测试）');
    } finally {
      await dst.close();
    }
  });

  it('a history larger than one sealing step is sealed into the record chain step by step, and verifies clean', async () => {
    const { text } = await seededExport();
    const doc = JSON.parse(text) as FullExport;
    const timeline = doc.tables.timeline_entries!;
    const col = (name: string): number => timeline.columns.indexOf(name);
    const template = timeline.rows[0]!;
    let id = Math.max(...timeline.rows.map((r) => Number(r[col('id')])));
    // More covered rows than one step of the import seals (10,000), each a note on the first incident.
    for (let i = 1; i <= 10_500; i++) {
      const row = [...template];
      row[col('id')] = ++id;
      row[col('text')] = `第${i}条续报：现场监测数据正常`;
      timeline.rows.push(row);
    }
    const dir = tempDir();
    const dst = await makeServices(dir, { now: () => NOW });
    try {
      const result = await call<ImportResult>(dst, 'data:import-all', {
        fileName: place(dst, dir, 'large.json', layout(doc)),
      });
      expect(result.tables.timeline_entries).toBe(timeline.rows.length);
      const status = await call<{ state: string; findingCount: number; entries: number }>(dst, 'integrity:verify', {});
      expect(status).toMatchObject({ state: 'ok', findingCount: 0 });
      let covered = 0;
      for (const t of COVERED_TABLES)
        covered += (await dst.db.read((q) => q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`)))!.n;
      // The genesis of the empty install, then one entry per imported row, none twice, none left out.
      expect(status.entries).toBe(1 + covered);
    } finally {
      await dst.close();
    }
  }, 90_000);

  describe("into an install set up for log-in, from a seat with the leader's password", () => {
    /** This install's own password: the imported accounts carry the other install's. */
    const LOCAL_PASSWORD = 'local-pass-2027';

    /** Made elsewhere: four accounts (seat-calls.ts), on duty at seat 1, one incident from it. */
    async function exportedElsewhere(): Promise<string> {
      const src = await makeServices(tempDir(), { now: () => NOW });
      try {
        const { seat } = await dutySeats(src);
        await seat('incidents:create', ENV_INPUT);
        return readFileSync((await seat('data:export-all', {})).path, 'utf8');
      } finally {
        await src.close();
      }
    }

    /**
     * A fresh install as a duty room sets it up to import: the first run's administrator, then a
     * leader and an officer logged in at one seat (so on duty), the administrator at another.
     */
    async function freshInstall(dir: string) {
      const s = await makeServices(dir, { now: () => NOW });
      const admin = confirmedBy(fromSeat(s.handlers, 'seat-admin'), LOCAL_PASSWORD);
      await admin('auth:setup', { name: '管理员甲', phone: '', password: LOCAL_PASSWORD });
      // 李堃 has the id the export gives him; 王芳 holds the id the export gives 赵珺.
      await admin('accounts:create', { name: '李堃', role: '带班领导', phone: '', password: LOCAL_PASSWORD });
      await admin('accounts:create', { name: '王芳', role: '值班员', phone: '', password: LOCAL_PASSWORD });
      const seat = fromSeat(s.handlers, 'seat-1');
      await seat('auth:login', { name: '王芳', password: LOCAL_PASSWORD, as: 'officer' });
      await seat('auth:login', { name: '李堃', password: LOCAL_PASSWORD, as: 'leader' });
      const asLeader = async (input: ChannelInput<'data:import-all'>): Promise<ImportResult> => {
        await seat('auth:verify-leader', { password: LOCAL_PASSWORD, channel: 'data:import-all' });
        return seat('data:import-all', input);
      };
      const logins = () =>
        s.db.read(async (q) => ({
          accounts: await q.all('SELECT id, name, role, password_hash FROM accounts ORDER BY id'),
          sessions: await q.all('SELECT seat, officer_id, leader_id, locked FROM seat_sessions ORDER BY seat'),
        }));
      return { s, admin, seat, asLeader, logins };
    }

    it('imports: the imported accounts log in, every session of this install ends, the audit has the import under the leader', async () => {
      const text = await exportedElsewhere();
      const dir = tempDir();
      const { s, admin, seat, asLeader } = await freshInstall(dir);
      try {
        const fileName = place(s, dir, '完整数据.json', text);
        const result = await asLeader({ fileName });
        expect(result.tables).toMatchObject({ incidents: 1, accounts: 4 });

        // The audit is the imported one, and the import is in it under the leader who granted it.
        const events = await s.db.read((q) =>
          q.all<{ kind: string; account_id: number | null; name: string; detail: string }>(
            'SELECT kind, account_id, name, detail FROM auth_events ORDER BY id',
          ),
        );
        expect(events.some((e) => e.name === '管理员甲')).toBe(false);
        // The other install made four accounts, this one three.
        expect(events.filter((e) => e.kind === 'account_created')).toHaveLength(4);
        const leaderId = await s.db.read((q) => q.get<{ id: number }>("SELECT id FROM accounts WHERE name = '李堃'"));
        expect(events.at(-1)).toEqual({
          kind: 'leader_act',
          account_id: leaderId!.id,
          name: '李堃',
          detail: `导入全部数据：${fileName}，${Object.values(result.tables).reduce((a, b) => a + b, 0)} 条记录；值班员 王芳 操作`,
        });
        expect(events.filter((e) => e.kind === 'leader_act')).toHaveLength(1);

        // Both seats' sessions ended (seat 1's officer id is 赵珺's in the imported accounts): a call is
        // refused, and nobody is shown as logged in.
        await expect(seat('incidents:list', {})).rejects.toThrow(/请先登录/);
        await expect(admin('accounts:list', {})).rejects.toThrow(/请先登录/);
        expect((await seat('auth:status', {})).seat).toMatchObject({ officer: null, leader: null });
        expect(await s.db.read((q) => q.all('SELECT * FROM seat_sessions'))).toEqual([]);

        // This install's accounts are gone; the imported ones log in with their own password.
        await expect(seat('auth:login', { name: '管理员甲', password: LOCAL_PASSWORD, as: 'officer' })).rejects.toThrow(
          /姓名或密码错误/,
        );
        await expect(seat('auth:login', { name: '王芳', password: LOCAL_PASSWORD, as: 'officer' })).rejects.toThrow(
          /姓名或密码错误/,
        );
        await seat('auth:login', { name: '赵珺', password: SEAT_PASSWORD, as: 'officer' });
        await seat('auth:login', { name: '李堃', password: SEAT_PASSWORD, as: 'leader' });
        await admin('auth:login', { name: '系统管理员', password: SEAT_PASSWORD, as: 'officer' });
        const list = await seat('incidents:list', {});
        expect(list.items.map((i) => i.title)).toEqual([ENV_INPUT.title]);
      } finally {
        await s.close();
      }
    });

    it('an install with one incident is refused, naming it; its accounts and sessions are unchanged', async () => {
      const text = await exportedElsewhere();
      const dir = tempDir();
      const { s, seat, asLeader, logins } = await freshInstall(dir);
      try {
        await seat('incidents:create', ENV_INPUT);
        const before = await logins();
        await expect(asLeader({ fileName: place(s, dir, 'all.json', text) })).rejects.toThrow(
          /当前安装中已有数据（已有事件 1 起，涉及事件、[^a-z_]*事件经过[^a-z_]*），完整数据只能导入到空的安装中。未做任何改动。/,
        );
        expect(await logins()).toEqual(before);
        expect((await seat('auth:status', {})).seat).toMatchObject({
          officer: { name: '王芳' },
          leader: { name: '李堃' },
        });
        expect((await seat('incidents:list', {})).items).toHaveLength(1);
      } finally {
        await s.close();
      }
    });

    it('a second shift is duty history: refused, naming the duty sessions', async () => {
      const text = await exportedElsewhere();
      const dir = tempDir();
      const { s, admin, asLeader, logins } = await freshInstall(dir);
      try {
        await admin('accounts:create', { name: '孙悦', role: '值班员', phone: '', password: LOCAL_PASSWORD });
        const next = fromSeat(s.handlers, 'seat-2');
        await next('auth:login', { name: '孙悦', password: LOCAL_PASSWORD, as: 'officer' });
        await next('auth:login', { name: '李堃', password: LOCAL_PASSWORD, as: 'leader' });
        const before = await logins();
        await expect(asLeader({ fileName: place(s, dir, 'all.json', text) })).rejects.toThrow(
          /当前安装中已有数据（涉及值班记录），完整数据只能导入到空的安装中。未做任何改动。/,
        );
        expect(await logins()).toEqual(before);
      } finally {
        await s.close();
      }
    });

    it('a bad last row refuses and changes nothing: the administrator still logs in, the seat stays logged in', async () => {
      const doc = JSON.parse(await exportedElsewhere()) as FullExport;
      const [last, table] = Object.entries(doc.tables)
        .filter(([, t]) => t.rows.length > 0)
        .at(-1) as [string, FullExport['tables'][string]];
      (table.rows.at(-1) as unknown[])[0] = true;
      const dir = tempDir();
      const { s, seat, asLeader, logins } = await freshInstall(dir);
      try {
        const before = await logins();
        await expect(asLeader({ fileName: place(s, dir, 'bad.json', layout(doc)) })).rejects.toThrow(
          new RegExp(`表 ${last} 第${table.rows.length}行第1个值应为文本、数字或空值`),
        );
        expect(await logins()).toEqual(before);
        expect(await s.db.read((q) => userDataCounts(q))).toEqual({});
        expect((await seat('incidents:list', {})).items).toEqual([]);
        const other = fromSeat(s.handlers, 'seat-3');
        await other('auth:login', { name: '管理员甲', password: LOCAL_PASSWORD, as: 'officer' });
        expect((await other('accounts:list', {})).map((a) => a.name).sort()).toEqual(
          ['李堃', '王芳', '管理员甲'].sort(),
        );
      } finally {
        await s.close();
      }
    });
  });
});

describe('the tables a refusal names', () => {
  it('every table of the schema has its Chinese name, so no refusal shows the schema', async () => {
    const s = await makeServices(tempDir());
    const names = await s.db.read((q) => tableNames(q));
    const unnamed = names.filter((n) => tableLabel(n) === '其他记录' && n !== 'chain' && !DERIVED_TABLES.includes(n));
    expect(unnamed).toEqual([]);
    await s.close();
  });
});
