/** One ticker for every countdown on screen: a single interval, shared through context. */
import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';

const NowContext = createContext<number>(Date.now());

export function NowProvider({ children, intervalMs = 1000 }: { children: ReactNode; intervalMs?: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return <NowContext.Provider value={now}>{children}</NowContext.Provider>;
}

export const useNow = (): number => useContext(NowContext);
