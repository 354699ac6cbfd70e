import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DATABASE_PASSWORD_FILE,
  DATABASE_SETTING_FILE,
  PLAIN_PASSWORD,
  resolveDatabaseUrl,
} from '../../../electron/db/database-url';
import { useTempDirs } from '../../helpers/temp-dir';

describe('choosing the database', async () => {
  const tempDir = useTempDirs();

  it('runs on SQLite without a URL; the command line wins over the environment, which wins over the setting', async () => {
    const dir = tempDir();
    expect(await resolveDatabaseUrl([], {}, dir)).toBeUndefined();
    writeFileSync(join(dir, DATABASE_SETTING_FILE), JSON.stringify({ url: 'postgres://duty@db.local:5432/duty' }));
    expect(await resolveDatabaseUrl([], {}, dir)).toBe('postgres://duty@db.local:5432/duty');
    const env = { DUTY_DATABASE_URL: 'postgres://env@db.local/duty' };
    expect(await resolveDatabaseUrl([], env, dir)).toBe(env.DUTY_DATABASE_URL);
    expect(await resolveDatabaseUrl(['--database-url', 'postgres://cli@db.local/duty'], env, dir)).toBe(
      'postgres://cli@db.local/duty',
    );
    expect(await resolveDatabaseUrl(['--database-url=postgresql://cli2@db.local/duty'], env, dir)).toBe(
      'postgresql://cli2@db.local/duty',
    );
    await expect(resolveDatabaseUrl(['--database-url', 'mysql://x@y/z'], {}, dir)).rejects.toThrow(/postgres:\/\//);
  });

  it('saves the URL without its password; the password goes to a file only the user can read, and comes back', async () => {
    const dir = tempDir();
    const url = 'postgres://duty:s%40cret%21@db.local:5432/duty';
    await resolveDatabaseUrl(['--save-database-url', url], {}, dir, PLAIN_PASSWORD);
    const setting = readFileSync(join(dir, DATABASE_SETTING_FILE), 'utf8');
    expect(setting).not.toContain('cret');
    expect(JSON.parse(setting)).toEqual({ url: 'postgres://duty@db.local:5432/duty' });
    const pwFile = join(dir, DATABASE_PASSWORD_FILE);
    expect(statSync(pwFile).mode & 0o777).toBe(0o600);
    // The next start, with no argument, reads both back.
    const back = new URL((await resolveDatabaseUrl([], {}, dir))!);
    expect([back.username, decodeURIComponent(back.password), back.host, back.pathname]).toEqual([
      'duty',
      's@cret!',
      'db.local:5432',
      '/duty',
    ]);
  });

  it('refuses a password file others can read, and a password written into the setting', async () => {
    const dir = tempDir();
    await resolveDatabaseUrl(['--save-database-url', 'postgres://duty:pw@db.local/duty'], {}, dir);
    chmodSync(join(dir, DATABASE_PASSWORD_FILE), 0o644);
    await expect(resolveDatabaseUrl([], {}, dir)).rejects.toThrow(/权限过宽/);
    const other = tempDir();
    writeFileSync(join(other, DATABASE_SETTING_FILE), JSON.stringify({ url: 'postgres://duty:pw@db.local/duty' }));
    await expect(resolveDatabaseUrl([], {}, other)).rejects.toThrow(/含有密码/);
  });
});
