import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import { DatabaseOpenError } from '../../../../electron/db/connection';
import { openDatabase } from '../../../../electron/db/migrate';
import type {
  BackupInfo,
  BackupState,
  ExportedFile,
  SavedFile,
  ImportResult,
  RestoreResult,
} from '../../../../shared/ipc/channels/data';
import type { AppServices } from '../../../../electron/services/app-services';
import { DATABASE_FILE } from '../../../../electron/services/app-services';
import { restoreFile } from '../../../../electron/services/data/backups';
import { dumpDatabase } from '../../../../electron/services/data/full-export';
import { toJson } from '../../../../electron/exports/index';
import { dispatch } from '../../../../electron/ipc/dispatch';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs();
const NOW = new Date('2027-01-10T02:00:00.000Z');

/** Calls a channel through the real dispatcher (input validation included) and unwraps the result. */
async function call<T = unknown>(s: AppServices, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(s.handlers, channel, input, () => undefined);
  if (!r.ok) throw new Error(r.error.message);
  // an ok answer carries the channel's declared output; the caller names it
  return r.value as T;
}

async function seed(s: AppServices): Promise<IncidentDetail[]> {
  await call(s, 'duty:set', { leader: '张三', officer: '王五' });
  const a = await call<IncidentDetail>(s, 'incidents:create', { ...ENV_INPUT, levelOverride: '一般' });
  const b = await call<IncidentDetail>(s, 'incidents:create', {
    ...ENV_INPUT,
    title: '应县化工园区废水外溢',
    places: ['应县', '怀仁市'],
    occurredAt: '2026-10-05T01:30:00.000Z',
    receivedAt: '2026-10-05T02:00:00.000Z',
    levelOverride: '较大',
  });
  await call(s, 'incidents:add-note', { id: a.id, kind: '领导批示', text: '立即核实，做好监测', givenBy: '李市长' });
  return [await call(s, 'incidents:get', { id: a.id }), b];
}

describe('full JSON export and import', () => {
  it('exports everything and imports into an empty data folder with the same table contents and settings', async () => {
    const src = await makeServices(tempDir(), { now: () => NOW });
    await seed(src);
    src.settings.set({ backupKeep: 7, stationName: '朔州市人民政府总值班室（测试）' });
    const file = await call<SavedFile>(src, 'data:export-all', {});
    const original = await dumpDatabase(src.db, src.settings.get(), NOW);
    await src.close();
    expect(original.tables.incidents!.rows).toHaveLength(2);
    // The file is streamed row by row and stays in the exports folder; only its name comes back.
    expect(file).not.toHaveProperty('contentBase64');
    const content = readFileSync(file.path, 'utf8');
    // Byte for byte the document the whole-in-memory export wrote before it was streamed.
    expect(content).toBe(toJson(original).toString('utf8'));
    expect(file.bytes).toBe(Buffer.byteLength(content));
    expect(file.count).toBe(Object.values(original.tables).reduce((n, t) => n + t.rows.length, 0));

    const dst = await makeServices(tempDir(), { now: () => NOW });
    const result = await call<ImportResult>(dst, 'data:import-all', { content });
    expect(result.tables.incidents).toBe(2);
    const copy = await dumpDatabase(dst.db, dst.settings.get(), NOW);
    expect(copy.tables).toEqual(original.tables);
    expect(copy.settings).toEqual(original.settings);
    // The imported install works: the incidents read back through the services.
    const list = (await call<{ items: IncidentDetail[] }>(dst, 'incidents:list', {})).items;
    expect(list.map((i) => i.title).sort()).toEqual(['应县化工园区废水外溢', '桑干河支流水体异常'].sort());

    // A second import into the now non-empty install is refused and changes nothing.
    await expect(call(dst, 'data:import-all', { content })).rejects.toThrow(/已有数据.*已有事件 2 起.*未做任何改动/);
    expect((await dumpDatabase(dst.db, dst.settings.get(), NOW)).tables).toEqual(original.tables);
    await dst.close();
  });

  it('refuses malformed or foreign files with a clear message', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await expect(call(s, 'data:import-all', { content: '{oops' })).rejects.toThrow(/不是有效的 JSON/);
    await expect(call(s, 'data:import-all', { content: '{"format":"x"}' })).rejects.toThrow(
      /不是值班台导出的完整数据文件/,
    );
    const doc = await dumpDatabase(s.db, s.settings.get(), NOW);
    const bad = { ...doc, tables: { ...doc.tables, made_up: { columns: ['x'], rows: [[1]] } } };
    await expect(call(s, 'data:import-all', { content: JSON.stringify(bad) })).rejects.toThrow(
      /本版本没有的表：made_up/,
    );
    await expect(
      call(s, 'data:import-all', { content: JSON.stringify({ ...doc, schemaVersion: 99 }) }),
    ).rejects.toThrow(/更新版本/);
    await expect(call(s, 'data:import-all', { fileName: '../duty.sqlite3' })).rejects.toThrow(/文件名不能包含路径/);
    await s.close();
  });
});

describe('backup and restore with the real services', () => {
  it('backup → corrupt the live file → opening fails clearly → restore → every committed incident is back', async () => {
    const dir = tempDir();
    const s = await makeServices(dir, { now: () => NOW });
    const made = await seed(s);
    const backup = await call<BackupInfo>(s, 'data:backup-now', {});
    const state = await call<BackupState>(s, 'data:backups', {});
    expect(state.backups.map((b: { fileName: string }) => b.fileName)).toEqual([backup.fileName]);
    await s.close();

    const live = join(dir, DATABASE_FILE);
    const fd = openSync(live, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, 4096);
    writeSync(fd, Buffer.from('garbage header!!'), 0, 16, 0);
    closeSync(fd);
    await expect(makeServices(dir, { now: () => NOW })).rejects.toBeInstanceOf(DatabaseOpenError);

    await restoreFile(live, backup.path, join(dir, 'backups'), NOW);
    const back = await makeServices(dir, { now: () => NOW });
    const list = (await call<{ items: IncidentDetail[] }>(back, 'incidents:list', {})).items;
    expect(list.map((i) => i.serial).sort()).toEqual(made.map((i) => i.serial).sort());
    const a = await call<IncidentDetail>(back, 'incidents:get', { id: made[0]!.id });
    expect(a.timeline.map((t) => t.text)).toEqual(made[0]!.timeline.map((t) => t.text));
    await back.close();
  });

  it('restores a listed backup while running; the data of the moment is kept as a safety copy', async () => {
    const dir = tempDir();
    const s = await makeServices(dir, { now: () => NOW });
    const [a] = await seed(s);
    const backup = await call<BackupInfo>(s, 'data:backup-now', {});
    await call(s, 'incidents:create', { ...ENV_INPUT, title: '备份之后登记的事件' });
    const r = await call<RestoreResult>(s, 'data:restore', { fileName: backup.fileName });
    expect(r.incidents).toBe(2);
    expect((await call<{ items: IncidentDetail[] }>(s, 'incidents:list', {})).items.map((i) => i.title)).not.toContain(
      '备份之后登记的事件',
    );
    // Writing goes on on the same connection.
    await call(s, 'incidents:add-note', { id: a!.id, kind: '备注', text: '恢复后记录' });
    const state = await call<BackupState>(s, 'data:backups', {});
    expect(state.backups.map((b: { kind: string }) => b.kind).sort()).toEqual(['manual', 'safety']);
    await s.close();
    const safety = await openDatabase(r.safetyCopy);
    const titles = await safety.read((q) => q.all<{ title: string }>('SELECT title FROM incidents'));
    expect(titles.map((t) => t.title)).toContain('备份之后登记的事件');
    await safety.close();
    await expect(
      makeServices(dir, { now: () => NOW }).then((x) =>
        call(x, 'data:restore', { fileName: 'nope.sqlite3' }).finally(() => x.close()),
      ),
    ).rejects.toThrow(/不存在/);
  });
});

describe('exports opened again', () => {
  it('the PDF of one incident keeps the line breaks the officer typed in 简要情况', { timeout: 60_000 }, async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await call(s, 'duty:set', { leader: '李堃', officer: '赵珺' });
    const lines = ['一、河段出现大面积死鱼', '二、下游取水口已关闭', '三、县环境监测站正在采样'];
    const inc = await call<IncidentDetail>(s, 'incidents:create', { ...ENV_INPUT, narrative: lines.join('\n') });
    const pdf = await call<ExportedFile>(s, 'data:export-incident', { id: inc.id, format: 'pdf' });
    const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
    // Each line of the narrative on a line of its own, in order: not run together into one.
    const at = lines.map((l) => text.split('\n').findIndex((row) => row.includes(l)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(new Set(at).size).toBe(3);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    await s.close();
  });

  it('XLSX parses back, CSV starts with the BOM, DOCX XML holds the text, PDF text extracts, JSON round-trips', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    const [a] = await seed(s);
    const range = { from: '2026-10-01T00:00:00+08:00', to: '2026-12-31T23:59:59+08:00' };

    const xlsx = await call<ExportedFile>(s, 'data:export-incidents', { ...range, format: 'xlsx', jobId: 'job-1' });
    expect(xlsx.count).toBe(2);
    // Named in Beijing time as the officer reads it: the day in Chinese, then HHmm (10:00).
    expect(xlsx.fileName).toBe('突发事件接报情况-2027年1月10日-1000.xlsx');
    expect(await call(s, 'data:export-progress', { jobId: 'job-1' })).toMatchObject({ finished: true });
    const wb = new ExcelJS.Workbook();
    // a Node Buffer is what ExcelJS reads; its typings ask for ArrayBuffer
    await wb.xlsx.load(readFileSync(xlsx.path) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('事件一览')!;
    const cells = sheet.getSheetValues().flat().map(String);
    expect(cells).toContain('桑干河支流水体异常');
    expect(cells).toContain('应县、怀仁市');
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.printTitlesRow).toBeTruthy();

    const csv = await call<ExportedFile>(s, 'data:export-incidents', { ...range, format: 'csv' });
    const bytes = readFileSync(csv.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    expect(bytes.toString('utf8')).toContain('应县化工园区废水外溢');

    const docx = await call<ExportedFile>(s, 'data:export-incident', { id: a!.id, format: 'docx' });
    expect(docx.fileName).toBe(`事件-${a!.serial}-2027年1月10日-1000.docx`);
    const zip = await JSZip.loadAsync(readFileSync(docx.path));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('处置记录');
    expect(xml).toContain('立即核实，做好监测');
    expect(xml).toContain('仿宋_GB2312');

    const pdf = await call<ExportedFile>(s, 'data:export-incident', { id: a!.id, format: 'pdf' });
    expect(readFileSync(pdf.path).subarray(0, 5).toString()).toBe('%PDF-');
    // A name without a day of its own takes the day of export before the time.
    expect(pdf.fileName).toMatch(/-\d{4}年\d{1,2}月\d{1,2}日-\d{4}\.pdf$/);
    const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
    expect(text).toContain('事件基本情况');
    expect(text).toContain(a!.serial);

    const json = await call<ExportedFile>(s, 'data:export-incident', { id: a!.id, format: 'json' });
    expect(JSON.parse(readFileSync(json.path, 'utf8'))).toMatchObject({
      id: a!.id,
      title: a!.title,
      serial: a!.serial,
    });

    const stats = await call<ExportedFile>(s, 'data:export-stats', { format: 'xlsx' });
    expect(stats.fileName).toBe('统计-2027年1月10日-1000.xlsx');
    const swb = new ExcelJS.Workbook();
    // a Node Buffer is what ExcelJS reads; its typings ask for ArrayBuffer
    await swb.xlsx.load(readFileSync(stats.path) as unknown as ArrayBuffer);
    expect(swb.worksheets.map((w) => w.name)).toContain('按预案统计');
    expect(xlsx.path.startsWith(join(s.dataDir, 'exports'))).toBe(true);
    await s.close();
  }, 60_000);
});
