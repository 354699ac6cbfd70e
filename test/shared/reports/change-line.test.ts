// The report list names what changed in one line: long texts are cut around where they differ.
import { describe, expect, it } from 'vitest';
import { changeLine } from '../../../shared/reports/prefill';

const change = (before: string, after: string) => ({ path: 'narrative', label: '事故经过情况', before, after });

describe('changeLine', () => {
  it('keeps short values whole and names an empty one', () => {
    expect(changeLine(change('死亡0人', '死亡5人'))).toBe('事故经过情况：死亡0人 → 死亡5人');
    expect(changeLine(change('', '氨氮约2吨'))).toBe('事故经过情况：（空） → 氨氮约2吨');
  });

  it('cuts a long narrative to the part around the change, marked with ellipses', () => {
    const opening = '检修时发现核子秤铅罐开启、放射源缺失，现场已封锁，'.repeat(8);
    const line = changeLine(change(`${opening}人员已撤离。`, `${opening}放射源已于17时找回。`), 40);
    const [, sides] = line.split('：', 2);
    const [before, after] = sides!.split(' → ');
    expect(before).toMatch(/^…/);
    expect(after).toMatch(/^…/);
    expect(after).toContain('放射源已于17时找回。');
    expect(before).toContain('人员已撤离。');
    for (const side of [before!, after!]) expect(Array.from(side).length).toBeLessThanOrEqual(42);
    expect(line.length).toBeLessThan(120);
  });

  it('cuts a long value that differs from its start at the end', () => {
    const long = '甲'.repeat(100);
    const line = changeLine(change(long, `乙${long}`), 40);
    expect(line).toBe(`事故经过情况：${'甲'.repeat(40)}… → 乙${'甲'.repeat(39)}…`);
  });
});
