import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/api';
import { useConnection } from './useConnection';

export interface Loaded<T> {
  /** The last data read successfully: kept through later failures, never replaced by nothing. */
  data: T | undefined;
  error: Error | null;
  /** When `data` was read (ms), to say how old stale data is. */
  loadedAt: number | null;
  /** The data on screen may be out of date: the last reload failed or the connection is down. */
  stale: boolean;
  reload: () => void;
}

/**
 * Loads data and reloads it whenever the main process says data changed (a reconnect counts as a
 * change: see api.ts). A failure keeps the last data, marked stale, rather than showing nothing.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const conn = useConnection();
  const seq = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo -- the caller lists what `load` reads in `deps`, as with useEffect
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    const mine = ++seq.current;
    run().then(
      (v) => {
        if (mine !== seq.current) return;
        setData(v);
        setError(null);
        setLoadedAt(Date.now());
      },
      (e: unknown) => {
        if (mine === seq.current) setError(e instanceof Error ? e : new Error(String(e)));
      },
    );
  }, [run]);
  useEffect(() => {
    reload();
    return api.on('data:changed', () => reload());
  }, [reload]);
  return { data, error, loadedAt, stale: error !== null || conn.status !== 'online', reload };
}
