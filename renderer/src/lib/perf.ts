/**
 * Timings the benchmark reads from the running page (`window.__dutyPerf`): how long one countdown
 * tick and one board render take. Bounded ring buffers; nothing is sent anywhere.
 */
interface PerfLog {
  ticks: number[];
  boardRenders: number[];
  /** performance.now() when the board first showed its rows: time since the navigation began. */
  boardShownAt: number[];
}

declare global {
  interface Window {
    __dutyPerf?: PerfLog;
  }
}

const log: PerfLog = (window.__dutyPerf = { ticks: [], boardRenders: [], boardShownAt: [] });

export function recordPerf(kind: keyof PerfLog, ms: number): void {
  const list = log[kind];
  list.push(ms);
  if (list.length > 200) list.shift();
}
