import { useEffect, useRef } from 'react';

/** What counts as the officer being at the keyboard. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls onIdle after `minutes` without input (GB/T 22239-2019 8.1.4.1 b). null: not armed (nobody
 * logged in, or already locked). Checked every few seconds against the last input, so a sleeping
 * machine that wakes past the limit locks at once.
 */
export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  const last = useRef(0);
  const fire = useRef(onIdle);
  useEffect(() => {
    fire.current = onIdle;
  }, [onIdle]);
  useEffect(() => {
    if (minutes === null) return;
    last.current = Date.now();
    const seen = () => {
      last.current = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, seen, { passive: true, capture: true });
    const timer = setInterval(() => {
      if (Date.now() - last.current >= minutes * 60_000) {
        last.current = Date.now();
        fire.current();
      }
    }, 1000);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, seen, { capture: true });
      clearInterval(timer);
    };
  }, [minutes]);
}
