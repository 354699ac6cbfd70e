/**
 * Which database the console opens (issue 17). A PostgreSQL URL, from the first of:
 *   1. `--database-url URL` (or `--database-url=URL`) on the command line;
 *   2. the environment variable DUTY_DATABASE_URL;
 *   3. the data folder's setting `database.json` ({ "url": "postgres://user@host:5432/duty" }),
 *      written by `--save-database-url URL`.
 * Without one, the console runs on the SQLite file in the data folder, as before.
 *
 * The setting never holds the password: saving splits it off into a password vault — a file
 * readable by the user only (0600), whose content Electron seals with the operating system's
 * keychain (safeStorage, electron/main/database-password.ts); a vault file others can read is
 * refused. The URL is shown and logged without its password (pg-connection.ts redactUrl).
 */
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DATABASE_SETTING_FILE = 'database.json';
export const DATABASE_PASSWORD_FILE = 'database-password';

/** Encrypts the password before it is written and decrypts it after it is read. */
export interface PasswordSealer {
  /** Written into the file, so a password sealed one way is not read another way. */
  readonly scheme: string;
  seal(text: string): Promise<Buffer>;
  unseal(sealed: Buffer): Promise<string>;
}

/** The web host and tests: the file's 0600 mode is the protection. */
export const PLAIN_PASSWORD: PasswordSealer = {
  scheme: 'plain',
  seal: (t) => Promise.resolve(Buffer.from(t, 'utf8')),
  unseal: (b) => Promise.resolve(b.toString('utf8')),
};

const HEADER = 'shuozhou-duty-console database password v1';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The URL without its password, and the password (null when there is none). */
export function splitPassword(url: string): { url: string; password: string | null } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : null;
  u.password = '';
  return { url: u.toString(), password };
}

export function withPassword(url: string, password: string | null): string {
  if (!password) return url;
  const u = new URL(url);
  if (u.password) return url;
  u.password = encodeURIComponent(password);
  return u.toString();
}

function assertPostgres(url: string, where: string): void {
  if (!isPostgresUrl(url)) {
    throw new Error(`${where}的数据库地址无效：应为 postgres://用户名@服务器:端口/数据库名`);
  }
}

export async function readPassword(dataDir: string, sealer: PasswordSealer): Promise<string | null> {
  const file = join(dataDir, DATABASE_PASSWORD_FILE);
  if (!existsSync(file)) return null;
  if (process.platform !== 'win32') {
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new Error(
        `数据库密码文件 ${file} 的权限过宽（${mode.toString(8).padStart(4, '0')}），其他用户可以读取它，值班台拒绝使用。` +
          `请执行 chmod 600 "${file}" 后重新启动。`,
      );
    }
  }
  const [header, scheme, body] = readFileSync(file, 'utf8').split('\n');
  if (header !== HEADER || body === undefined) throw new Error(`数据库密码文件 ${file} 无法识别。`);
  if (scheme !== sealer.scheme) {
    throw new Error(
      `数据库密码文件 ${file} 的保护方式（${scheme}）与本程序（${sealer.scheme}）不同，请重新保存数据库地址。`,
    );
  }
  return sealer.unseal(Buffer.from(body, 'base64'));
}

/**
 * Saves `url` as the data folder's setting: the address without its password in database.json,
 * the password (if any) in the vault file, mode 0600.
 */
export async function saveDatabaseUrl(dataDir: string, url: string, sealer: PasswordSealer): Promise<void> {
  assertPostgres(url, '要保存');
  const { url: bare, password } = splitPassword(url);
  const pwFile = join(dataDir, DATABASE_PASSWORD_FILE);
  if (password !== null) {
    writeFileSync(pwFile, `${HEADER}\n${sealer.scheme}\n${(await sealer.seal(password)).toString('base64')}\n`, {
      mode: 0o600,
    });
    chmodSync(pwFile, 0o600);
  }
  writeFileSync(join(dataDir, DATABASE_SETTING_FILE), `${JSON.stringify({ url: bare }, null, 2)}\n`);
}

function argValue(argv: readonly string[], name: string): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    if (arg === name && argv[i + 1]) return argv[i + 1];
  }
  return undefined;
}

/**
 * The PostgreSQL URL to open, or undefined for SQLite. `--save-database-url URL` stores it first
 * (see saveDatabaseUrl) and then uses it.
 */
export async function resolveDatabaseUrl(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  dataDir: string,
  sealer: PasswordSealer = PLAIN_PASSWORD,
): Promise<string | undefined> {
  const toSave = argValue(argv, '--save-database-url');
  if (toSave) await saveDatabaseUrl(dataDir, toSave, sealer);
  const given = argValue(argv, '--database-url') ?? env.DUTY_DATABASE_URL;
  if (given) {
    assertPostgres(
      given,
      given === env.DUTY_DATABASE_URL ? '环境变量 DUTY_DATABASE_URL ' : '命令行参数 --database-url ',
    );
    return given;
  }
  const settingFile = join(dataDir, DATABASE_SETTING_FILE);
  if (!existsSync(settingFile)) return undefined;
  let stored: unknown;
  try {
    stored = JSON.parse(readFileSync(settingFile, 'utf8'));
  } catch {
    throw new Error(`数据库设置文件 ${settingFile} 无法读取（不是有效的 JSON）。`);
  }
  // parsed JSON of any shape; url is checked on the next line
  const url = (stored as { url?: unknown } | null)?.url;
  if (typeof url !== 'string') throw new Error(`数据库设置文件 ${settingFile} 中没有数据库地址（url）。`);
  assertPostgres(url, '数据库设置文件中');
  if (splitPassword(url).password !== null) {
    throw new Error(
      `数据库设置文件 ${settingFile} 中含有密码；请用 --save-database-url 重新保存，密码将另存于受保护的文件。`,
    );
  }
  return withPassword(url, await readPassword(dataDir, sealer));
}
