/**
 * The chain's MAC key, kept outside the database (issue 18; GB/T 22239-2019 8.1.4.7 数据完整性):
 * whoever can edit the database file but not read the key cannot forge an entry.
 *
 * A key file beside the data folder (`<data folder>.keys/chain.key`), not in it: a copy of the data
 * folder (or of its backups) does not carry the key. The file is created on first use with mode
 * 0600 in a 0700 folder, and refused when its mode lets anyone else read it. Electron seals the key
 * with `safeStorage` (the operating system's keychain) through `seal`/`unseal`; the web host stores
 * it as it is, readable by the user only.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { messageOf } from '../../../shared/errors';

export const KEY_BYTES = 32;

/** Gives the key (rejects with a Chinese message when it cannot). */
export type ChainKeyProvider = () => Promise<Buffer>;

/** Encrypts the key before it is written and decrypts it after it is read (Electron: safeStorage). */
export interface KeySealer {
  /** A short name written into the file, so a file sealed one way is not read another way. */
  readonly scheme: string;
  seal(key: Buffer): Promise<Buffer>;
  unseal(sealed: Buffer): Promise<Buffer>;
}

export const PLAIN_SEALER: KeySealer = {
  scheme: 'plain',
  seal: (k) => Promise.resolve(k),
  unseal: (k) => Promise.resolve(k),
};

/** The key file of a data folder: in a sibling folder, so the data folder alone never holds it. */
export function defaultKeyFile(dataDir: string): string {
  return join(dirname(dataDir), `${basename(dataDir)}.keys`, 'chain.key');
}

const HEADER = 'shuozhou-duty-console chain key v1';

/** The key cannot be used: the start stops with this message (never offers a restore for it). */
export class ChainKeyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChainKeyError';
  }
}

/**
 * A provider over a key file: read (after the mode check) or, when there is none, made and written.
 * The key is read once and kept in memory.
 */
export function fileKeyProvider(file: string, sealer: KeySealer = PLAIN_SEALER): ChainKeyProvider {
  let key: Promise<Buffer> | null = null;
  return () => {
    key ??= loadOrCreate(file, sealer);
    return key;
  };
}

async function loadOrCreate(file: string, sealer: KeySealer): Promise<Buffer> {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const fresh = randomBytes(KEY_BYTES);
    const text = `${HEADER}\n${sealer.scheme}\n${(await sealer.seal(fresh)).toString('base64')}\n`;
    // 'wx': never overwrite a key another start wrote in the meantime.
    writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return fresh;
  }
  // POSIX modes only: Windows keeps the file in the user's profile under its own ACLs.
  if (process.platform !== 'win32') {
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new ChainKeyError(
        `记录链密钥文件 ${file} 的权限过宽（${mode.toString(8).padStart(4, '0')}），其他用户可以读取它。` +
          `为防止记录被改动后无法发现，值班台拒绝使用它。请执行 chmod 600 "${file}" 后重新启动。`,
      );
    }
  }
  const [header, scheme, body] = readFileSync(file, 'utf8').split('\n');
  if (header !== HEADER || !body) throw new ChainKeyError(`记录链密钥文件 ${file} 不是值班台的密钥文件，无法使用。`);
  // A key written while the keychain was unavailable stays readable (still 0600) once it is there.
  const reader = scheme === PLAIN_SEALER.scheme ? PLAIN_SEALER : sealer;
  if (scheme !== reader.scheme) {
    throw new ChainKeyError(
      `记录链密钥文件 ${file} 的保护方式（${scheme ?? ''}）本机现在无法使用（${sealer.scheme}），无法读取密钥。`,
    );
  }
  let key: Buffer;
  try {
    key = await reader.unseal(Buffer.from(body, 'base64'));
  } catch (err) {
    throw new ChainKeyError(
      `记录链密钥文件 ${file} 无法解密（${messageOf(err)}）：它可能来自另一台计算机或另一个用户。`,
      { cause: err },
    );
  }
  if (key.length !== KEY_BYTES) throw new ChainKeyError(`记录链密钥文件 ${file} 已损坏（长度不对），无法使用。`);
  return key;
}
