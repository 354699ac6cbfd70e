/**
 * Electron lifecycle: open the data folder, register IPC, create the window, run the alarms.
 * Everything else lives in plain Node modules under electron/ so it also runs in the web host.
 */
import { app, BrowserWindow, dialog, powerMonitor, screen } from 'electron';
import { join } from 'node:path';
import { EVENTS } from '../../shared/ipc/contract';
import type { AppEvent } from '../../shared/ipc/contract';
import { DatabaseOpenError } from '../db/connection';
import { createAppServices } from '../services/app-services';
import { latestVerifiedBackup, restoreLatestBackup } from '../services/startup/startup-service';
import type { AppServices } from '../services/app-services';
import { resolveDataDir } from '../services/data-dir';
import { resolveDatabaseUrl } from '../db/database-url';
import { databasePasswordSealer } from './database-password';
import { ElectronSettingsStore } from './electron-settings';
import { chainKeySealer } from './chain-key-sealer';
import { ChainKeyError, defaultKeyFile, fileKeyProvider } from '../services/integrity/chain-key';
import { electronAlarmEffects } from './alarm-effects';
import { ElectronPrinter } from './electron-printer';
import { registerIpc, seatOfWindow } from './ipc-registration';
import {
  createMainWindow,
  createWallWindow,
  guardWebContents,
  hardenSession,
  registerAppScheme,
  serveAppProtocol,
} from './window';
import { messageOf } from '../../shared/errors';

const outDir = join(__dirname, '..');
let services: AppServices | null = null;
let mainWindow: BrowserWindow | null = null;
let wallWindow: BrowserWindow | null = null;

// app:// must be privileged before the app is ready.
registerAppScheme();

const emit = (event: AppEvent, payload: unknown) => {
  if (!EVENTS.includes(event)) return;
  for (const w of BrowserWindow.getAllWindows()) w.webContents.send(event, payload);
};

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env, join(app.getPath('userData'), 'data'));
  hardenSession();
  serveAppProtocol(outDir);
  // A PostgreSQL server shared by the room's seats, when one is configured (issue 17).
  let databaseUrl: string | undefined;
  try {
    databaseUrl = await resolveDatabaseUrl(process.argv, process.env, dataDir, await databasePasswordSealer());
  } catch (err) {
    dialog.showErrorBox('值班台无法读取数据库设置', messageOf(err));
    app.exit(1);
    return;
  }
  try {
    services = await createAppServices({
      databaseUrl,
      dataDir,
      host: 'electron',
      version: app.getVersion(),
      settings: new ElectronSettingsStore(),
      emit,
      alarmEffects: electronAlarmEffects(outDir, () => mainWindow),
      printer: new ElectronPrinter(outDir),
      chainKey: async () => fileKeyProvider(defaultKeyFile(dataDir), await chainKeySealer())(),
    });
  } catch (err) {
    if (err instanceof ChainKeyError) {
      // Not damage to the data: no backup would help; the message says what to do.
      dialog.showErrorBox('值班台无法使用记录链密钥', err.message);
      app.exit(1);
      return;
    }
    if (databaseUrl) {
      // The server's data is not in this folder: no file backup to offer; the message says why.
      dialog.showErrorBox('值班台无法打开数据库', messageOf(err));
      app.exit(1);
      return;
    }
    // A damaged or too-new database: say so plainly, change nothing, and offer the latest backup.
    await offerRestore(err as Error, dataDir);
    return;
  }
  registerIpc(services.handlers);
  mainWindow = createMainWindow(outDir);
  // The wall display goes to a second monitor when there is one, now or when one is plugged in.
  openWallWindow();
  screen.on('display-added', openWallWindow);
  // Deadlines are absolute: after sleep or a clock change, re-evaluate at once (a passed deadline alarms once).
  powerMonitor.on('resume', () => void services?.alarms.service.reevaluate('resume'));
  powerMonitor.on('unlock-screen', () => void services?.alarms.service.reevaluate('resume'));
}

/** The wall display (issue 17) on the first display that is not the primary one; none with one screen. */
function openWallWindow(): void {
  if (!services || wallWindow) return;
  const primary = screen.getPrimaryDisplay();
  const second = screen.getAllDisplays().find((d) => d.id !== primary.id);
  if (!second) return;
  wallWindow = createWallWindow(outDir, second.bounds);
  // The window the main process opened is a display seat: the wall board only, no log-in.
  services.seats.markDisplay(seatOfWindow(wallWindow.webContents.id));
  wallWindow.on('closed', () => (wallWindow = null));
  // Closing the console closes its wall display, so the app quits as before.
  mainWindow?.once('closed', () => wallWindow?.close());
}

async function offerRestore(err: Error, dataDir: string): Promise<void> {
  // The same start-up module as the web host: the newest backup that passes its checks.
  const tooNew = err instanceof DatabaseOpenError && err.kind === 'too_new';
  const latest = tooNew ? null : await latestVerifiedBackup(dataDir);
  const detail = `${err.message}\n\n数据文件夹：${dataDir}`;
  if (!latest) {
    dialog.showErrorBox('值班台无法打开数据', detail);
    app.exit(1);
    return;
  }
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: '值班台无法打开数据',
    message: '数据库无法打开。',
    detail: `${detail}\n\n最近通过检查的备份：${latest.fileName}（${latest.createdAt}）。当前文件会原样移到备份文件夹中保留。`,
    buttons: ['退出', '从最近的备份恢复'],
    defaultId: 1,
    cancelId: 0,
  });
  if (response === 1) {
    try {
      await restoreLatestBackup(dataDir, new Date());
      app.relaunch();
    } catch (restoreErr) {
      dialog.showErrorBox('恢复失败', messageOf(restoreErr));
    }
  }
  app.exit(1);
}

app.on('web-contents-created', (_e, contents) => guardWebContents(contents));
app.whenReady().then(start, (err: unknown) => console.error(err));
app.on('window-all-closed', () => {
  void services?.close();
  app.quit();
});
app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0 && services) mainWindow = createMainWindow(outDir);
});
