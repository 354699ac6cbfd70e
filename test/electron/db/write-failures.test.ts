import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/migrate';
import { inspectDataFolder } from '../../../electron/services/startup/startup-check';
import { useTempDirs } from '../../helpers/temp-dir';

const CHILD = resolve(__dirname, 'fixtures/register-child.ts');

interface Answer {
  i: number;
  ok: boolean;
  id?: number;
  serial?: string;
  code?: string;
  message?: string;
}

/** Runs the registering child under bash (for ulimit); resolves with its answers, or kills it at `killAfter` acks. */
function runChild(
  dataDir: string,
  opts: { ulimitKb?: number; count: number; concurrency: number; killAfterAcks?: number },
): Promise<{
  answers: Answer[];
  storage: unknown;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}> {
  const node = `exec ${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(CHILD)} ${JSON.stringify(dataDir)} ${opts.count} ${opts.concurrency}`;
  // Node ignores SIGXFSZ itself, so a write beyond the limit fails with EFBIG instead of killing it.
  const script = opts.ulimitKb ? `ulimit -f ${opts.ulimitKb}; ${node}` : node;
  const child = spawn('bash', ['-c', script], {
    cwd: resolve(__dirname, '../../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const answers: Answer[] = [];
  let storage: unknown = null;
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      // the child process prints one JSON object per line in these shapes
      if (line.startsWith('{"storage"')) storage = (JSON.parse(line) as { storage: unknown }).storage;
      // the file or answer's known shape; the test asserts on it
      else if (line.startsWith('{')) answers.push(JSON.parse(line) as Answer);
      if (opts.killAfterAcks && answers.filter((a) => a.ok).length >= opts.killAfterAcks && child.exitCode === null) {
        child.kill('SIGKILL');
      }
    }
  });
  return new Promise((done) => child.on('close', (code, signal) => done({ answers, storage, code, signal, stderr })));
}

async function storedIncidents(dataDir: string) {
  const db = await openDatabase(join(dataDir, 'duty.sqlite3'));
  try {
    return await db.read((q) =>
      q.all<{ id: number; serial: string; title: string; entries: number }>(
        `SELECT i.id, i.serial, i.title, (SELECT COUNT(*) FROM timeline_entries t WHERE t.incident_id = i.id AND t.kind = 'created') AS entries
         FROM incidents i ORDER BY i.id`,
      ),
    );
  } finally {
    await db.close();
  }
}

describe('a write is acknowledged only after it is on disk', () => {
  const tempDir = useTempDirs();

  it('under RLIMIT_FSIZE: every acknowledged registration is in the file, once; refusals are clear Chinese', async () => {
    const dir = tempDir();
    const run = await runChild(dir, { ulimitKb: 1024, count: 80, concurrency: 2 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.answers).toHaveLength(80);
    const acked = run.answers.filter((a) => a.ok);
    const refused = run.answers.filter((a) => !a.ok);
    // The limit must actually have been reached, or this test proves nothing.
    expect(acked.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    // After the last refusal the status says so, for the banner.
    expect(run.storage).toEqual({ ok: false, cause: 'write_failed', problem: refused.at(-1)!.message });
    for (const r of refused) {
      expect(r.message).toMatch(/本次操作未保存/);
      expect(r.message).not.toMatch(/SQLITE|I\/O|disk|error/i);
    }
    const stored = await storedIncidents(dir);
    const byId = new Map(stored.map((s) => [s.id, s]));
    for (const a of acked) {
      expect(byId.get(a.id!), `已确认的登记 ${a.i} 不在文件中`).toMatchObject({
        serial: a.serial,
        title: `压力测试 ${a.i}`,
        entries: 1,
      });
    }
    expect(new Set(acked.map((a) => a.id)).size).toBe(acked.length);
    expect(new Set(stored.map((s) => s.serial)).size).toBe(stored.length);
  }, 120_000);

  it('kill -9 during a stream of writes loses no acknowledged registration', async () => {
    const dir = tempDir();
    const run = await runChild(dir, { count: 0, concurrency: 3, killAfterAcks: 60 });
    expect(run.signal).toBe('SIGKILL');
    const acked = run.answers.filter((a) => a.ok);
    expect(acked.length).toBeGreaterThanOrEqual(60);
    // What a crash leaves (a -wal and -shm beside the file) is a healthy database, not damage.
    expect(existsSync(join(dir, 'duty.sqlite3-wal'))).toBe(true);
    expect(await inspectDataFolder(dir)).toBeNull();
    const stored = await storedIncidents(dir);
    const byId = new Map(stored.map((s) => [s.id, s]));
    const lost = acked.filter((a) => byId.get(a.id!)?.title !== `压力测试 ${a.i}`);
    expect(lost).toEqual([]);
    expect(stored.every((s) => s.entries === 1)).toBe(true);
  }, 120_000);
});
