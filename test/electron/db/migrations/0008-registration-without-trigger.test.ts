import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { listTimeline, registerIncident } from '../../../../electron/db/incident-repository';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { CATEGORIES, registrationText } from '../../../../shared/domain/incident';
import type { Category } from '../../../../shared/domain/incident';
import { useTempDirs } from '../../../helpers/temp-dir';

const fields = (category: Category, drill: boolean) => ({
  category,
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

const DUTY = { leader: '李堃', officer: '赵珺' };

describe('migration 0008-registration-without-trigger', () => {
  const tempDir = useTempDirs();

  it('drops the trigger of 0007 from a version-7 database and keeps the entries it wrote', async () => {
    const db = await Database.open(join(tempDir(), 'm8.sqlite3'));
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 7),
    );
    await db.write((q) =>
      q.run("INSERT INTO duty_sessions (leader, officer, started_at) VALUES ('李堃', '赵珺', 'x')"),
    );
    const insert = `INSERT INTO incidents (serial, category, title, places, occurred_at, received_at, receive_channel, facts,
      status, created_at, created_by, updated_at) VALUES (?, 'fire', '旧事件', '[]', 't', 't', '电话', '{}', '接报', 't', '赵珺', 't')`;
    await db.write((q) => q.run(insert, ['S1']));
    expect(await db.read((q) => q.all("SELECT name FROM sqlite_master WHERE type = 'trigger'"))).toHaveLength(1);

    await migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 8),
    );
    expect(await db.read((q) => q.all("SELECT name FROM sqlite_master WHERE type = 'trigger'"))).toEqual([]);
    // What 0007 wrote stays; a row inserted now gets no entry from the database.
    expect(await db.read((q) => q.all('SELECT incident_id, kind FROM timeline_entries'))).toEqual([
      { incident_id: 1, kind: 'created' },
    ]);
    await db.write((q) => q.run(insert, ['S2']));
    expect(await db.read((q) => q.all('SELECT incident_id FROM timeline_entries WHERE incident_id = 2'))).toEqual([]);
    await db.close();
  });

  it('registration writes exactly one 接报 entry, with the app wording, in the same transaction', async () => {
    const db = await Database.open(join(tempDir(), 'm8b.sqlite3'));
    await migrate(db);
    for (const c of CATEGORIES) {
      for (const drill of [false, true]) {
        const inc = await db.write((q) => registerIncident(q, fields(c.id, drill), DUTY));
        expect(inc.serial).toMatch(drill ? /^YL2026-\d{4}$/ : /^2026-\d{4}$/);
        const [entry, ...rest] = await db.read((q) => listTimeline(q, inc.id));
        expect(rest).toEqual([]);
        expect(entry).toMatchObject({
          kind: 'created',
          text: registrationText(c.id, `测试「${c.id}」`, drill),
          officer: '赵珺',
          at: '2026-11-29T01:11:00.000Z',
          data: { receivedAt: '2026-11-29T01:10:00.000Z', leader: '李堃' },
        });
      }
    }
    // A transaction that fails after the registration leaves neither the incident nor its entry.
    await expect(
      db.write(async (q) => {
        await registerIncident(q, fields('fire', false), DUTY);
        throw new Error('中途失败');
      }),
    ).rejects.toThrow('中途失败');
    const n = CATEGORIES.length * 2;
    expect(await db.read((q) => q.get('SELECT COUNT(*) AS n FROM incidents'))).toEqual({ n });
    expect(await db.read((q) => q.get('SELECT COUNT(*) AS n FROM timeline_entries'))).toEqual({ n });
    await db.close();
  });
});
