/** One ticker for every countdown on screen: a single interval, shared through context. */
import { createContext, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { recordPerf } from '../lib/perf';
import type { ReactNode } from 'react';

const NowContext = createContext<number>(Date.now());

export function NowProvider({ children, intervalMs = 1000 }: { children: ReactNode; intervalMs?: number }) {
  const [now, setNow] = useState(() => Date.now());
  const tickStart = useRef(0);
  useEffect(() => {
    const timer = setInterval(() => {
      tickStart.current = performance.now();
      setNow(Date.now());
    }, intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  // Runs after every child has re-rendered and committed: the cost of one tick.
  useLayoutEffect(() => {
    if (tickStart.current) recordPerf('ticks', performance.now() - tickStart.current);
  }, [now]);
  return <NowContext.Provider value={now}>{children}</NowContext.Provider>;
}

export const useNow = (): number => useContext(NowContext);
