/** The single place where IPC channels are registered; every call's sender is checked first. */
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import { fail } from '../../shared/ipc/result';
import { dispatch } from '../ipc/dispatch';
import type { Handlers } from '../ipc/dispatch';
import { randomBytes } from 'node:crypto';
import { isTrustedUrl } from './window-policy';

/** New on every start: a window's seat (and its log-in) never outlives the process. */
const RUN = randomBytes(12).toString('hex');

/** The seat of a window: its web contents in this run. */
export const seatOfWindow = (webContentsId: number): string => `electron:${RUN}:${webContentsId}`;

export function registerIpc(handlers: Handlers): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      // Only our own page (app://renderer) may call; a frame from anywhere else is refused.
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(url)) {
        return fail({ code: 'forbidden', message: '拒绝来自未知页面的调用' });
      }
      // Each window is a seat: who is logged in there decides what it may call (services/accounts).
      return dispatch(handlers, channel, input, undefined, seatOfWindow(event.sender.id));
    });
  }
}
