/**
 * Electron lifecycle: open the data folder, register IPC, create the window, run the alarms.
 * Everything else lives in plain Node modules under electron/ so it also runs in the web host.
 */
import { app, BrowserWindow, dialog, powerMonitor } from 'electron';
import { join } from 'node:path';
import { EVENTS } from '../../shared/ipc/contract';
import type { AppEvent } from '../../shared/ipc/contract';
import { createAppServices } from '../services/app-services';
import type { AppServices } from '../services/app-services';
import { resolveDataDir } from '../services/data-dir';
import { ElectronSettingsStore } from './electron-settings';
import { electronAlarmEffects } from './alarm-effects';
import { ElectronPrinter } from './electron-printer';
import { registerIpc } from './ipc-registration';
import { createMainWindow, hardenSession } from './window';

const outDir = join(__dirname, '..');
let services: AppServices | null = null;
let mainWindow: BrowserWindow | null = null;

const emit = (event: AppEvent, payload: unknown) => {
  if (!EVENTS.includes(event)) return;
  for (const w of BrowserWindow.getAllWindows()) w.webContents.send(event, payload);
};

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env, join(app.getPath('userData'), 'data'));
  hardenSession();
  try {
    services = await createAppServices({
      dataDir,
      host: 'electron',
      version: app.getVersion(),
      settings: new ElectronSettingsStore(),
      emit,
      alarmEffects: electronAlarmEffects(outDir, () => mainWindow),
      printer: new ElectronPrinter(outDir),
    });
  } catch (err) {
    // A damaged or too-new database: say so plainly and change nothing.
    dialog.showErrorBox('值班台无法打开数据', `${(err as Error).message}\n\n数据文件夹：${dataDir}`);
    app.exit(1);
    return;
  }
  registerIpc(services.handlers, outDir);
  mainWindow = createMainWindow(outDir);
  // Deadlines are absolute: after sleep or a clock change, re-evaluate at once (a passed deadline alarms once).
  powerMonitor.on('resume', () => void services?.alarms.service.reevaluate('resume'));
  powerMonitor.on('unlock-screen', () => void services?.alarms.service.reevaluate('resume'));
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});
app.whenReady().then(start, (err) => console.error(err));
app.on('window-all-closed', () => {
  void services?.close();
  app.quit();
});
app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0 && services) mainWindow = createMainWindow(outDir);
});
