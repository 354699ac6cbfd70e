import { describe, expect, it } from 'vitest';
import { NoticeThrottle, REPLACE_INTERVAL_MS } from '../../../electron/alarms/notice-throttle';

/** A fake platform: what is on screen, with a manual clock and timers. */
function platform() {
  let now = 0;
  let nextId = 1;
  const onScreen = new Map<number, string>();
  const timers: { at: number; fn: () => void; id: number }[] = [];
  const throttle = new NoticeThrottle<number, number>({
    now: () => now,
    show: (title, body) => {
      const id = nextId++;
      onScreen.set(id, `${title}|${body}`);
      return id;
    },
    close: (id) => onScreen.delete(id),
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  const notice = (key: string, word: string) => ({
    key,
    message: (at: number) => ({ title: `${key}${word}`, body: `t=${at}` }),
  });
  return { throttle, onScreen, advance, notice, shown: () => [...onScreen.values()].sort() };
}

describe('desktop notices: one per incident, replaced at most once a minute', () => {
  it('a second alarm of the same incident replaces the first, never stacks', () => {
    const p = platform();
    p.throttle.notify(p.notice('7', '即将到期'));
    p.throttle.notify(p.notice('8', '即将到期'));
    expect(p.shown()).toEqual(['7即将到期|t=0', '8即将到期|t=0']);
    p.advance(REPLACE_INTERVAL_MS);
    p.throttle.notify(p.notice('7', '已到期'));
    expect(p.shown()).toEqual(['7已到期|t=60000', '8即将到期|t=0']);
  });

  it('a replacement within the minute waits, then shows the latest alarm in the words of that moment', () => {
    const p = platform();
    p.throttle.notify(p.notice('7', '即将到期'));
    p.advance(10_000);
    p.throttle.notify(p.notice('7', '已到期'));
    p.advance(10_000);
    p.throttle.notify(p.notice('7', '超时提醒'));
    expect(p.shown()).toEqual(['7即将到期|t=0']);
    p.advance(39_999);
    expect(p.shown()).toEqual(['7即将到期|t=0']);
    p.advance(1);
    expect(p.shown()).toEqual(['7超时提醒|t=60000']);
    p.advance(5 * REPLACE_INTERVAL_MS);
    expect(p.shown()).toEqual(['7超时提醒|t=60000']);
  });

  it('clear closes every notice and cancels waiting replacements', () => {
    const p = platform();
    p.throttle.notify(p.notice('7', 'a'));
    p.throttle.notify(p.notice('7', 'b'));
    p.throttle.clear();
    p.advance(REPLACE_INTERVAL_MS);
    expect(p.shown()).toEqual([]);
    expect(p.throttle.keys()).toEqual([]);
  });
});
