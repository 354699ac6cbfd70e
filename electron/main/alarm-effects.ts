/**
 * Platform effects of the alarms under Electron: a desktop notification, the taskbar flashing, and
 * an always-on-top banner window for anything overdue that stays above other programs.
 */
import { BrowserWindow, Notification, screen } from 'electron';
import type { AlarmHostEffects } from '../services/alarm-wiring';
import { createBannerWindow } from './window';

export function electronAlarmEffects(
  outDir: string,
  mainWindow: () => BrowserWindow | null,
): Omit<AlarmHostEffects, 'push'> {
  let banner: BrowserWindow | null = null;
  return {
    notify(title, body) {
      if (Notification.isSupported())
        new Notification({ title, body, urgency: 'critical', timeoutType: 'never' }).show();
    },
    flash(on) {
      mainWindow()?.flashFrame(on);
    },
    banner(overdue) {
      if (overdue.length === 0) {
        banner?.close();
        banner = null;
        return;
      }
      if (!banner || banner.isDestroyed()) {
        const { width } = screen.getPrimaryDisplay().workAreaSize;
        banner = createBannerWindow(outDir, width);
      }
      banner.showInactive();
    },
  };
}
