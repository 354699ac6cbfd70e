import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { listTimeline } from '../../../../electron/db/incident-repository';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { CATEGORIES, registrationText } from '../../../../shared/domain/incident';
import { useTempDirs } from '../../../helpers/temp-dir';

/** Up to and including 0007: the trigger as it was, before 0008 replaced it. */
const UP_TO_7 = MIGRATIONS.filter((m) => m.version <= 7);

const INSERT = `INSERT INTO incidents (serial, category, title, places, occurred_at, received_at, receive_channel, facts,
  status, drill, created_at, created_by, updated_at)
  VALUES (?, ?, ?, '["朔城区"]', '2026-11-29T01:00:00.000Z', '2026-11-29T01:10:00.000Z', '电话', '{}', '接报', ?,
  '2026-11-29T01:11:00.000Z', '赵珺', '2026-11-29T01:11:00.000Z') RETURNING id`;

describe('migration 0007-registration-entry', () => {
  const tempDir = useTempDirs();

  it('writes the 接报 entry with the same wording the app uses, for every category', async () => {
    const db = await Database.open(join(tempDir(), 'm7.sqlite3'));
    await migrate(db, UP_TO_7);
    await db.write((q) =>
      q.run("INSERT INTO duty_sessions (leader, officer, started_at) VALUES ('李堃', '赵珺', 'x')"),
    );
    let n = 0;
    for (const c of CATEGORIES) {
      for (const drill of [false, true]) {
        const title = `测试「${c.id}」`;
        const row = await db.write((q) => q.get<{ id: number }>(INSERT, [`S${++n}`, c.id, title, drill ? 1 : 0]));
        const [entry, ...rest] = await db.read((q) => listTimeline(q, row!.id));
        expect(rest).toEqual([]);
        expect(entry).toMatchObject({
          kind: 'created',
          text: registrationText(c.id, title, drill),
          officer: '赵珺',
          at: '2026-11-29T01:11:00.000Z',
          data: { receivedAt: '2026-11-29T01:10:00.000Z', leader: '李堃' },
        });
      }
    }
    await db.close();
  });
});
