/** The single place where IPC channels are registered; every call's sender is checked first. */
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import { fail } from '../../shared/ipc/result';
import { dispatch } from '../ipc/dispatch';
import type { Handlers } from '../ipc/dispatch';
import { isTrustedUrl } from './window-policy';

export function registerIpc(handlers: Handlers): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      // Only our own page (app://renderer) may call; a frame from anywhere else is refused.
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(url)) {
        return fail({ code: 'forbidden', message: '拒绝来自未知页面的调用' });
      }
      return dispatch(handlers, channel, input);
    });
  }
}
