/**
 * Backups on PostgreSQL (issue 17): the server's own tools, never a copy of its files.
 *
 * - A backup is `pg_dump --format=custom` of the console's schema: one consistent snapshot taken
 *   while the seats keep working.
 * - A restore is `pg_restore` turning the dump into SQL, applied by `psql --single-transaction`
 *   after a prelude that takes the seats' write lock and drops the schema: either the whole backup
 *   replaces the schema, or nothing changes (a failure halfway rolls back to the data as it was).
 *
 * The tools must be at least the server's major version (pg_dump refuses a newer server). They are
 * looked up in DUTY_PG_BIN when set (a folder), else Debian's /usr/lib/postgresql/<major>/bin (the
 * lowest major that fits), else on PATH. The password goes to the tools through PGPASSWORD, never
 * on their command line, where other users of the machine could read it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { DomainError } from '../../shared/ipc/result';

export const PG_TOOLS = ['pg_dump', 'pg_restore', 'psql'] as const;

/** Same key as the seats' write units (pg-connection.ts WRITE_LOCK): no seat writes during a restore. */
const WRITE_LOCK = "hashtext('shuozhou-duty-console:write:' || current_schema())";

const exe = (name: string): string => (process.platform === 'win32' ? `${name}.exe` : name);

/** The tool's major version (`pg_dump (PostgreSQL) 15.18` → 15), or null when it does not run. */
function toolMajor(path: string): number | null {
  const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const m = r.status === 0 ? /\(PostgreSQL\)\s+(\d+)/.exec(r.stdout) : null;
  return m?.[1] ? Number(m[1]) : null;
}

/** Folders that may hold the tools, in the order they are tried. */
function candidateDirs(): string[] {
  const explicit = process.env.DUTY_PG_BIN;
  if (explicit) return [explicit];
  const root = '/usr/lib/postgresql';
  const debian = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(a) - Number(b))
        .map((v) => join(root, v, 'bin'))
    : [];
  return [...debian, ...(process.env.PATH ?? '').split(delimiter).filter(Boolean)];
}

/**
 * The folder holding pg_dump, pg_restore and psql of a major version at least `serverMajor`.
 * Refused in Chinese, naming the version needed, when there is none.
 */
export function findPgTools(serverMajor: number): string {
  for (const dir of candidateDirs()) {
    const paths = PG_TOOLS.map((t) => join(dir, exe(t)));
    if (!paths.every((p) => existsSync(p))) continue;
    const majors = paths.map(toolMajor);
    if (majors.every((m) => m !== null && m >= serverMajor)) return dir;
  }
  throw new DomainError(
    'conflict',
    `本机未找到与数据库服务器（PostgreSQL ${serverMajor}）相符的 pg_dump、pg_restore 和 psql（需 ${serverMajor} 或更新版本），` +
      `无法备份或恢复。请安装 PostgreSQL ${serverMajor} 客户端程序（Debian：apt-get install postgresql-client-${serverMajor}），` +
      '或将环境变量 DUTY_PG_BIN 设为其所在文件夹。',
  );
}

/** libpq settings for a URL: the address without its password, and the password in the environment. */
function connection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: '10' };
  if (password !== undefined) env.PGPASSWORD = password;
  return { url: u.toString(), env };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(path: string, args: string[], env: NodeJS.ProcessEnv, stdin?: NodeJS.ReadableStream): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { env, stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < 1_000_000) stdout += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < 100_000) stderr += d;
    });
    if (stdin && child.stdin) stdin.pipe(child.stdin);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The first meaningful line of a tool's complaint, for a message. */
const firstError = (r: Run): string =>
  r.stderr
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0) ?? `退出码 ${String(r.code)}`;

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Writes a custom-format dump of `schema` to `dest`. */
export async function pgDump(url: string, schema: string, serverMajor: number, dest: string): Promise<void> {
  const bin = findPgTools(serverMajor);
  const c = connection(url);
  const r = await run(
    join(bin, exe('pg_dump')),
    ['--format=custom', `--schema=${quoteIdent(schema)}`, `--file=${dest}`, '--no-password', `--dbname=${c.url}`],
    c.env,
  );
  if (r.code !== 0) throw new Error(`pg_dump 失败：${firstError(r)}`);
}

export interface DumpFacts {
  /** The schema it holds (the dump is of one schema). */
  schema: string;
  /** The schema version in its duty_schema row (0 when it has none). */
  version: number;
  hasIncidents: boolean;
}

/** Reads a dump's table of contents and its schema version without touching any database. */
export async function readDump(file: string, serverMajor: number): Promise<DumpFacts> {
  const bin = findPgTools(serverMajor);
  const restore = join(bin, exe('pg_restore'));
  const env = { ...process.env };
  const toc = await run(restore, ['--list', file], env);
  if (toc.code !== 0) throw new DomainError('conflict', `该文件不是 PostgreSQL 备份（${firstError(toc)}）`);
  // TOC lines: "215; 1259 16390 TABLE public incidents postgres".
  const tables = [...toc.stdout.matchAll(/^\d+;\s+\d+\s+\d+\s+TABLE\s+(\S+)\s+(\S+)/gm)];
  const schema = tables[0]?.[1] ?? '';
  const hasIncidents = tables.some((t) => t[2] === 'incidents');
  let version = 0;
  if (tables.some((t) => t[2] === 'duty_schema')) {
    const data = await run(
      restore,
      ['--data-only', `--schema=${schema}`, '--table=duty_schema', '--file=-', file],
      env,
    );
    if (data.code !== 0) throw new DomainError('conflict', `备份文件无法读取（${firstError(data)}）`);
    // COPY … FROM stdin; then "1\t17" then "\."
    const row = /^COPY [^\n]*duty_schema[^\n]*FROM stdin;\n(\d+)\t(\d+)$/m.exec(data.stdout);
    version = row?.[2] ? Number(row[2]) : 0;
  }
  return { schema, version, hasIncidents };
}

/**
 * Replaces `schema` with the dump's content in one transaction: the write lock first (the other
 * seats' writes wait), the schema dropped, the dump applied, all committed together or not at all.
 * Objects are owned by the connecting role (the dump's owners need not exist here).
 */
export async function pgRestore(url: string, schema: string, serverMajor: number, file: string): Promise<void> {
  const bin = findPgTools(serverMajor);
  const c = connection(url);
  const script = spawn(join(bin, exe('pg_restore')), ['--no-owner', '--file=-', file], {
    env: c.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let scriptErr = '';
  script.stderr.setEncoding('utf8').on('data', (d: string) => (scriptErr += d));
  const scriptDone = new Promise<number | null>((resolve) => script.on('close', resolve));
  const r = await run(
    join(bin, exe('psql')),
    [
      '--no-psqlrc',
      '--quiet',
      '--no-password',
      '--single-transaction',
      '--set=ON_ERROR_STOP=1',
      `--command=SELECT pg_advisory_xact_lock(${WRITE_LOCK})`,
      `--command=DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`,
      '--file=-',
      `--dbname=${c.url}`,
    ],
    c.env,
    script.stdout,
  );
  const scriptCode = await scriptDone;
  if (scriptCode !== 0) throw new Error(`pg_restore 失败：${scriptErr.trim().split('\n')[0] ?? ''}`);
  if (r.code !== 0) throw new Error(`恢复失败，数据库未做任何改动：${firstError(r)}`);
}
