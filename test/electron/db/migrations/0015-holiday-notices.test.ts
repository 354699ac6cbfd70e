import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { useTempDirs } from '../../../helpers/temp-dir';

describe('migration 0015-holiday-notices', () => {
  const tempDir = useTempDirs();

  it('adds the notices and their log to an older database, one notice per year, refusing bad rows', async () => {
    const db = await Database.open(join(tempDir(), 'm15.sqlite3'));
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 15),
    );
    await migrate(db);
    const periods = JSON.stringify([{ festival: '元旦', from: '2027-01-01', to: '2027-01-01', workdays: [] }]);
    const insert = (year: number, title: string, p = periods) =>
      db.write((q) =>
        q.run('INSERT INTO holiday_notices (year, title, periods, entered_at, entered_by) VALUES (?, ?, ?, ?, ?)', [
          year,
          title,
          p,
          '2026-11-30T02:00:00.000Z',
          '系统管理员',
        ]),
      );
    await insert(2027, '国务院办公厅关于2027年部分节假日安排的通知');
    await expect(insert(2027, '再录一次')).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(insert(1999, '年份不对')).rejects.toThrow(/CHECK/);
    await expect(insert(2028, '')).rejects.toThrow(/CHECK/);
    await expect(insert(2028, '不是数组', '{"a":1}')).rejects.toThrow(/CHECK/);
    await expect(
      db.write((q) =>
        q.run("INSERT INTO holiday_notice_changes (year, kind, detail, at, officer) VALUES (2027, '改名', '', '', '')"),
      ),
    ).rejects.toThrow(/CHECK/);
    const rows = await db.read((q) =>
      q.all<{ year: number; doc_no: string }>('SELECT year, doc_no FROM holiday_notices'),
    );
    expect(rows).toEqual([{ year: 2027, doc_no: '' }]);
    await db.close();
  });
});
