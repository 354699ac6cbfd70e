import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerIncident } from '../../../../electron/db/incident-repository';
import { listTimeline } from '../../../../electron/db/incident-repository';
import { openDatabase } from '../../../../electron/db/migrate';
import { CATEGORIES, registrationText } from '../../../../shared/domain/incident';
import { useTempDirs } from '../../../helpers/temp-dir';

const fields = (category: string, drill: boolean) => ({
  category: category as never,
  title: `测试「${category}」`,
  places: ['朔城区'],
  occurredAt: '2026-11-29T01:00:00.000Z',
  discoveredAt: null,
  receivedAt: '2026-11-29T01:10:00.000Z',
  reporterUnit: '',
  reporterName: '',
  reporterPhone: '',
  receiveChannel: '电话' as const,
  narrative: '',
  facts: {},
  levelOverride: null,
  responseOverride: null,
  status: '接报' as const,
  drill,
  createdAt: '2026-11-29T01:11:00.000Z',
  updatedAt: '2026-11-29T01:11:00.000Z',
});

describe('migration 0007-registration-entry', () => {
  const tempDir = useTempDirs();

  it('writes the 接报 entry with the same wording the app uses, for every category, signed by the officer on duty', async () => {
    const db = await openDatabase(join(tempDir(), 'm7.sqlite3'));
    await db.write((q) => q.run("INSERT INTO duty_sessions (leader, officer, started_at) VALUES ('李堃', '赵珺', 'x')"));
    for (const c of CATEGORIES) {
      for (const drill of [false, true]) {
        const inc = await db.writeOne((q) => registerIncident(q, fields(c.id, drill)));
        const [entry, ...rest] = await db.read((q) => listTimeline(q, inc.id));
        expect(rest).toEqual([]);
        expect(entry).toMatchObject({
          kind: 'created',
          text: registrationText(c.id, `测试「${c.id}」`, drill),
          officer: '赵珺',
          at: '2026-11-29T01:11:00.000Z',
          data: { receivedAt: '2026-11-29T01:10:00.000Z', leader: '李堃' },
        });
        expect(inc.serial).toMatch(drill ? /^YL2026-\d{4}$/ : /^2026-\d{4}$/);
      }
    }
    await db.close();
  });

  it('writes nothing at all when no officer is on duty', async () => {
    const db = await openDatabase(join(tempDir(), 'm7b.sqlite3'));
    await expect(db.writeOne((q) => registerIncident(q, fields('environment', false)))).rejects.toThrow(/NOT NULL constraint failed: incidents\.created_by/);
    expect(await db.read((q) => q.all('SELECT * FROM incidents'))).toEqual([]);
    expect(await db.read((q) => q.all('SELECT * FROM timeline_entries'))).toEqual([]);
    await db.close();
  });
});
