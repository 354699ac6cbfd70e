/**
 * The one module that talks to the main process. Under Electron the preload exposes `window.duty`;
 * in the web host the same API is reached over HTTP with the per-run token.
 */
import type { AppEvent, Channel, ChannelInput, ChannelOutput, DutyApi } from '../../../shared/ipc/contract';
import { CHANNELS } from '../../../shared/ipc/contract';
import type { AppError, Result } from '../../../shared/ipc/result';

declare global {
  interface Window {
    duty?: DutyApi;
  }
}

export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

function tokenFromPage(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem('duty-token', fromUrl);
    // Keep the token out of the address bar and history.
    window.history.replaceState(null, '', window.location.pathname);
    return fromUrl;
  }
  return sessionStorage.getItem('duty-token') ?? '';
}

export function createWebApi(): DutyApi {
  const token = tokenFromPage();
  const methods: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    methods[channel] = async (input: unknown): Promise<Result<unknown>> => {
      try {
        const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Duty-Token': token },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Result<unknown>;
      } catch (err) {
        return { ok: false, error: { code: 'internal', message: `无法连接值班台服务：${(err as Error).message}` } };
      }
    };
  }
  let source: EventSource | null = null;
  const listeners = new Map<AppEvent, Set<(p: unknown) => void>>();
  methods.on = (event: AppEvent, listener: (p: unknown) => void) => {
    if (!source) source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    let set = listeners.get(event);
    if (!set) {
      const created = new Set<(p: unknown) => void>();
      listeners.set(event, created);
      source.addEventListener(event, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
        for (const l of created) l(payload);
      });
      set = created;
    }
    set.add(listener);
    return () => set.delete(listener);
  };
  return methods as DutyApi;
}

export const api: DutyApi = window.duty ?? createWebApi();
export const isWebHost = !window.duty;

/** Calls a channel and unwraps its Result; a refusal becomes an ApiError with the main process's message. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const method = api[channel] as unknown as (i: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
  const result = await method(input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
