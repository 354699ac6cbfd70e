/**
 * The streamed import in bounded memory (issue 14): a 200 MB export is imported in a child process
 * whose JavaScript heap is limited to 64 MB (reading the file into one string could not even start),
 * and its resident memory grows by far less than the file's size. The whole path through the
 * services on the 100k history is measured by the bench (`import-all-100k-rss-mb`).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/db/migrate';
import { dumpDatabase } from '../../../../electron/services/data/full-export';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import { useTempDirs } from '../../../helpers/temp-dir';

const CHILD = resolve(__dirname, 'fixtures/import-child.ts');
const AT = new Date('2026-10-05T08:00:00.000Z');
const MB = 1024 * 1024;

describe('the streamed full import’s memory', () => {
  const tempDir = useTempDirs();

  it('imports a 200 MB export with a 64 MB heap, its resident memory growing by less than a third of the file', async () => {
    const dir = tempDir();
    // A real export of one incident, its timeline then grown to 2,000 entries of 100 KB each.
    const src = await openDatabase(join(dir, 'src.sqlite3'));
    await src.write((q) =>
      q.run(
        `INSERT INTO incidents (id, serial, category, title, places, occurred_at, received_at, receive_channel, status,
           created_at, created_by, updated_at) VALUES (1, '2026-0001', 'environment', '桑干河支流水体异常', '["山阴县"]',
           '2026-10-01T00:00:00.000Z', '2026-10-01T00:10:00.000Z', '电话', '处置中', '2026-10-01T00:10:00.000Z', '赵珺',
           '2026-10-01T00:10:00.000Z')`,
      ),
    );
    const doc = await dumpDatabase(src, DEFAULT_SETTINGS, AT);
    await src.close();
    const timeline = doc.tables.timeline_entries!;
    timeline.rows = [['ROWS']];
    const [head, tail] = `${JSON.stringify(doc, null, 2)}\n`.split(/\[\s*"ROWS"\s*\]/) as [string, string];
    // CJK text with quotes, backslashes and line breaks: every string takes the escape path too.
    const text = '桑干河支流水体异常，现场监测“正常”\\\n'.repeat(2_000).slice(0, 35_500);
    const file = join(dir, 'large.json');
    const fd = openSync(file, 'w');
    writeSync(fd, head);
    for (let i = 1; i <= 2_000; i++) {
      const row = timeline.columns.map((c) =>
        c === 'id'
          ? i
          : c === 'incident_id'
            ? 1
            : c === 'at'
              ? '2026-10-01T01:00:00.000Z'
              : c === 'kind'
                ? '续报'
                : c === 'text'
                  ? `${i}：${text}`
                  : c === 'officer'
                    ? '赵珺'
                    : null,
      );
      writeSync(fd, `${i > 1 ? ',' : ''}\n        ${JSON.stringify(row)}`);
    }
    writeSync(fd, tail);
    closeSync(fd);
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(190 * MB);

    const out = execFileSync(
      process.execPath,
      ['--max-old-space-size=64', '--import', 'tsx', CHILD, join(dir, 'dst.sqlite3'), file],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    // the child prints one JSON line of numbers and counts
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as {
      before: number;
      peak: number;
      tables: Record<string, number>;
    };
    expect(r.tables.timeline_entries).toBe(2_000);
    expect(r.tables.incidents).toBe(1);
    // Reading the file into one string alone would take its size (more as UTF-16), and parsing it more again.
    expect(r.peak - r.before).toBeLessThan(size / 3);
  }, 180_000);
});
