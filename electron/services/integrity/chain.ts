/**
 * The tamper-evident chain (issue 18; GB/T 22239-2019 8.1.4.3 安全审计 c: 审计记录应受到保护，避免
 * 受到未预期的删除、修改或覆盖; 8.1.4.7 数据完整性: 采用校验技术保证重要数据在传输和存储过程中的完整性).
 *
 * - Every write of the console passes `seal` just before its COMMIT: the rows of the covered tables
 *   after the chain's marks (the ones this transaction added) each get an entry whose HMAC-SHA256
 *   covers the previous entry's MAC and the row's canonical content. Index seeks only, no scan.
 * - `prepare` at start: the genesis entry (a digest, per table and per 1,000 rows, of every row that
 *   existed before the chain began), or, on later starts, an `outside` entry for each row added to
 *   the file while the console was closed (an upgrade's migrations excepted), so it is never
 *   sealed as if the console had written it.
 * - `verify` walks the chain in batches, each its own read transaction (writes never wait), in the
 *   background after start and on demand, and names in Chinese each row edited, deleted or
 *   inserted outside the console.
 */
import { createHash, createHmac } from 'node:crypto';
import type { IntegrityFinding, IntegrityStatus } from '../../../shared/ipc/channels/integrity';
import { shanghaiDateTime } from '../../../shared/time';
import type { Database, Queryable } from '../../db/connection';
import * as repo from '../../db/chain-repository';
import type { ChainEntry, CoveredRow } from '../../db/chain-repository';
import { userVersion } from '../../db/data-repository';
import { messageOf } from '../../../shared/errors';
import type { Anchor, AnchorStore } from './chain-anchor';

const BUCKET_ROWS = 1000;
const VERIFY_BATCH = 500;
const MAX_FINDINGS = 50;

/** The MAC of an entry: the previous MAC, then the entry's own fields and its row's content. */
export function macOf(key: Buffer, prev: string, e: Omit<ChainEntry, 'mac'>, content: string): string {
  return createHmac('sha256', key)
    .update(prev)
    .update('\n')
    .update(JSON.stringify([e.seq, e.kind, e.tbl, e.rowId, e.ref, e.at, e.schemaVersion, e.detail, content]))
    .digest('hex');
}

/** The head's short code, as printed on forms: the MAC's first 8 hex digits, 3F9A-21C7. */
export const shortCode = (mac: string): string => `${mac.slice(0, 4)}-${mac.slice(4, 8)}`.toUpperCase();

interface Bucket {
  /** Rowids (after, upto]: the buckets of a table cover (0, mark] without gaps. */
  after: number;
  upto: number;
  rows: number;
  digest: string;
}

interface GenesisDetail {
  marks: Record<string, number>;
  buckets: Record<string, Bucket[]>;
}

const TABLE_LABEL: Record<string, string> = {
  timeline_entries: '时间线',
  clock_records: '时限记录',
  report_versions: '报告版本',
  print_records: '打印记录',
  alarm_acks: '告警确认记录',
  level_changes: '级别变更记录',
};

const parseRef = (ref: string): Record<string, string | number | null> => {
  try {
    // refs are JSON the chain wrote from row keys of these types; a bad one falls to the catch
    return JSON.parse(ref) as Record<string, string | number | null>;
  } catch {
    return {};
  }
};

const fmtAt = (at: string | null): string => {
  if (!at) return '';
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : shanghaiDateTime(ms);
};

const idle = (): Promise<void> => new Promise((r) => setImmediate(r));

export interface ChainKeeperOptions {
  /** The anchor outside the database (chain-anchor.ts); none: tail deletion goes unseen. */
  anchor?: AnchorStore;
  /** Records a re-based anchor in the audit (auth_events), inside the write that re-bases it. */
  audit?: (q: Queryable, detail: string, at: string) => Promise<void>;
  /** The re-bases the audit recorded at or after `at` (other seats' restores, on PostgreSQL). */
  rebasesSince?: (q: Queryable, at: string) => Promise<{ at: string; detail: string }[]>;
}

/** The re-base's seal in the audit text: only a holder of the key can write one that verifies. */
const REBASE_SEAL = /现为第 (\d+) 条.*校验 ([0-9a-f]{32})/;

/** The head this process last saw and the marks at it: trusted only after the head is read again. */
interface HeadCache {
  seq: number;
  mac: string;
  marks: repo.Marks;
}

export class ChainKeeper {
  /** Set once `prepare` has run in this process: until then `seal` leaves rows to the genesis. */
  private ready = false;
  private schemaVersion = 0;
  private running: Promise<IntegrityStatus> | null = null;
  /** The run asked for while another was under way; it begins when that one ends. */
  private queued: Promise<IntegrityStatus> | null = null;
  private stopped = false;
  private readonly engine: repo.Engine;
  /**
   * The head and marks after this process's last append. Never trusted as it is: every seal reads
   * the head (seq and MAC) in its own transaction first, so another seat's append on PostgreSQL or
   * a rolled-back write only costs a re-read of the marks.
   */
  private cache: HeadCache | null = null;
  /** The head the anchor file holds (written after COMMIT, never moved backwards). */
  private anchored: { genesis: string; seq: number; lost: string[]; at: string } | null = null;
  /** A committed head waiting for the anchor file (the newest one; see `committed`). */
  private anchorNext: { seq: number; mac: string; at: string } | null = null;
  /** The anchor writes in flight, in order (a write never throws: see writeAnchor). */
  private anchorWrites: Promise<void> = Promise.resolve();
  private last: IntegrityStatus = {
    state: 'unverified',
    checkedAt: null,
    entries: 0,
    headCode: null,
    findings: [],
    findingCount: 0,
    message: '记录链尚未核验',
  };
  /**
   * Rows found outside the chain by `prepare`, reported by the next verification too: the first
   * MAX_FINDINGS described, all counted, and the chain entries (seq after..upto) that sealed them
   * off. Bounded: a file with a million rows added outside must not hold a million findings.
   */
  private outsideAtStart: { findings: IntegrityFinding[]; count: number; after: number; upto: number } = {
    findings: [],
    count: 0,
    after: 0,
    upto: 0,
  };
  /** Told when a verification finishes (the UI refreshes its banner). */
  onStatus: (status: IntegrityStatus) => void = () => undefined;

  constructor(
    private readonly db: Database,
    private readonly key: Buffer,
    private readonly now: () => Date,
    private readonly opts: ChainKeeperOptions = {},
  ) {
    this.engine = db.engine;
  }

  private async marksAt(q: Queryable): Promise<repo.Marks> {
    const genesis = await repo.chainGenesis(q);
    // the genesis entry is written once by the chain from this type
    const detail = genesis ? (JSON.parse(genesis.detail) as GenesisDetail) : null;
    return repo.chainMarks(q, detail?.marks ?? {});
  }

  /**
   * Appends an entry for each covered row the transaction added. Runs inside the write, just
   * before its COMMIT, so the row and its entry commit together or not at all. Appends are
   * serialised by the write itself: SQLite's one writer, PostgreSQL's advisory lock of every write
   * (pg-connection.ts), held until COMMIT. Returns the new head, for the anchor after COMMIT.
   */
  async seal(q: Queryable): Promise<{ seq: number; mac: string } | null> {
    if (!this.ready) return null;
    let marks = this.cache?.marks ?? (await this.marksAt(q));
    let { head, rows } = await repo.sweep(q, this.engine, marks);
    // A file restored from before the chain: the next prepare writes its genesis.
    if (!head) return null;
    if (!this.cache || this.cache.seq !== head.seq || this.cache.mac !== head.mac) {
      // Another seat appended since (PostgreSQL), or a write of ours rolled back: read the marks.
      marks = await this.marksAt(q);
      ({ head, rows } = await repo.sweep(q, this.engine, marks));
      if (!head) return null;
    }
    if (rows.length === 0) {
      this.cache = { ...head, marks };
      return null;
    }
    const next = await this.appendRows(q, head, rows, 'row');
    const nextMarks = { ...marks };
    for (const r of rows) nextMarks[r.tbl] = Math.max(nextMarks[r.tbl] ?? 0, r.rowId);
    this.cache = { seq: next.seq, mac: next.mac, marks: nextMarks };
    return next;
  }

  /**
   * After a COMMIT: the anchor moves to the head that write sealed (forwards only). The file is
   * written in the background, one write at a time and in order; heads committed meanwhile are
   * coalesced into the newest. The write is acknowledged without waiting: the anchor is a lower
   * bound of the chain (chain-anchor.ts), and `stop` waits for the last one.
   */
  committed(head: { seq: number; mac: string } | null): void {
    if (!head || !this.opts.anchor || !this.anchored) return;
    if (head.seq <= (this.anchorNext?.seq ?? this.anchored.seq)) return;
    const queued = this.anchorNext !== null;
    this.anchorNext = { seq: head.seq, mac: head.mac, at: this.now().toISOString() };
    if (!queued) void this.queueAnchor(() => this.flushAnchor());
  }

  /** The newest committed head still to be anchored, if it is ahead of the anchor by then. */
  private async flushAnchor(): Promise<void> {
    const next = this.anchorNext;
    this.anchorNext = null;
    if (next && this.anchored && next.seq > this.anchored.seq) await this.writeAnchor({ ...this.anchored, ...next });
  }

  /** Anchor writes run one after the other, in the order they were asked for. */
  private queueAnchor(work: () => Promise<void>): Promise<void> {
    this.anchorWrites = this.anchorWrites.then(work);
    return this.anchorWrites;
  }

  /** A write failed after sealing: its entries are gone with it. */
  rolledBack(): void {
    this.cache = null;
  }

  private async writeAnchor(a: Anchor): Promise<void> {
    try {
      await this.opts.anchor?.write(a);
      this.anchored = { genesis: a.genesis, seq: a.seq, lost: a.lost, at: a.at };
    } catch (err) {
      // The record is committed; an anchor that could not be written stays behind (a lower bound).
      console.error('[integrity] the chain anchor could not be written', err);
    }
  }

  private async appendRows(
    q: Queryable,
    head: { seq: number; mac: string },
    rows: readonly CoveredRow[],
    kind: 'row' | 'outside',
  ): Promise<{ seq: number; mac: string }> {
    let prev = head;
    const at = this.now().toISOString();
    const entries: ChainEntry[] = [];
    for (const r of rows) {
      const e: Omit<ChainEntry, 'mac'> = {
        seq: prev.seq + 1,
        kind,
        tbl: r.tbl,
        rowId: r.rowId,
        ref: r.ref,
        at,
        schemaVersion: this.schemaVersion,
        detail: '',
      };
      const entry: ChainEntry = { ...e, mac: macOf(this.key, prev.mac, e, r.content) };
      entries.push(entry);
      prev = entry;
    }
    await repo.insertChainEntries(q, entries);
    return prev;
  }

  /**
   * Begins the chain (genesis) on a database that has none, or seals off the rows added while the
   * console was closed; checks the anchor outside the database (a shortened chain is kept in the
   * anchor's list and reported from then on). `rebase`: a restore or an import rewound the chain
   * legitimately; the anchor moves to the new head and the audit records why. One write; start-up
   * awaits it (a genesis over a long history reads every covered row once).
   */
  async prepare(opts: { rebase?: string } = {}): Promise<void> {
    this.outsideAtStart = { findings: [], count: 0, after: 0, upto: 0 };
    // Written after the COMMIT (the anchor never names a head that is not committed).
    const next: { anchor: Anchor | null } = { anchor: null };
    await this.db
      .write(async (q) => {
        this.ready = false;
        this.cache = null;
        next.anchor = null;
        if (!(await repo.hasChainTable(q, this.engine))) return;
        this.schemaVersion = await userVersion(q);
        let head = await repo.chainHead(q);
        if (!head) {
          await this.writeGenesis(q);
        } else {
          const marks = await this.marksAt(q);
          const { rows } = await repo.sweep(q, this.engine, marks);
          if (rows.length > 0) {
            if (this.schemaVersion > head.schemaVersion) {
              // An upgrade's migrations wrote them: the console's own rows.
              await this.appendRows(q, head, rows, 'row');
            } else {
              const sealed = await this.appendRows(q, head, rows, 'outside');
              const findings: IntegrityFinding[] = [];
              for (const r of rows.slice(0, MAX_FINDINGS)) findings.push(await this.finding(q, r, 'inserted'));
              this.outsideAtStart = { findings, count: rows.length, after: head.seq, upto: sealed.seq };
            }
          }
        }
        head = await repo.chainHead(q);
        const genesis = await repo.chainGenesis(q);
        // A seat whose key is not the chain's (another computer's key file) appends nothing: its
        // entries could not be verified by anyone. Its verification says why (the genesis check).
        if (!head || !genesis || macOf(this.key, '', genesis, '') !== genesis.mac) return;
        next.anchor = await this.nextAnchor(q, genesis.mac, head, opts.rebase);
        // Set inside the write: the next write in the queue may start before this one's promise settles.
        this.ready = true;
      })
      .catch((err: unknown) => {
        this.ready = false;
        throw err;
      });
    const anchor = next.anchor;
    // After the anchor writes already asked for, so an older head never lands after this one.
    if (anchor) await this.queueAnchor(() => this.writeAnchor(anchor));
  }

  /** The anchor after this start: checked against the chain, moved to its head. */
  private async nextAnchor(q: Queryable, genesis: string, head: ChainEntry, rebase?: string): Promise<Anchor | null> {
    const store = this.opts.anchor;
    if (!store) return null;
    const found = store.read();
    const lost = found.state === 'ok' ? [...found.anchor.lost] : [];
    const request = rebase ?? store.takeRebaseRequest();
    const at = this.now().toISOString();
    if (request !== null) {
      const was = found.state === 'ok' ? `第 ${found.anchor.seq} 条` : '无';
      // Sealed with the key, so the other seats of a shared database accept this rewind too.
      await this.opts.audit?.(
        q,
        `记录链锚点重新定位（${request}）：原锚点 ${was}，现为第 ${head.seq} 条（${shortCode(head.mac)}，校验 ${this.rebaseSeal(genesis, head.seq, head.mac, at)}）`,
        at,
      );
      return { genesis, seq: head.seq, mac: head.mac, lost, at };
    }
    if (found.state === 'bad') lost.push(found.message);
    else if (found.state === 'ok') {
      const problem = await this.anchorProblem(q, found.anchor, genesis, head);
      if (problem) lost.push(problem);
    }
    return { genesis, seq: head.seq, mac: head.mac, lost, at };
  }

  private rebaseSeal(genesis: string, seq: number, mac: string, at: string): string {
    return createHmac('sha256', this.key)
      .update(`chain rebase\n${JSON.stringify([genesis, seq, mac, at])}`)
      .digest('hex')
      .slice(0, 32);
  }

  /**
   * A rewind another seat recorded after this anchor was written (a restore on the shared
   * database): sealed with the key and naming an entry the chain holds. A re-base from before the
   * anchor never explains it, so replaying an old one after cutting the chain back is still found.
   */
  private async rebasedSince(q: Queryable, a: Anchor, genesis: string): Promise<boolean> {
    if (!this.opts.rebasesSince || !a.at) return false;
    for (const r of await this.opts.rebasesSince(q, a.at)) {
      const m = REBASE_SEAL.exec(r.detail);
      if (!m) continue;
      const entry = await repo.chainEntry(q, Number(m[1]));
      if (entry && this.rebaseSeal(genesis, entry.seq, entry.mac, r.at) === m[2]) return true;
    }
    return false;
  }

  /** Whether the chain still reaches the anchored entry; the finding in Chinese when not. */
  private async anchorProblem(q: Queryable, a: Anchor, genesis: string, head: ChainEntry): Promise<string | null> {
    const when = fmtAt(this.now().toISOString());
    if (a.genesis !== genesis) {
      if (await this.rebasedSince(q, a, genesis)) return null;
      return `记录链被重新开始（发现于 ${when}）：值班台此前记录的链至少有 ${a.seq} 条（末条 ${shortCode(a.mac)}），现在的链是另一条。原有记录可能在值班台之外被整体删除或替换。`;
    }
    const entry = await repo.chainEntry(q, a.seq);
    if (entry?.mac === a.mac) return null;
    if (await this.rebasedSince(q, a, genesis)) return null;
    return entry
      ? `记录链第 ${a.seq} 条与值班台之外保存的锚点不符（发现于 ${when}）：链的末尾在值班台之外被替换。`
      : `记录链比值班台上次记录的短（发现于 ${when}）：上次已到第 ${a.seq} 条（${shortCode(a.mac)}），现在只到第 ${head.seq} 条。最新的 ${a.seq - head.seq} 条链记录及其所保护的记录可能在值班台之外被删除。`;
  }

  private async writeGenesis(q: Queryable): Promise<void> {
    const marks = await repo.maxRowids(q, this.engine);
    const buckets: Record<string, Bucket[]> = {};
    for (const table of repo.COVERED_TABLES) {
      buckets[table] = [];
      let after = 0;
      const mark = marks[table] ?? 0;
      while (after < mark) {
        const rows = await repo.rowRange(q, this.engine, table, after, mark, BUCKET_ROWS);
        if (rows.length === 0) break;
        const upto = rows.length < BUCKET_ROWS ? mark : (rows.at(-1)?.rowId ?? mark);
        buckets[table].push({ after, upto, rows: rows.length, digest: digestOf(rows) });
        after = upto;
      }
    }
    const detail: GenesisDetail = { marks, buckets };
    const e: Omit<ChainEntry, 'mac'> = {
      seq: 1,
      kind: 'genesis',
      tbl: '',
      rowId: 0,
      ref: '{}',
      at: this.now().toISOString(),
      schemaVersion: this.schemaVersion,
      detail: JSON.stringify(detail),
    };
    await repo.insertChainEntry(q, { ...e, mac: macOf(this.key, '', e, '') });
  }

  /** The state as last verified, with the head's current short code. */
  async status(): Promise<IntegrityStatus> {
    const head = await this.headCode();
    return { ...this.last, headCode: head };
  }

  /** The chain head's short code now (printed on a form at print time); null before the genesis. */
  async headCode(): Promise<string | null> {
    const head = await this.db.read(async (q) =>
      (await repo.hasChainTable(q, this.engine)) ? repo.chainHead(q) : undefined,
    );
    return head ? shortCode(head.mac) : null;
  }

  /**
   * Verifies the whole chain. A run under way read the chain as it was when it began, so a call
   * meanwhile gets the next run, which begins after it and covers every write committed before the
   * call; calls while that one waits share it.
   */
  verify(): Promise<IntegrityStatus> {
    if (this.running) {
      this.queued ??= this.running
        .catch(() => undefined)
        .then(() => {
          this.queued = null;
          return this.stopped ? this.last : this.verify();
        });
      return this.queued;
    }
    this.running = this.runVerify().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stops a verification in progress at its next batch (before the database closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
    // The last committed head reaches the anchor file before the database closes.
    await this.anchorWrites;
  }

  private async runVerify(): Promise<IntegrityStatus> {
    this.last = { ...this.last, state: 'verifying' };
    let result: IntegrityStatus;
    try {
      result = await this.check();
    } catch (err) {
      result = {
        state: 'unverified',
        checkedAt: null,
        entries: 0,
        headCode: null,
        findings: [],
        findingCount: 0,
        message: this.stopped ? '记录链核验已停止' : `记录链核验未能完成：${messageOf(err)}`,
      };
    }
    this.last = result;
    if (!this.stopped) this.onStatus(result);
    return result;
  }

  private async check(): Promise<IntegrityStatus> {
    const outside = this.outsideAtStart;
    const findings: IntegrityFinding[] = [...outside.findings];
    let count = outside.count;
    const add = (f: IntegrityFinding) => {
      count += 1;
      if (findings.length < MAX_FINDINGS) findings.push(f);
    };
    // Counted always, described (a read or two each) only while the list shown has room.
    const addRead = async (make: (q: Queryable) => Promise<IntegrityFinding>) => {
      if (findings.length < MAX_FINDINGS) add(await this.db.read(make));
      else count += 1;
    };
    const done = (entries: number, head: ChainEntry | undefined): IntegrityStatus => ({
      state: count > 0 ? 'broken' : 'ok',
      checkedAt: this.now().toISOString(),
      entries,
      headCode: head ? shortCode(head.mac) : null,
      findings,
      findingCount: count,
      message:
        count > 0
          ? `记录链在 ${count} 处与记录不符，记录可能在值班台之外被改动：${findings[0]?.message ?? ''}`
          : `记录链完整：${entries} 条链记录均已核验（${shanghaiDateTime(this.now().getTime())}）`,
    });

    const genesis = await this.db.read(async (q) =>
      (await repo.hasChainTable(q, this.engine)) ? repo.chainGenesis(q) : undefined,
    );
    if (!genesis) {
      return { ...this.last, state: 'unverified', message: '记录链尚未建立' };
    }
    if (macOf(this.key, '', genesis, '') !== genesis.mac) {
      add({
        table: 'chain',
        rowId: 1,
        at: genesis.at,
        message:
          '记录链的起始记录无法用本机的密钥核验：密钥文件已被更换，或数据库来自另一台计算机，或链的起始记录被改动。链上的记录都无法核验。',
      });
      return done(1, genesis);
    }

    // The anchor outside the database: shortenings found before, and whether the chain still
    // reaches the head this console last committed.
    const anchor = this.opts.anchor?.read();
    if (anchor?.state === 'bad') add({ table: 'chain', rowId: 0, at: null, message: anchor.message });
    if (anchor?.state === 'ok') {
      for (const message of anchor.anchor.lost) add({ table: 'chain', rowId: 0, at: null, message });
      const problem = await this.db.read(async (q) => {
        const head = await repo.chainHead(q);
        return head ? this.anchorProblem(q, anchor.anchor, genesis.mac, head) : null;
      });
      if (problem) add({ table: 'chain', rowId: 0, at: null, message: problem });
    }
    // the genesis entry is written once by the chain from this type
    const detail = JSON.parse(genesis.detail) as GenesisDetail;

    // The rows that existed before the chain began: their digests, 1,000 rows at a time.
    for (const table of repo.COVERED_TABLES) {
      for (const b of detail.buckets[table] ?? []) {
        if (this.stopped) throw new Error('stopped');
        const rows = await this.db.read((q) => repo.rowRange(q, this.engine, table, b.after, b.upto, b.rows + 1));
        if (rows.length !== b.rows || digestOf(rows) !== b.digest) {
          add({
            table,
            rowId: b.after + 1,
            at: null,
            message: `记录链开始前已有的${TABLE_LABEL[table] ?? table}（表 ${table}，编号 ${b.after + 1}–${b.upto}）在值班台之外被改动、删除或插入，与链的起始记录不符。`,
          });
        }
      }
      // Rows between the mark and the first entry of the chain are covered by the sweep below.
    }

    // Every entry after the genesis, in order.
    let prev: ChainEntry = genesis;
    let entries = 1;
    for (;;) {
      if (this.stopped) throw new Error('stopped');
      const batch = await this.db.read(async (q) => {
        const list = await repo.chainEntries(q, prev.seq, VERIFY_BATCH);
        const byTable = new Map<string, number[]>();
        for (const e of list) {
          if (e.kind === 'genesis') continue;
          byTable.set(e.tbl, [...(byTable.get(e.tbl) ?? []), e.rowId]);
        }
        const rows = new Map<string, CoveredRow>();
        for (const [table, ids] of byTable) {
          if (!repo.COVERED[table]) continue;
          for (const r of await repo.rowsByRowid(q, this.engine, table, ids)) rows.set(`${table}:${r.rowId}`, r);
        }
        return { list, rows };
      });
      if (batch.list.length === 0) break;
      for (const e of batch.list) {
        entries += 1;
        if (e.seq !== prev.seq + 1) {
          add({
            table: 'chain',
            rowId: prev.seq + 1,
            at: null,
            message: `记录链第 ${prev.seq + 1}${e.seq - 1 > prev.seq + 1 ? `–${e.seq - 1}` : ''} 条缺失：链本身被删改，这些链记录所保护的记录无法核验。`,
          });
        }
        const row = batch.rows.get(`${e.tbl}:${e.rowId}`);
        if (e.kind === 'genesis' || !repo.COVERED[e.tbl]) {
          add({ table: 'chain', rowId: e.seq, at: e.at, message: `记录链第 ${e.seq} 条的内容无效：链本身被改动。` });
        } else if (!row) {
          await addRead((q) =>
            this.finding(q, { tbl: e.tbl, rowId: e.rowId, ref: e.ref, at: null, content: '' }, 'deleted', e.seq),
          );
        } else if (macOf(this.key, prev.mac, e, row.content) !== e.mac) {
          await addRead((q) => this.finding(q, row, 'edited'));
        } else if (e.kind === 'outside' && !(e.seq > outside.after && e.seq <= outside.upto)) {
          await addRead((q) => this.finding(q, row, 'inserted'));
        }
        prev = e;
      }
      await idle();
    }

    // Rows since the genesis that no entry covers: inserted outside the console into a gap.
    for (const table of repo.COVERED_TABLES) {
      const rows = await this.db.read((q) =>
        repo.rowsOutsideChain(q, this.engine, table, detail.marks[table] ?? 0, MAX_FINDINGS),
      );
      for (const r of rows) await addRead((q) => this.finding(q, r, 'inserted'));
    }
    return done(entries, prev);
  }

  /** Where a row is, as the officer would find it, and what happened to it. */
  private async finding(
    q: Queryable,
    r: Pick<CoveredRow, 'tbl' | 'rowId' | 'ref' | 'at' | 'content'>,
    what: 'edited' | 'deleted' | 'inserted',
    seq?: number,
  ): Promise<IntegrityFinding> {
    const ref = parseRef(r.ref);
    const incidentId = typeof ref.incidentId === 'number' ? ref.incidentId : null;
    const serial = incidentId === null ? undefined : await repo.incidentSerial(q, incidentId);
    const ofIncident = serial ? `事件 ${serial} 的` : incidentId !== null ? `事件（编号 ${incidentId}）的` : '';
    let where: string;
    switch (r.tbl) {
      case 'timeline_entries': {
        if (what !== 'deleted' && incidentId !== null && r.at) {
          const pos = await repo.timelinePosition(q, incidentId, r.at, r.rowId);
          where = `${ofIncident}时间线第${pos}条`;
        } else where = `${ofIncident}一条时间线记录`;
        break;
      }
      case 'clock_records':
        where = `${ofIncident}时限记录「${ref.clockId ?? ''}」`;
        break;
      case 'report_versions':
        where = `${ofIncident}报告（编号 ${ref.reportId ?? ''}）第${ref.version ?? ''}稿`;
        break;
      case 'print_records':
        where = `打印记录「${ref.title ?? ''}」`;
        break;
      case 'alarm_acks':
        where = `告警确认记录（${ref.clockKey ?? ''}）`;
        break;
      default:
        where = `${ofIncident}${TABLE_LABEL[r.tbl] ?? r.tbl}`;
    }
    const when = r.at ? `，记于 ${fmtAt(r.at)}` : '';
    const id = `（表 ${r.tbl}，编号 ${r.rowId}${when}）`;
    const message =
      what === 'edited'
        ? `${where}${id}在值班台之外被改动，与记录链不符。`
        : what === 'deleted'
          ? `${where}${id}已被删除：记录链第 ${seq ?? '?'} 条记录过它。`
          : `${where}${id}不在记录链中：在值班台之外插入。`;
    return { table: r.tbl, rowId: r.rowId, message, at: r.at };
  }
}

/** One digest over rows in order (their canonical content as SQLite serialised it). */
function digestOf(rows: readonly CoveredRow[]): string {
  const h = createHash('sha256');
  for (const r of rows) h.update(`${r.rowId}\n${r.content}\n`);
  return h.digest('hex');
}

/**
 * Makes every write of `db` pass `keeper.seal` just before its COMMIT: the one place all writes go
 * through, so no repository or service can add a covered row without its entry.
 */
export function sealWrites(db: Database, keeper: ChainKeeper): void {
  const write = db.write.bind(db);
  db.write = <T>(fn: (q: Queryable) => Promise<T>): Promise<T> =>
    write(async (q) => {
      const value = await fn(q);
      return { value, head: await keeper.seal(q) };
    }).then(
      ({ value, head }) => {
        // After the COMMIT: the anchor outside the database follows the head.
        keeper.committed(head);
        return value;
      },
      (err: unknown) => {
        keeper.rolledBack();
        throw err;
      },
    );
}
