/**
 * The one module that talks to the main process. Under Electron the preload exposes `window.duty`;
 * in the web host the same API is reached over HTTP with the token kept in the data folder.
 *
 * In the web host the connection can drop (the services stop or restart). Its state is tracked here
 * and shown on every page: the event stream's errors and a ping watchdog notice a drop at once, the
 * page keeps probing and reconnects by itself, and every listener of 'data:changed' is told to
 * reload (`what: 'reconnected'`), so nothing on screen stays as it was before the gap.
 */
import type { RotatedToken } from '../../../shared/ipc/channels/app';
import type { AppEvent, Channel, ChannelInput, ChannelOutput, DutyApi } from '../../../shared/ipc/contract';
import { CHANNELS, EVENTS } from '../../../shared/ipc/contract';
import type { AppError, Result } from '../../../shared/ipc/result';
import { LEADER_CHANNELS } from '../../../shared/accounts/policy';

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

/**
 * online: the services answer. offline: unreachable (stopped, restarting, network gone).
 * token: they answer but refuse this page's token (it was rotated): the page must be reopened.
 */
export type ConnectionStatus = 'online' | 'offline' | 'token';
export interface ConnectionState {
  status: ConnectionStatus;
  /** When the current status began (ms). */
  since: number;
}

/** What a 'data:changed' listener receives after a reconnect: reload everything. */
export const RECONNECTED = 'reconnected';

const OFFLINE_MESSAGE = '无法连接值班台服务（连接中断），正在自动重连';
const TOKEN_MESSAGE = '令牌已更换：本页已失效，请用值班台的新地址重新打开';

/** Probing backs off from 1 s to 5 s while offline; a rotated token is retried every 15 s. */
const PROBE_MIN_MS = 1000;
const PROBE_MAX_MS = 5000;
const PROBE_TOKEN_MS = 15_000;
/** The host pings the event stream every 15 s (web-host/server.ts): silence this long means it is gone. */
const SILENCE_MS = 40_000;

type Listener = (payload: unknown) => void;

class Connection {
  private state: ConnectionState = { status: 'online', since: Date.now() };
  private readonly subscribers = new Set<(s: ConnectionState) => void>();

  get(): ConnectionState {
    return this.state;
  }

  set(status: ConnectionStatus): void {
    if (status === this.state.status) return;
    this.state = { status, since: Date.now() };
    for (const s of this.subscribers) s(this.state);
  }

  subscribe(fn: (s: ConnectionState) => void): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  /** Probes at once instead of waiting for the next attempt (set by the web adapter). */
  retry: () => void = () => undefined;
}

/** The connection to the services; always online under Electron (IPC inside one process tree). */
export const connection = new Connection();

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

/**
 * This tab's seat: a random id kept for the tab's life (a reload keeps it, a new tab gets its own),
 * so each tab logs in on its own (issue 18). The host keys the tab's session by it.
 */
function seatOfTab(): string {
  const kept = sessionStorage.getItem('duty-seat');
  if (kept) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const seat = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  sessionStorage.setItem('duty-seat', seat);
  return seat;
}

/**
 * The wall display's kiosk page (`/?wall=KEY#/wall`, issue 17) presents the administrator's
 * read-only wall key instead of the token. It stays in the address, so the kiosk browser can
 * reload or restart on its own; the key reaches the wall board and nothing else.
 */
const wallKey = new URLSearchParams(window.location.search).get('wall');

export function createWebApi(): DutyApi {
  let token = wallKey ? '' : tokenFromPage();
  const seat = seatOfTab();
  const credentials = (): Record<string, string> =>
    wallKey ? { 'X-Duty-Wall': wallKey } : { 'X-Duty-Token': token, 'X-Duty-Seat': seat };
  const listeners = new Map<AppEvent, Set<Listener>>();
  const deliver = (event: AppEvent, payload: unknown) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };

  let source: EventSource | null = null;
  let lastHeard = Date.now();
  let probeTimer: ReturnType<typeof setTimeout> | null = null;
  let probeDelay = PROBE_MIN_MS;
  let rotating = false;

  const scheduleProbe = (ms: number) => {
    if (probeTimer) clearTimeout(probeTimer);
    probeTimer = setTimeout(() => void probe(), ms);
  };

  /**
   * A page being left (a reload, the tab closed) has its stream closed and its requests aborted
   * while it is torn down: that is not a lost connection, and marking every list 连接中断 then
   * re-renders the whole console just before it goes (on a long board, a good part of a second
   * added to the next page's load). A page that stays runs the timer in its next task; a page
   * being torn down never does.
   */
  const offlineSoon = (stillLost: () => boolean) =>
    setTimeout(() => {
      if (stillLost()) lost('offline');
    }, 0);

  const lost = (status: 'offline' | 'token') => {
    source?.close();
    source = null;
    connection.set(status);
    scheduleProbe(status === 'token' ? PROBE_TOKEN_MS : probeDelay);
  };

  const openStream = () => {
    source?.close();
    const es = new EventSource(
      wallKey ? `/api/events?wall=${encodeURIComponent(wallKey)}` : `/api/events?token=${encodeURIComponent(token)}`,
    );
    source = es;
    lastHeard = Date.now();
    es.onopen = () => {
      lastHeard = Date.now();
      probeDelay = PROBE_MIN_MS;
      const wasDown = connection.get().status !== 'online';
      connection.set('online');
      // Events sent while we were away are lost: everyone reloads.
      if (wasDown) deliver('data:changed', { what: RECONNECTED });
    };
    // The browser would retry on its own, but a refused token would then fail silently: we probe.
    es.onerror = () => {
      // While this tab rotates the token, the host closes its stream; the rotation reopens it.
      if (source === es && !rotating) offlineSoon(() => source === es && !rotating);
    };
    for (const event of EVENTS) {
      es.addEventListener(event, (e) => {
        lastHeard = Date.now();
        // listeners of server-sent events get MessageEvents with text data; unknown keeps JSON.parse's any out
        deliver(event, JSON.parse((e as MessageEvent<string>).data) as unknown);
      });
    }
    es.addEventListener('ping', () => (lastHeard = Date.now()));
    es.addEventListener('app:token-rotated', () => {
      // The tab that asked for the new token reconnects with it; every other tab is now locked out.
      if (!rotating && source === es) lost('token');
    });
  };

  /** One cheap authenticated call: decides offline / token / back online. */
  const probe = async () => {
    probeTimer = null;
    try {
      const res = await fetch('/api/app:info', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...credentials() },
        body: '{}',
      });
      if (res.status === 401) {
        lost('token');
        return;
      }
      if (!res.ok) throw new Error(String(res.status));
      openStream();
    } catch {
      probeDelay = Math.min(PROBE_MAX_MS, probeDelay * 1.5);
      lost('offline');
    }
  };

  connection.retry = () => {
    if (connection.get().status !== 'online') scheduleProbe(0);
  };

  // A half-open connection (sleep, a killed host without a reset) never errors: notice the silence.
  setInterval(() => {
    if (connection.get().status === 'online' && Date.now() - lastHeard > SILENCE_MS) lost('offline');
  }, 5000);

  const post = async (channel: Channel, input: unknown): Promise<Result<unknown>> => {
    let res: Response;
    try {
      res = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...credentials() },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      if (connection.get().status === 'online') offlineSoon(() => connection.get().status === 'online');
      return { ok: false, error: { code: 'internal', message: OFFLINE_MESSAGE } };
    }
    if (res.status === 401) {
      if (connection.get().status !== 'token') lost('token');
      return { ok: false, error: { code: 'forbidden', message: TOKEN_MESSAGE } };
    }
    try {
      // the web host answers every channel with a Result; the value is typed by the channel in call()
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `值班台服务的答复无法读取（HTTP ${res.status}）` } };
    }
  };

  const methods: Record<string, unknown> = {};
  for (const channel of CHANNELS) methods[channel] = (input: unknown) => post(channel, input);

  // This tab keeps working with the new token; the host closes every stream opened with the old one.
  methods['app:rotate-token'] = async (input: unknown) => {
    rotating = true;
    try {
      const result = await post('app:rotate-token', input);
      if (result.ok) {
        // app:rotate-token's result type is RotatedToken
        token = (result.value as RotatedToken).token;
        sessionStorage.setItem('duty-token', token);
        openStream();
      } else if (!source || source.readyState === EventSource.CLOSED) lost('offline');
      return result;
    } finally {
      rotating = false;
    }
  };

  methods.on = (event: AppEvent, listener: Listener) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  };

  openStream();
  // methods has a function for every channel (filled from CHANNELS above)
  return methods as DutyApi;
}

export const api: DutyApi = window.duty ?? createWebApi();
export const isWebHost = !window.duty;

/**
 * Asks the 带班领导 for their password before a leader-only act (features/auth/LeaderConfirm.tsx
 * sets it): resolves once the main process granted the act, throws when cancelled or refused.
 */
let leaderConfirm: ((channel: Channel) => Promise<void>) | null = null;
export function setLeaderConfirm(fn: ((channel: Channel) => Promise<void>) | null): void {
  leaderConfirm = fn;
}

/** Calls a channel and unwraps its Result; a refusal becomes an ApiError with the main process's message. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  if (leaderConfirm && LEADER_CHANNELS.includes(channel)) await leaderConfirm(channel);
  // api[channel] is that channel's method; TypeScript cannot index the mapped type by a generic C
  const method = api[channel] as unknown as (i: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
  const result = await method(input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
