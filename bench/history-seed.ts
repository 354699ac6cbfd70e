/**
 * A ten-year history of about 100,000 incidents for the 100k figures. A few hundred incidents are
 * registered and worked through the real services (dispatch, as the UI does: registration, reports
 * completed or marked not applicable, notes, status changes); then SQL copies them, every column of
 * every row that belongs to an incident, spread evenly over ten years (about 27 incidents a day).
 * The newest 300 stay open; all older ones are archived, as the templates they were copied from.
 */
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sqlite3 from 'sqlite3';
import { dispatch } from '../electron/ipc/dispatch';
import { webHostPrinter } from '../electron/print/printer';
import { createAppServices, DATABASE_FILE, type AppServices } from '../electron/services/app-services';
import { defaultKeyFile } from '../electron/services/integrity/chain-key';

const YEARS = 10;
/** Open templates, each also copied once: the 300 open incidents of the board. */
const OPEN_TEMPLATES = 150;
/** Archived templates, copied until the history holds about 100,000 incidents. */
const CLOSED_TEMPLATES = 250;
const TOTAL_TARGET = 100_000;

const PLACES = ['朔城区', '平鲁区', '山阴县', '应县', '右玉县', '怀仁市', '朔州经济开发区'];
const WHAT = ['化工厂泄漏', '危废倾倒', '河道油污', '放射源丢失', '通信中断', '基站停电', '光缆挖断', '尾矿库渗漏'];

type Handlers = AppServices['handlers'];

async function call<T>(h: Handlers, channel: string, args: unknown): Promise<T> {
  const res = await dispatch(h, channel, args);
  if (!res.ok) throw new Error(`${channel}: ${res.error.message}`);
  // an ok answer carries the channel's declared output; the caller names it
  return res.value as T;
}

interface Detail {
  id: number;
  clocks: { clockId: string; obligationKey?: string | null; channel: 'phone' | 'written' | 'any'; record: unknown }[];
}

function registration(i: number, receivedAt: number) {
  const kind = i % 3;
  return {
    category: (['environment', 'radiation', 'comms'] as const)[kind],
    title: `${PLACES[i % PLACES.length]}${WHAT[i % WHAT.length]}${i}`,
    places: [PLACES[i % PLACES.length]],
    occurredAt: new Date(receivedAt - 10 * 60_000).toISOString(),
    receivedAt: new Date(receivedAt).toISOString(),
    reporterUnit: `${PLACES[(i + 3) % PLACES.length]}应急管理局`,
    reporterName: '王建国',
    reporterPhone: '0349-2021234',
    receiveChannel: '电话',
    narrative: `${PLACES[i % PLACES.length]}报告：${WHAT[i % WHAT.length]}，现场已派人核实，暂无人员伤亡报告。`,
    facts:
      kind === 1
        ? { sourceClass: 3, sourceEvent: 'lost' }
        : kind === 2
          ? { countiesAffected: 1 }
          : { poisonedOrInjured: 12 },
    drill: false,
  };
}

/** Registers and works one template incident; `close` archives it at the end. */
async function template(h: Handlers, i: number, close: boolean): Promise<number> {
  const d = await call<Detail>(h, 'incidents:create', registration(i, Date.now() - 40 * 60_000 - i * 1000));
  const now = new Date().toISOString();
  // About three reports recorded per incident: completed, and one marked not applicable now and then.
  let recorded = 0;
  for (const c of d.clocks) {
    if (recorded >= 3 || c.record) continue;
    const clockId = c.obligationKey ?? c.clockId;
    if (recorded === 2 && i % 4 === 0) {
      await call(h, 'clocks:not-applicable', { incidentId: d.id, clockId, reason: '经核实不属于该类事件' });
    } else {
      await call(h, 'clocks:complete', {
        incidentId: d.id,
        clockId,
        completedAt: now,
        // A written report is recorded as sent in writing; a call never discharges it (42号 4.1.1(1)).
        channel: c.channel === 'written' ? '书面' : '电话',
        recipientUnit: '市应急管理局',
        recipientName: '李明',
      });
    }
    recorded++;
  }
  if (close) {
    // Archived as a duty room archives: every report sent or marked not applicable first.
    const settle = async (reason: string) => {
      const now = await call<Detail>(h, 'incidents:get', { id: d.id });
      const keys = new Set(now.clocks.filter((c) => !c.record).map((c) => c.obligationKey ?? c.clockId));
      for (const clockId of keys) {
        const res = await dispatch(h, 'clocks:not-applicable', { incidentId: d.id, clockId, reason }, () => undefined);
        // A clock recorded meanwhile under its obligation (the same report twice in the list) stays as recorded.
        if (!res.ok && res.error.code !== 'conflict') throw new Error(res.error.message);
      }
    };
    await settle('已并入其他报告一并报送');
    await call(h, 'incidents:set-status', { id: d.id, status: '已终止', note: '处置完毕', confirmUnsent: true });
    await settle('已随终结报告一并报送');
    await call(h, 'incidents:set-status', { id: d.id, status: '已归档', confirmUnsent: true });
  } else {
    await call(h, 'incidents:add-note', { id: d.id, kind: '续报信息', text: '现场已控制，正在进一步核实。' });
    if (i % 3 === 1) await call(h, 'incidents:set-status', { id: d.id, status: '核实中' });
  }
  return d.id;
}

const sql = {
  open(file: string): Promise<sqlite3.Database> {
    return new Promise((resolve, reject) => {
      const db: sqlite3.Database = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(db)));
    });
  },
  exec(db: sqlite3.Database, text: string): Promise<void> {
    return new Promise((resolve, reject) => db.exec(text, (err) => (err ? reject(err) : resolve())));
  },
  all<T>(db: sqlite3.Database, text: string, params: unknown[] = []): Promise<T[]> {
    return new Promise((resolve, reject) =>
      db.all(text, params, (err, rows: T[]) => (err ? reject(err) : resolve(rows))),
    );
  },
  close(db: sqlite3.Database): Promise<void> {
    return new Promise((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
  },
};

export interface SeededHistory {
  /** The database file (closed, checkpointed); copy it before opening it with the services. */
  file: string;
  incidents: number;
  open: number;
  timelineEntries: number;
  clockRecords: number;
  seedSeconds: number;
}

/** Multiplies the templates in `file` (every incident in it) into the ten-year history. */
async function multiply(file: string, openIds: number[], closedIds: number[]): Promise<void> {
  const db = await sql.open(file);
  const copies = Math.ceil((TOTAL_TARGET - 2 * openIds.length) / closedIds.length);
  const total = 2 * openIds.length + copies * closedIds.length;
  const spacingS = (YEARS * 365.25 * 86_400) / total;
  const nowS = Math.floor(Date.now() / 1000);
  await sql.exec(db, 'PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF; BEGIN;');
  // map: every new incident, its template and the shift (seconds) that puts it at its place in the ten years.
  // n counts from the newest (0) to the oldest; ids grow with time, as they do when registered.
  await sql.exec(db, 'CREATE TEMP TABLE seq (n INTEGER PRIMARY KEY, old_id INTEGER NOT NULL)');
  const rows: [number, number][] = [];
  openIds.forEach((id, k) => rows.push([k, id], [openIds.length + k, id]));
  for (let c = 0; c < copies; c++)
    closedIds.forEach((id, k) => rows.push([2 * openIds.length + c * closedIds.length + k, id]));
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    await new Promise<void>((resolve, reject) =>
      db.run(`INSERT INTO seq (n, old_id) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`, chunk.flat(), (err) =>
        err ? reject(err) : resolve(),
      ),
    );
  }
  await sql.exec(
    db,
    `CREATE TEMP TABLE map AS
       SELECT s.n, s.old_id, ${total} - s.n AS new_id,
         CAST(round(${nowS} - s.n * ${spacingS} - strftime('%s', i.received_at)) AS INTEGER) AS shift
       FROM seq s JOIN incidents i ON i.id = s.old_id;
     CREATE INDEX temp.map_old ON map (old_id);`,
  );
  const tables = await sql.all<{ name: string }>(
    db,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const children: { name: string; fk: string }[] = [];
  for (const { name } of tables) {
    const fks = await sql.all<{ table: string; from: string }>(
      db,
      `SELECT "table", "from" FROM pragma_foreign_key_list(?)`,
      [name],
    );
    const fk = fks.find((f) => f.table === 'incidents');
    if (fk) children.push({ name, fk: fk.from });
  }
  const shifted = (col: string) =>
    col === 'at' || col.endsWith('_at')
      ? `strftime('%Y-%m-%dT%H:%M:%fZ', t."${col}", m.shift || ' seconds')`
      : `t."${col}"`;
  // Rows referenced by other tables would need their ids remapped too: the templates must have none.
  for (const { name } of tables) {
    const refs = await sql.all<{ table: string }>(db, `SELECT "table" FROM pragma_foreign_key_list(?)`, [name]);
    for (const r of refs) {
      if (r.table === 'incidents' || !children.some((c) => c.name === r.table)) continue;
      const n = await sql.all<{ n: number }>(db, `SELECT COUNT(*) AS n FROM "${name}"`);
      if ((n[0]?.n ?? 0) > 0) throw new Error(`seed: ${name} references ${r.table}, which the copy renumbers`);
    }
  }
  // Incidents: every column copied, times shifted, a serial numbered per year as registration does.
  const incCols = (await sql.all<{ name: string }>(db, 'SELECT name FROM pragma_table_info(?)', ['incidents'])).map(
    (c) => c.name,
  );
  await sql.exec(db, 'CREATE TEMP TABLE tmpl_incidents AS SELECT * FROM incidents');
  for (const c of children) await sql.exec(db, `CREATE TEMP TABLE "tmpl_${c.name}" AS SELECT * FROM "${c.name}"`);
  for (const c of children) await sql.exec(db, `DELETE FROM "${c.name}"`);
  await sql.exec(db, 'DELETE FROM incidents');
  const incSelect = incCols
    .map((col) =>
      col === 'id'
        ? 'm.new_id'
        : col === 'serial'
          ? // numbered in the Beijing calendar year of 接报, as registration numbers them
            `strftime('%Y', t.received_at, m.shift || ' seconds', '+8 hours') || '-' || printf('%04d', ROW_NUMBER() OVER (PARTITION BY strftime('%Y', t.received_at, m.shift || ' seconds', '+8 hours') ORDER BY m.new_id))`
          : shifted(col),
    )
    .join(', ');
  await sql.exec(
    db,
    `INSERT INTO incidents (${incCols.map((c) => `"${c}"`).join(', ')})
       SELECT ${incSelect} FROM map m JOIN tmpl_incidents t ON t.id = m.old_id ORDER BY m.new_id`,
  );
  for (const c of children) {
    const info = await sql.all<{ name: string; pk: number; type: string }>(
      db,
      'SELECT name, pk, type FROM pragma_table_info(?)',
      [c.name],
    );
    // An INTEGER PRIMARY KEY of its own is left to SQLite (new rows, new ids, in time order).
    const ownId =
      info.filter((x) => x.pk > 0).length === 1 &&
      info.some((x) => x.pk > 0 && x.type === 'INTEGER' && x.name === 'id');
    const cols = info.filter((x) => !(ownId && x.name === 'id')).map((x) => x.name);
    const select = cols.map((col) => (col === c.fk ? 'm.new_id' : shifted(col))).join(', ');
    await sql.exec(
      db,
      `INSERT INTO "${c.name}" (${cols.map((x) => `"${x}"`).join(', ')})
         SELECT ${select} FROM map m JOIN "tmpl_${c.name}" t ON t."${c.fk}" = m.old_id
         ORDER BY m.new_id${ownId ? ', t.id' : ''}`,
    );
  }
  // Registration numbers from serial_counters (migration 0013): the counters go on from the copies.
  await sql.exec(
    db,
    `DELETE FROM serial_counters;
     INSERT INTO serial_counters (prefix, last_number)
       SELECT substr(serial, 1, instr(serial, '-')), MAX(CAST(substr(serial, instr(serial, '-') + 1) AS INTEGER))
       FROM incidents GROUP BY 1;`,
  );
  // The 300 newest are the open ones: copies of open templates keep their open status.
  // The copies were written here, not by the console, so no chain entry covers them, and the
  // templates' entries name rows that are gone. The history is made one that predates the chain:
  // its entries go (past the append-only triggers, put back as they were), and the next start
  // begins the chain with a genesis over every row, as an upgraded console does (issue 18).
  const guards = await sql.all<{ sql: string }>(
    db,
    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'chain'",
  );
  await sql.exec(db, `DROP TRIGGER chain_append_only_update; DROP TRIGGER chain_append_only_delete;`);
  await sql.exec(db, 'DELETE FROM chain');
  for (const g of guards) await sql.exec(db, g.sql);
  await sql.exec(db, 'COMMIT; PRAGMA wal_checkpoint(TRUNCATE);');
  await sql.close(db);
}

/**
 * The copies are new rows, so the triggers of migration 0016 marked every incident stale: the
 * services derive and store them all (incidents/derived.ts), as they would after an import, so
 * the figures read the history as a running console has it.
 */
async function storeDerivations(dir: string, file: string): Promise<void> {
  const appDir = join(dir, 'derive-app');
  rmSync(appDir, { recursive: true, force: true });
  rmSync(keysDirOf(appDir), { recursive: true, force: true });
  mkdirSync(appDir, { recursive: true });
  renameSync(file, join(appDir, DATABASE_FILE));
  const services = await createAppServices({
    dataDir: appDir,
    host: 'web',
    printer: webHostPrinter(appDir),
    alarms: false,
  });
  try {
    await services.derived.settle();
  } finally {
    await services.close();
  }
  renameSync(join(appDir, DATABASE_FILE), file);
  rmSync(appDir, { recursive: true, force: true });
  // The chain's key and anchor travel with the file (seededKeysDir): without them a copy's chain
  // would not verify, and every start would report the history as altered.
  rmSync(seededKeysDir(file), { recursive: true, force: true });
  renameSync(keysDirOf(appDir), seededKeysDir(file));
}

/** Where the console keeps a data folder's chain key and anchor (services/integrity/chain-key.ts). */
export function keysDirOf(dataDir: string): string {
  return dirname(defaultKeyFile(dataDir));
}

/** The seeded file's chain key and anchor: `history-100k.keys` beside `history-100k.sqlite3`. */
export function seededKeysDir(file: string): string {
  return file.replace(/\.sqlite3$/, '.keys');
}

/** Seeds the history into `dir` and returns the database file and what it holds. */
export async function seedHistory(dir: string): Promise<SeededHistory> {
  const t0 = performance.now();
  const appDir = join(dir, 'seed-app');
  rmSync(appDir, { recursive: true, force: true });
  mkdirSync(appDir, { recursive: true });
  const services = await createAppServices({
    dataDir: appDir,
    host: 'web',
    printer: webHostPrinter(appDir),
    alarms: false,
  });
  const openIds: number[] = [];
  const closedIds: number[] = [];
  try {
    await call(services.handlers, 'duty:set', { leader: '带班领导', officer: '值班员' });
    for (let i = 0; i < OPEN_TEMPLATES + CLOSED_TEMPLATES; i++) {
      const close = i >= OPEN_TEMPLATES;
      (close ? closedIds : openIds).push(await template(services.handlers, i, close));
    }
  } finally {
    await services.close();
  }
  const file = join(dir, 'history-100k.sqlite3');
  copyFileSync(join(appDir, DATABASE_FILE), file);
  rmSync(appDir, { recursive: true, force: true });
  await multiply(file, openIds, closedIds);
  await storeDerivations(dir, file);
  return { ...(await describeSeeded(file)), seedSeconds: (performance.now() - t0) / 1000 };
}

/** What a seeded file holds. */
export async function describeSeeded(file: string): Promise<SeededHistory> {
  const db = await sql.open(file);
  const [counts] = await sql.all<{ incidents: number; open: number; timeline: number; clocks: number }>(
    db,
    `SELECT (SELECT COUNT(*) FROM incidents) AS incidents,
       (SELECT COUNT(*) FROM incidents WHERE status IN ('接报', '核实中', '响应中')) AS open,
       (SELECT COUNT(*) FROM timeline_entries) AS timeline,
       (SELECT COUNT(*) FROM clock_records) AS clocks`,
  );
  await sql.close(db);
  return {
    file,
    incidents: counts?.incidents ?? 0,
    open: counts?.open ?? 0,
    timelineEntries: counts?.timeline ?? 0,
    clockRecords: counts?.clocks ?? 0,
    seedSeconds: 0,
  };
}
