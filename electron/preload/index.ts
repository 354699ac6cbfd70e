/**
 * Sandboxed preload: exposes one object, `window.duty`, with one method per contract channel and
 * an allowlisted event subscription. ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, EVENTS } from '../../shared/ipc/contract';
import type { AppEvent } from '../../shared/ipc/contract';

const api: Record<string, unknown> = {};
for (const channel of CHANNELS) {
  api[channel] = (input: unknown) => ipcRenderer.invoke(channel, input);
}
api.on = (event: AppEvent, listener: (payload: unknown) => void) => {
  if (!EVENTS.includes(event)) throw new Error(`未知的事件：${event}`);
  const wrapped = (_e: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(event, wrapped);
  return () => ipcRenderer.removeListener(event, wrapped);
};

contextBridge.exposeInMainWorld('duty', api);
