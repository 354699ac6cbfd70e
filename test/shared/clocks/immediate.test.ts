import { describe, expect, it } from 'vitest';
import { clockState, type TrackedClock } from '../../../shared/clocks/state';

const T0 = Date.parse('2021-09-08T10:00:00+08:00');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const immediate: TrackedClock = {
  key: '1:env.city-gov-to-province@重大#0',
  incidentId: 1,
  clockId: 'env.city-gov-to-province',
  title: '立即报告省人民政府',
  startsAt: iso(T0),
  dueAt: iso(T0 + 120 * MIN),
  immediate: true,
  window: '立即（最迟2小时）',
};

describe('立即 duties (43号 5.1.1(5)): the label and the engine’s latest limit, never a plain countdown', () => {
  it('reads 立即（最迟2小时） with the time left to the latest limit', () => {
    const s = clockState(immediate, T0 + 55 * MIN);
    expect(s.state).toBe('pending');
    expect(s.text).toBe('立即（最迟2小时） · 最迟时限剩1小时05分');
    expect(s.text).not.toMatch(/^\d/);
  });
  it('keeps the label when 即将到期, and turns plain 超时 once the latest limit passed', () => {
    expect(clockState(immediate, T0 + 115 * MIN).text).toBe('立即（最迟2小时） · 最迟时限剩5分00秒');
    expect(clockState(immediate, T0 + 121 * MIN).text).toBe('超时1分');
  });
  it('a 即时 or 及时 duty keeps its own word; an ordinary clock keeps its countdown', () => {
    expect(clockState({ ...immediate, window: '即时（最迟2小时）' }, T0).text).toBe(
      '即时（最迟2小时） · 最迟时限剩2小时00分',
    );
    expect(clockState({ ...immediate, immediate: false }, T0).text).toBe('剩2小时00分');
  });
});
