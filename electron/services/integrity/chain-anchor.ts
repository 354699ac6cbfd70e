/**
 * The chain's anchor outside the database (issue 18; GB/T 22239-2019 8.1.4.3 c: 审计记录应受到保护，
 * 避免受到未预期的删除): the head's sequence number and MAC as this console last committed it,
 * itself MACed with the chain key, in the key folder beside `chain.key`. Without it, deleting the
 * newest rows together with their chain entries leaves a shorter chain that verifies; with it, a
 * chain that no longer reaches the anchored entry is reported.
 *
 * Written after each COMMIT that appended, in the background (the write is acknowledged without
 * waiting for it; a crash in between leaves the anchor a few writes behind: a lower bound, never a
 * false alarm). A legitimate rewind (a restore of a backup, an
 * import) re-bases it and is recorded in the audit; a restore at start-up, before the services run,
 * leaves a request here (`requestRebase`) that the next start honours.
 *
 * On PostgreSQL each seat keeps its own anchor of the shared chain (a file per database): each is
 * a lower bound of what that seat saw committed.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { defaultKeyFile } from './chain-key';

export interface Anchor {
  /** The genesis' MAC: the chain the anchor belongs to. */
  genesis: string;
  seq: number;
  mac: string;
  /** Shortenings found before, reported at every verification (the anchor moved on past them). */
  lost: string[];
  /** When it was written: a re-base recorded by another seat after this time explains a rewind. */
  at: string;
}

const VERSION = 1;

/** The anchor file of a data folder (and, on PostgreSQL, of the database the seat uses). */
export function anchorFileFor(dataDir: string, databaseId?: string): string {
  const dir = dirname(defaultKeyFile(dataDir));
  if (!databaseId) return join(dir, 'chain.anchor');
  return join(dir, `chain-${createHash('sha256').update(databaseId).digest('hex').slice(0, 16)}.anchor`);
}

const rebaseFile = (anchorFile: string): string => join(dirname(anchorFile), 'chain.rebase');

/** A restore at start-up (before the services run) asks the next start to re-base the anchor. */
export function requestRebase(dataDir: string, reason: string): void {
  const file = rebaseFile(anchorFileFor(dataDir));
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, reason, { mode: 0o600 });
}

export type AnchorRead = { state: 'none' } | { state: 'bad'; message: string } | { state: 'ok'; anchor: Anchor };

export class AnchorStore {
  constructor(
    readonly file: string,
    private readonly key: Buffer,
  ) {}

  private tag(body: string): string {
    return createHmac('sha256', this.key).update('chain anchor\n').update(body).digest('hex');
  }

  read(): AnchorRead {
    if (!existsSync(this.file)) return { state: 'none' };
    try {
      // the tag check below refuses any file this class did not write in this shape
      const { body, tag } = JSON.parse(readFileSync(this.file, 'utf8')) as { body: string; tag: unknown };
      const want = Buffer.from(this.tag(body), 'hex');
      const got = Buffer.from(typeof tag === 'string' ? tag : '', 'hex');
      if (got.length !== want.length || !timingSafeEqual(got, want)) {
        return {
          state: 'bad',
          message: `记录链锚点文件 ${this.file} 无法用本机的密钥核验：它被改动过，或来自另一台计算机。无法确认记录链的末尾是否完整。`,
        };
      }
      // every field is checked on the next line
      const a = JSON.parse(body) as Partial<Anchor> & { v?: number };
      if (a.v !== VERSION || typeof a.genesis !== 'string' || typeof a.seq !== 'number' || typeof a.mac !== 'string') {
        return { state: 'bad', message: `记录链锚点文件 ${this.file} 的格式无法识别。` };
      }
      return {
        state: 'ok',
        anchor: { genesis: a.genesis, seq: a.seq, mac: a.mac, lost: a.lost ?? [], at: a.at ?? '' },
      };
    } catch {
      return { state: 'bad', message: `记录链锚点文件 ${this.file} 已损坏，无法读取。无法确认记录链的末尾是否完整。` };
    }
  }

  /**
   * Replaces the anchor atomically (a reader sees the old one or the new one, never half), off the
   * main thread. The caller writes one at a time (ChainKeeper queues them): both use one temp file.
   */
  async write(a: Anchor): Promise<void> {
    const body = JSON.stringify({ v: VERSION, ...a });
    const text = JSON.stringify({ body, tag: this.tag(body) });
    const tmp = `${this.file}.tmp`;
    // The folder is made once, not again after every COMMIT; one removed since is made again.
    if (!this.folderMade) await this.makeFolder();
    try {
      await writeFile(tmp, text, { mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      await this.makeFolder();
      await writeFile(tmp, text, { mode: 0o600 });
    }
    await rename(tmp, this.file);
  }

  private folderMade = false;

  private async makeFolder(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    this.folderMade = true;
  }

  /** The reason of a pending re-base request (a restore at start-up), and clears it. */
  takeRebaseRequest(): string | null {
    const file = rebaseFile(this.file);
    if (!existsSync(file)) return null;
    const reason = readFileSync(file, 'utf8');
    rmSync(file, { force: true });
    return reason || '从备份恢复';
  }
}
