/**
 * Composes the main-process services over one data folder. Both hosts (Electron and the web host)
 * call this, so the UI talks to the same code either way.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/ipc/channels/app';
import type { AppEvent } from '../../shared/ipc/contract';
import { DomainError } from '../../shared/ipc/result';
import { SqliteDatabase, type Database } from '../db/connection';
import { LATEST_VERSION, openDatabase } from '../db/migrate';
import { openPostgres } from '../db/pg-migrate';
import { GATE } from '../ipc/dispatch';
import type { Handlers } from '../ipc/dispatch';
import type { Printer } from '../print/printer';
import type { SettingsStore } from '../settings/settings-store';
import { JsonFileSettingsStore } from '../settings/settings-store';
import { createAlarms } from './alarm-wiring';
import type { AlarmHostEffects } from './alarm-wiring';
import type { FeatureContext } from './feature-context';
import { dataServiceOf } from './data/data-handlers';
import { featureHandlers } from './features';
import { accountServiceOf } from './accounts/account-handlers';
import type { AccountService } from './accounts/account-service';
import { seatServiceOf } from './seats/seat-handlers';
import type { SeatService } from './seats/seat-service';
import { incidentCalls, type IncidentCalls } from './incidents/incident-handlers';
import { DerivedRefresher } from './incidents/derived';
import { IncidentService } from './incidents/incident-service';
import { assertOpenable, DATABASE_FILE, WholeFileCheck, type StartupProblem } from './startup/startup-check';
import { ChainKeeper, sealWrites } from './integrity/chain';
import { defaultKeyFile, fileKeyProvider, type ChainKeyProvider } from './integrity/chain-key';
import { AnchorStore, anchorFileFor } from './integrity/chain-anchor';
import { chainRebasesSince, insertAuditEvent } from '../db/account-repository';
import { splitPassword } from '../db/database-url';

export interface AppServicesOptions {
  dataDir: string;
  host: AppInfo['host'];
  version?: string;
  settings?: SettingsStore;
  now?: () => Date;
  emit?: (event: AppEvent, payload: unknown) => void;
  /** Platform alarm effects (notifications, flashing, banner); the state is always pushed to windows. */
  alarmEffects?: Omit<AlarmHostEffects, 'push'>;
  /** Printing: Electron's webContents, or Debian's Chromium in the web host (see print/printer.ts). */
  printer: Printer;
  /** Run the alarm engine (default true). */
  alarms?: boolean;
  /** A PostgreSQL server shared by the room's seats (issue 17); without one, the SQLite file in dataDir. */
  databaseUrl?: string;
  /**
   * The record chain's MAC key, kept outside the database (issue 18): Electron seals it with
   * safeStorage; by default a 0600 key file beside the data folder (services/integrity/chain-key.ts).
   */
  chainKey?: ChainKeyProvider;
}

export interface AppServices {
  db: Database;
  dataDir: string;
  settings: SettingsStore;
  /** The incident feature, each call its own unit of work (as the channels answer it). */
  incidents: IncidentCalls;
  alarms: ReturnType<typeof createAlarms>;
  /** Seat names and the wall display's access; the Electron main process marks its wall window here. */
  seats: SeatService;
  /** Accounts and the seats' sessions (a restore at start-up logs every seat out here). */
  accounts: AccountService;
  handlers: Handlers;
  /** Keeps the stored derivations current (incidents/derived.ts). */
  derived: DerivedRefresher;
  /** The record chain (issue 18): a restore re-bases its anchor through `prepare`. */
  integrity: ChainKeeper;
  /**
   * SQLite's quick_check of the whole file, which runs shortly after start (the board does not wait
   * for it); calling it runs it now. Damage found refuses every write and raises the banner.
   */
  checkFile(): Promise<StartupProblem | null>;
  close(): Promise<void>;
}

export { DATABASE_FILE };

export async function createAppServices(opts: AppServicesOptions): Promise<AppServices> {
  mkdirSync(opts.dataDir, { recursive: true });
  // Damage (an empty, truncated, corrupt or too-new file; a lost file with backups) is never opened
  // as a fresh install: it throws StartupDamageError, and bootServices offers the recovery state.
  const db = opts.databaseUrl
    ? await openPostgres(opts.databaseUrl)
    : await assertOpenable(opts.dataDir).then(() =>
        // assertOpenable checked the file; what reads every page runs after start (WholeFileCheck).
        openDatabase(join(opts.dataDir, DATABASE_FILE), { integrityChecked: true }),
      );
  // The record chain (issue 18): every write seals the rows it adds before its COMMIT; the key is
  // read (or made) first, so a key file readable by others stops the start with its reason.
  let key: Buffer;
  try {
    key = await (opts.chainKey ?? fileKeyProvider(defaultKeyFile(opts.dataDir)))();
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  const chainNow = opts.now ?? (() => new Date());
  const integrity = new ChainKeeper(db, key, chainNow, {
    // The head anchored beside the key (tail deletion, issue 18); per database on PostgreSQL.
    anchor: new AnchorStore(
      anchorFileFor(opts.dataDir, opts.databaseUrl ? splitPassword(opts.databaseUrl).url : undefined),
      key,
    ),
    audit: (q, detail, at) =>
      insertAuditEvent(q, { at, kind: 'chain_rebased', accountId: null, name: '（本机程序）', detail }),
    rebasesSince: chainRebasesSince,
  });
  // Both engines: on PostgreSQL every write holds the advisory write lock, so seats append in turn.
  sealWrites(db, integrity);
  await integrity.prepare();
  const settings = opts.settings ?? new JsonFileSettingsStore(join(opts.dataDir, 'settings.json'));
  const now = opts.now ?? (() => new Date());
  const emit = opts.emit ?? (() => undefined);
  const incidents = new IncidentService(now, () => settings.get().pendingLevelMinutes);
  // Stored derivations (issue 14): brought up to date after a read meets a stale one, and at start.
  const derived = new DerivedRefresher(
    db,
    () => incidents.derivationBasis(),
    (q, list) => incidents.deriveFromRows(q, list),
  );
  incidents.onStale = () => derived.request();
  // The start's sweep (after an upgrade of the rules, a changed setting or an import) waits until
  // the board has been read: until then a stale incident is derived from its rows when read.
  const sweep = setTimeout(() => derived.request(), 3000);
  sweep.unref();
  const alarms = createAlarms({
    db,
    incidents,
    settings: () => settings.get(),
    now,
    host: { ...opts.alarmEffects, push: (state) => emit('alarms:state', state) },
    incremental: !opts.databaseUrl,
  });
  // The alarms re-read only the incidents stored again (and those still marked stale), not every open one.
  derived.onStored = (ids) => {
    alarms.incidentsChanged(ids);
    void alarms.service.reevaluate('data-changed');
  };
  if (opts.alarms !== false) await alarms.service.start();
  // A lost or unwritable data folder (seen at a write, the backup timer or a status poll) tells the UI at once.
  db.onStorageChange = () => emit('data:changed', { what: 'storage' });

  const ctx: FeatureContext = {
    db,
    dataDir: opts.dataDir,
    settings,
    incidents,
    printer: opts.printer,
    integrity,
    now,
    emit,
    changed: (what) => {
      emit('data:changed', { what });
      void alarms.service.reevaluate('data-changed');
      // The other seats on the same PostgreSQL database hear it too (NOTIFY, after the COMMIT).
      db.announce(what);
    },
  };
  db.onRemoteChange = (what) => {
    // Another seat restored a backup or imported a full export: the accounts are the data's now and
    // it cleared every seat's session row, so this process's seats log in again too.
    if (what === 'restore' || what === 'import') accountServiceOf(ctx).endAllSessions();
    // Another seat's change may already be stored by its own refresher: read every open clock again.
    alarms.reloadAll();
    emit('data:changed', { what });
    void alarms.service.reevaluate('data-changed');
  };

  // A restore or an import replaces the records: the chain is begun or sealed again, then verified.
  const announce = ctx.changed;
  ctx.changed = (what) => {
    // The records were replaced as a whole: the alarms read every open clock again.
    if (what === 'restore' || what === 'import') alarms.reloadAll();
    announce(what);
    if (what === 'restore' || what === 'import') {
      // A restore rewinds the chain (the anchor re-based, in the audit); an import only appends to it.
      void integrity.prepare(what === 'restore' ? { rebase: '恢复备份' } : {}).then(
        () => integrity.verify(),
        () => undefined,
      );
    }
  };
  integrity.onStatus = () => emit('data:changed', { what: 'integrity' });

  const handlers: Handlers = {
    // Every call from a page passes this gate first (issue 18: roles enforced in the main process).
    // The seats' gate names the seat and admits the wall display (services/seats, issue 17).
    [GATE]: seatServiceOf(ctx, accountServiceOf(ctx)).gate,
    ...featureHandlers(ctx),
    'app:info': async () => ({
      version: opts.version ?? '0.1.0',
      host: opts.host,
      dataDir: opts.dataDir,
      schemaVersion: LATEST_VERSION,
      now: now().toISOString(),
    }),
    // The web host replaces this with its own rotation (web-host/server.ts); Electron has no token.
    'app:rotate-token': async () => {
      throw new DomainError('conflict', '桌面版不使用访问令牌，无需更换');
    },
    'alarms:state': async () => alarms.state(),
    'alarms:ack': async (a) => {
      await alarms.service.acknowledge(a.clockKey);
      // The other seats on a shared database read the stored acknowledgement and go quiet too.
      db.announce('alarms');
      return alarms.state();
    },
    'settings:get': async () => settings.get(),
    'settings:set': async (a) => {
      db.assertStorage();
      const next = settings.set(a);
      emit('data:changed', { what: 'settings' });
      void alarms.service.reevaluate('data-changed');
      return next;
    },
  };

  // Verified in the background: the board never waits for it (issue 18).
  const verifying = setTimeout(() => void integrity.verify(), 0);
  // The whole file read by quick_check after start, on its own connection (issue 14: a ten-year
  // history is a gigabyte); damage refuses every write from then on and raises the banner.
  const fileCheck =
    db instanceof SqliteDatabase
      ? new WholeFileCheck(opts.dataDir, (problem) => db.markDamaged(problem.message))
      : null;
  // Writes wait for its outcome: nothing is acknowledged into a file not yet known to be whole (a
  // registration in the first seconds waits, then commits or is refused). Reads, on their own
  // connection, go on meanwhile, so the board does not wait.
  let releaseWrites: () => void = () => undefined;
  if (fileCheck && db instanceof SqliteDatabase)
    db.holdWritesUntil(new Promise<void>((resolve) => (releaseWrites = resolve)));
  const checking = setTimeout(() => void fileCheck?.run().then(releaseWrites, releaseWrites), 0);
  checking.unref();

  return {
    db,
    dataDir: opts.dataDir,
    settings,
    incidents: incidentCalls(ctx),
    alarms,
    seats: seatServiceOf(ctx, accountServiceOf(ctx)),
    accounts: accountServiceOf(ctx),
    handlers,
    derived,
    integrity,
    checkFile: async () => (fileCheck ? fileCheck.run() : null),
    close: async () => {
      clearTimeout(verifying);
      clearTimeout(checking);
      await fileCheck?.stop();
      releaseWrites();
      clearTimeout(sweep);
      await derived.stop();
      await integrity.stop();
      alarms.service.stop();
      dataServiceOf(ctx)?.stopSchedule();
      await db.close();
    },
  };
}
