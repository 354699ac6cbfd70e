/**
 * Platform effects of the alarms under Electron: a desktop notification, the taskbar flashing, and
 * an always-on-top banner window for anything overdue that stays above other programs.
 */
import { BrowserWindow, Notification, screen } from 'electron';
import { NoticeThrottle } from '../alarms/notice-throttle';
import type { AlarmHostEffects } from '../services/alarm-wiring';
import { createBannerWindow } from './window';

export function electronAlarmEffects(
  outDir: string,
  mainWindow: () => BrowserWindow | null,
): Omit<AlarmHostEffects, 'push'> {
  let banner: BrowserWindow | null = null;
  // One notification per incident, replaced at most once a minute (notice-throttle.ts).
  const notices = new NoticeThrottle<Notification, ReturnType<typeof setTimeout>>({
    now: () => Date.now(),
    show: (title, body) => {
      const n = new Notification({ title, body, urgency: 'critical', timeoutType: 'never' });
      n.show();
      return n;
    },
    close: (n) => n.close(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (t) => clearTimeout(t),
  });
  return {
    notify(notice) {
      if (Notification.isSupported()) notices.notify(notice);
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
