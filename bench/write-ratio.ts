/**
 * incident-write-ratio: the median time to register an incident durably (through the IPC dispatch,
 * as the UI does, including validation and the returned detail) divided by the median of a bare
 * BEGIN IMMEDIATE; INSERT; COMMIT of one row through the same connection class and settings.
 *
 * incident-storage-ratio: the same divisor under the part of a registration no rule can leave out,
 * stored through the same write path: the incident's row (its serial, search index, stale mark and
 * statistics), its 接报 entry and the record chain's seal, in one transaction, with no validation,
 * no rules, no obligations and no reply. It bounds what any registration can reach on this schema.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../electron/db/connection';
import { dispatch } from '../electron/ipc/dispatch';
import { createAppServices } from '../electron/services/app-services';
import { webHostPrinter } from '../electron/print/printer';
import { registerIncident } from '../electron/db/incident-repository';

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function benchIncidentWriteRatio(
  rounds = 150,
): Promise<{ ratio: number; storageRatio: number; registerMs: number; storageMs: number; bareMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'duty-bench-'));
  try {
    const bare = await Database.open(join(dir, 'bare.sqlite3'));
    await bare.raw((q) => q.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)'));
    const services = await createAppServices({
      dataDir: join(dir, 'app'),
      host: 'web',
      printer: webHostPrinter(join(dir, 'app')),
      alarms: false,
    });
    await services.incidents.setDuty({ leader: '带班领导', officer: '值班员' });
    const input = {
      category: 'environment',
      title: '基准测试事件',
      places: ['朔城区'],
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      receivedAt: new Date(Date.now() - 1_800_000).toISOString(),
      narrative: '基准测试',
      facts: { poisonedOrInjured: 12 },
    };
    const duty = { leader: '带班领导', officer: '值班员' };
    const row = (at: string) => ({
      ...input,
      category: 'environment' as const,
      discoveredAt: null,
      reporterUnit: '',
      reporterName: '',
      reporterPhone: '',
      receiveChannel: '电话' as const,
      levelOverride: null,
      responseOverride: null,
      status: '接报' as const,
      drill: false,
      createdAt: at,
      updatedAt: at,
    });
    const bareTimes: number[] = [];
    const registerTimes: number[] = [];
    const storageTimes: number[] = [];
    // Interleave the three so machine noise affects them alike.
    for (let i = 0; i < rounds; i++) {
      let t = performance.now();
      // The same transaction machinery (queue, BEGIN IMMEDIATE, COMMIT) around one parameterised INSERT.
      await bare.write((q) => q.run('INSERT INTO t (payload) VALUES (?)', ['x'.repeat(200)]));
      bareTimes.push(performance.now() - t);
      t = performance.now();
      await services.db.write((q) => registerIncident(q, row(new Date().toISOString()), duty));
      storageTimes.push(performance.now() - t);
      t = performance.now();
      const res = await dispatch(services.handlers, 'incidents:create', input);
      if (!res.ok) throw new Error(res.error.message);
      registerTimes.push(performance.now() - t);
    }
    await services.close();
    await bare.close();
    const registerMs = median(registerTimes);
    const storageMs = median(storageTimes);
    const bareMs = median(bareTimes);
    return { ratio: registerMs / bareMs, storageRatio: storageMs / bareMs, registerMs, storageMs, bareMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
