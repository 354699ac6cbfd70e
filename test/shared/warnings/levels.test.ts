import { describe, expect, it } from 'vitest';
import { WARNING_LEVELS, WARNING_LEVEL_MEANING, warningLabel, warningLevelInfo } from '../../../shared/warnings';
import { clauseSpan, quotedIn } from '../response/gazette-text';

describe('warning levels', () => {
  it('一级 red, 二级 orange, 三级 yellow, 四级 blue, as B 3.1.1 and C 4.2.1 say', () => {
    expect(WARNING_LEVELS.map((l) => `${l.level}${l.colourName}`)).toEqual([
      '一级红色',
      '二级橙色',
      '三级黄色',
      '四级蓝色',
    ]);
    for (const [plan, ref] of [
      ['radiation', '3.1.1'],
      ['environment', '4.2.1'],
    ] as const) {
      expect(clauseSpan(plan, ref)).toContain('一级、二级、三级、四级，依次用红色、橙色、黄色和蓝色表示');
    }
    for (const l of WARNING_LEVELS) expect(l.hex).toMatch(/^#[0-9A-F]{6}$/);
    expect(warningLevelInfo('三级').textHex).not.toBe('#FFFFFF');
    expect(warningLabel('二级')).toBe('二级（橙色）预警');
    // a deliberately invalid input for the refusal test
    expect(() => warningLevelInfo('五级' as never)).toThrow(/level/);
  });

  it('level meanings quote the plan where it gives them', () => {
    for (const [level, text] of Object.entries(WARNING_LEVEL_MEANING.radiation.byLevel)) {
      expect(quotedIn('radiation', '3.1.1', text), level).toBe(true);
    }
    expect(quotedIn('environment', '4.2.1', WARNING_LEVEL_MEANING.environment.note)).toBe(true);
    expect(WARNING_LEVEL_MEANING.comms.clause).toBeNull();
  });
});
