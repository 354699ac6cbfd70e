import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/api';

/** Loads data and reloads it whenever the main process says data changed. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: Error | null; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error | null>(null);
  const seq = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    const mine = ++seq.current;
    run().then(
      (v) => {
        if (mine === seq.current) (setData(v), setError(null));
      },
      (e: Error) => {
        if (mine === seq.current) setError(e);
      },
    );
  }, [run]);
  useEffect(() => {
    reload();
    return api.on('data:changed', () => reload());
  }, [reload]);
  return { data, error, reload };
}
