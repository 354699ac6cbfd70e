/**
 * Starting a response and moving the incident to 响应中 are one unit of work: a real process killed
 * with SIGKILL half-way through it (the response and its checklist written, the status not yet)
 * leaves neither change in the file.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/db/migrate';
import { inspectDataFolder } from '../../../../electron/services/startup/startup-check';
import { useTempDirs } from '../../../helpers/temp-dir';

const CHILD = resolve(__dirname, 'fixtures/start-response-child.ts');

/** Runs the child; with `pause`, kills it with SIGKILL as soon as it reports being inside the write. */
function runChild(
  dataDir: string,
  pause: boolean,
): Promise<{ out: string; stderr: string; signal: NodeJS.Signals | null; code: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
    cwd: resolve(__dirname, '../../../..'),
    env: { ...process.env, PAUSE: pause ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('paused\n') && child.exitCode === null) child.kill('SIGKILL');
  });
  return new Promise((done) => child.on('close', (code, signal) => done({ out, stderr, signal, code })));
}

async function stored(dataDir: string) {
  const db = await openDatabase(join(dataDir, 'duty.sqlite3'));
  try {
    return await db.read(async (q) => {
      const count = async (table: string) =>
        (await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE incident_id = 1`))?.n;
      return {
        status: (await q.get<{ status: string }>('SELECT status FROM incidents WHERE id = 1'))?.status,
        responses: await count('responses'),
        items: await count('response_items'),
        levels: await count('response_levels'),
        kinds: (
          await q.all<{ kind: string }>('SELECT kind FROM timeline_entries WHERE incident_id = 1 ORDER BY id')
        ).map((e) => e.kind),
      };
    });
  } finally {
    await db.close();
  }
}

describe('a response start killed half-way', () => {
  const tempDir = useTempDirs();

  it('SIGKILL inside the status change: neither the response nor 响应中 is in the file', async () => {
    const dir = tempDir();
    const run = await runChild(dir, true);
    expect(run.stderr).toBe('');
    // The child reached the status change inside the write and was killed there, never answering.
    expect(run.out).toBe('paused\n');
    expect(run.signal).toBe('SIGKILL');
    // What the crash left is a healthy database, not damage.
    expect(await inspectDataFolder(dir)).toBeNull();
    expect(await stored(dir)).toEqual({ status: '接报', responses: 0, items: 0, levels: 0, kinds: ['created'] });
  }, 120_000);

  it('the same run left alone commits both (the check above can see a started response)', async () => {
    const dir = tempDir();
    const run = await runChild(dir, false);
    expect(run.stderr).toBe('');
    expect(run.out).toBe('{"started":true}\n');
    const after = await stored(dir);
    expect(after.status).toBe('响应中');
    expect(after.responses).toBe(1);
    expect(after.items).toBeGreaterThan(0);
    expect(after.levels).toBe(1);
    expect(after.kinds).toEqual(expect.arrayContaining(['created', 'action', 'status']));
  }, 120_000);
});
