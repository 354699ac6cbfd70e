import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import type { IntegrityStatus } from '../../../../shared/ipc/channels/integrity';
import { createAppServices, DATABASE_FILE, type AppServices } from '../../../../electron/services/app-services';
import {
  defaultKeyFile,
  fileKeyProvider,
  type ChainKeyProvider,
} from '../../../../electron/services/integrity/chain-key';
import { SWEEP_SQL } from '../../../../electron/db/chain-repository';
import { anchorFileFor } from '../../../../electron/services/integrity/chain-anchor';
import { restoreLatestBackup } from '../../../../electron/services/startup/startup-service';
import { webHostPrinter } from '../../../../electron/print/printer';
import { ENV_INPUT } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller } from '../response/call';

const NOW = new Date('2026-11-29T02:00:00.000Z');

const start = (dataDir: string, chainKey?: ChainKeyProvider): Promise<AppServices> =>
  createAppServices({
    dataDir,
    host: 'web',
    printer: webHostPrinter(dataDir),
    now: () => NOW,
    alarms: false,
    chainKey,
  });

/** The state once the background verification that every start runs has finished. */
async function settled(s: AppServices): Promise<IntegrityStatus> {
  const call = caller(s.handlers);
  for (let i = 0; i < 200; i++) {
    const st = await call('integrity:status', {});
    if (st.state !== 'unverified' && st.state !== 'verifying') return st;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('verification did not finish');
}

/** Some records: an incident with a note, a note voided, a clock completed, an alarm acknowledged. */
async function record(s: AppServices): Promise<number> {
  const call = caller(s.handlers);
  await call('duty:set', { leader: '李堃', officer: '赵珺' });
  const inc = await call('incidents:create', {
    ...ENV_INPUT,
    levelOverride: null,
    responseOverride: null,
    discoveredAt: null,
  });
  await call('incidents:add-note', { id: inc.id, kind: '备注', text: '已电话核实' });
  const d = await call('incidents:add-note', { id: inc.id, kind: '备注', text: '记错的备注' });
  const wrong = d.timeline.find((e) => e.text.includes('记错的备注'))!;
  await call('incidents:void-entry', { incidentId: inc.id, entryId: wrong.id, reason: '记错事件' });
  return inc.id;
}

/** Drops the chain and makes its table again, empty: the next start begins a new chain. */
const DROP_CHAIN = `DROP TABLE chain;
  CREATE TABLE chain (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, tbl TEXT NOT NULL, row_id INTEGER NOT NULL,
    ref TEXT NOT NULL DEFAULT '{}', at TEXT NOT NULL, schema_version INTEGER NOT NULL, detail TEXT NOT NULL DEFAULT '',
    mac TEXT NOT NULL); CREATE UNIQUE INDEX chain_row ON chain (tbl, row_id);`;

/** Runs SQL on the closed database file with the sqlite3 package, as anyone with the file could. */
async function editFile(dataDir: string, sql: string): Promise<void> {
  const db = new sqlite3.Database(join(dataDir, DATABASE_FILE));
  await new Promise<void>((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));
  await new Promise<void>((resolve) => db.close(() => resolve()));
}

/**
 * Records, closes, runs each SQL on the closed file with sqlite3, and starts again on the real
 * start path: the services and the state the background verification reaches (nobody asks for it).
 */
async function tamperAndRestart(
  dir: string,
  sql: readonly string[],
  opts: { record?: boolean } = {},
): Promise<{ s: AppServices; st: IntegrityStatus }> {
  const first = await start(dir);
  if (opts.record !== false) await record(first);
  await first.close();
  for (const stmt of sql) await editFile(dir, stmt);
  const s = await start(dir);
  return { s, st: await settled(s) };
}

describe('the record chain (issue 18; GB/T 22239-2019 8.1.4.3, 8.1.4.7)', () => {
  const tempDir = useTempDirs();

  it('appends one entry per recorded row in the same write, and a clean chain verifies', async () => {
    const dir = tempDir();
    const s = await start(dir);
    expect((await settled(s)).state).toBe('ok');
    await record(s);
    const counts = await s.db.read(async (q) => ({
      chain: (await q.get<{ n: number }>("SELECT COUNT(*) AS n FROM chain WHERE kind = 'row'"))!.n,
      rows: (await q.get<{ n: number }>(
        `SELECT (SELECT COUNT(*) FROM timeline_entries) + (SELECT COUNT(*) FROM clock_records) + (SELECT COUNT(*) FROM level_changes)
          + (SELECT COUNT(*) FROM report_versions) + (SELECT COUNT(*) FROM print_records) + (SELECT COUNT(*) FROM alarm_acks) AS n`,
      ))!.n,
      genesis: await q.get<{ kind: string }>('SELECT kind FROM chain WHERE seq = 1'),
    }));
    expect(counts.genesis?.kind).toBe('genesis');
    expect(counts.chain).toBe(counts.rows);
    const verified = await caller(s.handlers)('integrity:verify', {});
    expect(verified).toMatchObject({ state: 'ok', findingCount: 0, entries: counts.chain + 1 });
    expect(verified.headCode).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(verified.message).toMatch(/记录链完整/);
    await s.close();
  });

  it('the board answers at start while the chain is still being verified in the background: it never waits for it', async () => {
    const dir = tempDir();
    let s = await start(dir);
    const incidentId = await record(s);
    // A chain of several of the verification's batches, sealed by the console's own write.
    await s.db.write(async (q) => {
      for (let i = 0; i < 4000; i++) {
        await q.run(
          "INSERT INTO timeline_entries (incident_id, at, kind, text, officer) VALUES (?, ?, 'note', ?, '赵珺')",
          [incidentId, NOW.toISOString(), `备注${i}`],
        );
      }
    });
    await s.close();
    s = await start(dir);
    const call = caller(s.handlers);
    const board = await call('incidents:list', {});
    const meanwhile = await call('integrity:status', {});
    expect(board.items.map((i) => i.id)).toEqual([incidentId]);
    expect(['unverified', 'verifying']).toContain(meanwhile.state);
    // Nobody asked: it finishes on its own, and the long chain is whole.
    expect(await settled(s)).toMatchObject({ state: 'ok', findingCount: 0 });
    await s.close();
  });

  it('voiding appends and changes no recorded row: the chain still verifies, the original shows 已作废', async () => {
    const dir = tempDir();
    const s = await start(dir);
    const id = await record(s);
    const d = await caller(s.handlers)('incidents:get', { id });
    expect(d.timeline.find((e) => e.text.includes('记错的备注'))?.voided).toMatchObject({
      by: '赵珺',
      reason: '记错事件',
    });
    expect((await caller(s.handlers)('integrity:verify', {})).state).toBe('ok');
    await s.close();
  });

  it('a timeline row edited with sqlite3 on the closed file is reported at the next start, naming the record', async () => {
    const { s, st } = await tamperAndRestart(tempDir(), [
      "UPDATE timeline_entries SET text = '备注：一切正常' WHERE text = '备注：已电话核实'",
    ]);
    expect(st.state).toBe('broken');
    expect(st.findingCount).toBe(1);
    expect(st.findings[0]!.table).toBe('timeline_entries');
    expect(st.findings[0]!.message).toMatch(
      /^事件 2026-0001 的时间线第2条（表 timeline_entries，编号 \d+，记于 2026-11-29 10:00）在值班台之外被改动，与记录链不符。$/,
    );
    expect(st.message).toMatch(/记录链在 1 处与记录不符/);
    // Writing on does not heal it.
    await caller(s.handlers)('incidents:add-note', { id: 1, kind: '备注', text: '之后的备注' });
    expect((await caller(s.handlers)('integrity:verify', {})).findingCount).toBe(1);
    await s.close();
  });

  it('the seat a row names is covered too: changing it is reported', async () => {
    const { s, st } = await tamperAndRestart(tempDir(), [
      "UPDATE timeline_entries SET seat_name = '带班席' WHERE id = 1",
    ]);
    expect(st.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^事件 2026-0001 的时间线第1条（表 timeline_entries，编号 1，.*在值班台之外被改动/),
    ]);
    await s.close();
  });

  it('reports a deleted row and the chain entry it had', async () => {
    const { s, st } = await tamperAndRestart(tempDir(), [
      "DELETE FROM timeline_entries WHERE text = '备注：已电话核实'",
    ]);
    expect(st.state).toBe('broken');
    expect(st.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^事件 2026-0001 的一条时间线记录（表 timeline_entries，编号 \d+）已被删除：记录链第 \d+ 条记录过它。$/,
      ),
    ]);
    await s.close();
  });

  it('reports rows inserted outside the console, at the end or into a gap, and never seals them', async () => {
    const dir = tempDir();
    let { s, st } = await tamperAndRestart(dir, [
      `INSERT INTO timeline_entries (incident_id, at, kind, text, officer) VALUES (1, '2026-11-29T02:30:00.000Z', 'note', '伪造的备注', '赵珺');
       INSERT INTO alarm_acks (clock_key, acked_at, officer) VALUES ('1:x', '2026-11-29T02:31:00.000Z', '赵珺');`,
    ]);
    expect(st.state).toBe('broken');
    expect(st.findings.map((f) => [f.table, f.message.replace(/编号 \d+/, '编号 N')])).toEqual([
      [
        'timeline_entries',
        '事件 2026-0001 的时间线第5条（表 timeline_entries，编号 N，记于 2026-11-29 10:30）不在记录链中：在值班台之外插入。',
      ],
      [
        'alarm_acks',
        '告警确认记录（1:x）（表 alarm_acks，编号 N，记于 2026-11-29 10:31）不在记录链中：在值班台之外插入。',
      ],
    ]);
    // A later start still reports them (sealed as outside rows, never as the console's own).
    await caller(s.handlers)('incidents:add-note', { id: 1, kind: '备注', text: '之后的备注' });
    await s.close();
    s = await start(dir);
    st = await settled(s);
    expect(st.findingCount).toBe(2);
    await s.close();
    // Into a gap below the last row: a deleted row's id taken again.
    ({ s, st } = await tamperAndRestart(
      dir,
      [
        "DELETE FROM timeline_entries WHERE text = '备注：已电话核实'",
        `INSERT INTO timeline_entries (id, incident_id, at, kind, text, officer) SELECT 2, 1, '2026-11-29T02:00:00.000Z', 'note', '换上的备注', '赵珺'`,
      ],
      { record: false },
    ));
    expect(st.findings.some((f) => f.table === 'timeline_entries' && /在值班台之外被改动/.test(f.message))).toBe(true);
    await s.close();
  });

  it('many rows inserted outside are all counted, the first 50 described, at this start and the next', async () => {
    const dir = tempDir();
    const rows = Array.from(
      { length: 120 },
      (_, i) => `(1, '2026-11-29T03:${String(i % 60).padStart(2, '0')}:00.000Z', 'note', '批量插入的备注${i}', '赵珺')`,
    );
    let { s, st } = await tamperAndRestart(dir, [
      `INSERT INTO timeline_entries (incident_id, at, kind, text, officer) VALUES ${rows.join(', ')}`,
    ]);
    expect(st.state).toBe('broken');
    expect(st.findingCount).toBe(120);
    expect(st.findings).toHaveLength(50);
    expect(st.findings.every((f) => f.table === 'timeline_entries' && /不在记录链中/.test(f.message))).toBe(true);
    await s.close();
    s = await start(dir);
    st = await settled(s);
    expect(st.findingCount).toBe(120);
    expect(st.findings).toHaveLength(50);
    await s.close();
  });

  it('a wrong key is detected: the chain cannot be verified with it', async () => {
    const dir = tempDir();
    let s = await start(dir);
    await record(s);
    await s.close();
    const other = randomBytes(32);
    s = await start(dir, () => Promise.resolve(other));
    const st = await settled(s);
    expect(st.state).toBe('broken');
    expect(st.findings[0]!.message).toMatch(/无法用本机的密钥核验/);
    await s.close();
  });

  it('an edited chain entry, or one removed, is reported', async () => {
    const { s, st } = await tamperAndRestart(tempDir(), [
      `DROP TRIGGER chain_append_only_update; DROP TRIGGER chain_append_only_delete;
       DELETE FROM chain WHERE seq = 3;`,
    ]);
    expect(st.state).toBe('broken');
    expect(st.findings.map((f) => f.message)).toContain(
      '记录链第 3 条缺失：链本身被删改，这些链记录所保护的记录无法核验。',
    );
    await s.close();
  });

  it('rows that existed before the chain began are covered by its genesis digest', async () => {
    const dir = tempDir();
    let s = await start(dir);
    await record(s);
    await s.close();
    // As if the records had been written before the chain (and its anchor): the next start begins one.
    await editFile(dir, DROP_CHAIN);
    rmSync(anchorFileFor(dir));
    s = await start(dir);
    expect((await settled(s)).state).toBe('ok');
    const genesis = await s.db.read((q) => q.get<{ detail: string }>('SELECT detail FROM chain WHERE seq = 1'));
    // the genesis record's detail is JSON with the table marks
    expect((JSON.parse(genesis!.detail) as { marks: Record<string, number> }).marks.timeline_entries).toBeGreaterThan(
      0,
    );
    await s.close();
    await editFile(dir, "UPDATE timeline_entries SET officer = '别人' WHERE id = 1");
    s = await start(dir);
    const st = await settled(s);
    expect(st.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^记录链开始前已有的时间线（表 timeline_entries，编号 1–\d+）在值班台之外被改动、删除或插入，与链的起始记录不符。$/,
      ),
    ]);
    await s.close();
  });

  it('a chain dropped and begun again is reported by the anchor outside the database, at every start', async () => {
    const dir = tempDir();
    const first = await tamperAndRestart(dir, [
      'DELETE FROM timeline_entries WHERE id > 2',
      'DELETE FROM clock_records',
      DROP_CHAIN,
    ]);
    expect(first.st.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^记录链被重新开始（发现于 2026-11-29 10:00）：值班台此前记录的链至少有 \d+ 条（末条 [0-9A-F]{4}-[0-9A-F]{4}），现在的链是另一条。原有记录可能在值班台之外被整体删除或替换。$/,
      ),
    ]);
    await first.s.close();
    const again = await start(dir);
    expect((await settled(again)).findingCount).toBe(1);
    await again.close();
  });

  it('an anchor file edited or replaced is reported: the end of the chain cannot be confirmed', async () => {
    const dir = tempDir();
    const s0 = await start(dir);
    await record(s0);
    await s0.close();
    const file = anchorFileFor(dir);
    // the anchor file's known shape: a signed JSON body
    const anchor = JSON.parse(readFileSync(file, 'utf8')) as { body: string; tag: string };
    // the file or answer's known shape; the test asserts on it
    const body = JSON.parse(anchor.body) as { seq: number };
    writeFileSync(file, JSON.stringify({ ...anchor, body: JSON.stringify({ ...body, seq: 2 }) }));
    const s = await start(dir);
    const st = await settled(s);
    expect(st.findings.map((f) => f.message)).toEqual([
      `记录链锚点文件 ${file} 无法用本机的密钥核验：它被改动过，或来自另一台计算机。无法确认记录链的末尾是否完整。`,
    ]);
    await s.close();
  });

  it('a restore at start-up re-bases the anchor, and the audit records it', async () => {
    const dir = tempDir();
    const s0 = await start(dir);
    await record(s0);
    await caller(s0.handlers)('data:backup-now', {});
    await caller(s0.handlers)('incidents:add-note', { id: 1, kind: '备注', text: '备份之后' });
    await s0.close();
    // The file is lost; the recovery state restores the latest backup before the services start.
    rmSync(join(dir, DATABASE_FILE));
    await restoreLatestBackup(dir, NOW);
    const s = await start(dir);
    expect((await settled(s)).state).toBe('ok');
    const audit = await s.db.read((q) =>
      q.all<{ detail: string }>("SELECT detail FROM auth_events WHERE kind = 'chain_rebased'"),
    );
    expect(audit.map((a) => a.detail)).toEqual([
      expect.stringMatching(/^记录链锚点重新定位（启动时从备份 .* 恢复）：原锚点 第 \d+ 条，现为第 \d+ 条/),
    ]);
    await s.close();
  });

  it("an import into an empty install is sealed into that install's chain, and a restore keeps its own chain", async () => {
    const src = await start(tempDir());
    await record(src);
    const call = caller(src.handlers);
    const exported = await call('data:export-all', {});
    const backup = await call('data:backup-now', {});
    expect(readFileSync(exported.path, 'utf8')).not.toContain('"chain"');
    await call('incidents:add-note', { id: 1, kind: '备注', text: '备份之后' });
    await call('data:restore', { fileName: backup.fileName });
    await src.close();
    const again = await start(src.dataDir);
    expect((await settled(again)).state).toBe('ok');
    // The restore rewound the chain legitimately: the anchor followed it, and the audit says so.
    const audit = await again.db.read((q) =>
      q.all<{ detail: string }>("SELECT detail FROM auth_events WHERE kind = 'chain_rebased'"),
    );
    expect(audit.map((a) => a.detail)).toEqual([expect.stringMatching(/^记录链锚点重新定位（恢复备份）/)]);
    await again.close();

    const dst = await start(tempDir());
    await caller(dst.handlers)('data:import-all', { content: readFileSync(exported.path, 'utf8') });
    const st = await caller(dst.handlers)('integrity:verify', {});
    expect(st).toMatchObject({ state: 'ok', findingCount: 0 });
    // The genesis of the empty install, then one entry per imported row.
    const rows = await dst.db.read((q) =>
      q.get<{ n: number }>(
        'SELECT (SELECT COUNT(*) FROM timeline_entries) + (SELECT COUNT(*) FROM clock_records) AS n',
      ),
    );
    expect(rows!.n).toBeGreaterThanOrEqual(4);
    expect(st.entries).toBe(1 + rows!.n);
    await dst.close();
  });

  it('appending reads by index only: no scan of any table', async () => {
    const s = await start(tempDir());
    const plan = await s.db.read((q) => q.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${SWEEP_SQL}`));
    const steps = plan.map((r) => r.detail).filter((d) => /^(SCAN|SEARCH)/.test(d));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.filter((d) => d.startsWith('SCAN'))).toEqual([]);
    await s.close();
  });
});

describe('the chain key, kept outside the database', () => {
  const tempDir = useTempDirs();

  it('is made on first start beside the data folder, readable by the user only', async () => {
    const dir = tempDir();
    const s = await start(dir);
    const file = defaultKeyFile(dir);
    expect(file.startsWith(dir + '/')).toBe(false);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await s.close();
  });

  it('is refused, with a Chinese message and nothing started, when others may read it', async () => {
    const dir = tempDir();
    const s = await start(dir);
    await s.close();
    chmodSync(defaultKeyFile(dir), 0o644);
    await expect(start(dir)).rejects.toThrow(/记录链密钥文件 .* 的权限过宽（0644），其他用户可以读取它。.*chmod 600/);
    chmodSync(defaultKeyFile(dir), 0o600);
    const again = await start(dir);
    expect((await settled(again)).state).toBe('ok');
    await again.close();
  });
});

describe('a key written before the keychain was available', () => {
  const tempDir = useTempDirs();

  it('stays readable (0600) once a keychain seals new keys, and the chain still verifies', async () => {
    const dir = tempDir();
    let s = await start(dir);
    await record(s);
    await s.close();
    const sealer = {
      scheme: 'safeStorage',
      seal: (k: Buffer) => Promise.resolve(Buffer.from(`sealed:${k.toString('base64')}`)),
      unseal: (b: Buffer) => Promise.resolve(Buffer.from(b.toString().replace(/^sealed:/, ''), 'base64')),
    };
    s = await start(dir, fileKeyProvider(defaultKeyFile(dir), sealer));
    expect((await settled(s)).state).toBe('ok');
    await s.close();
  });
});
