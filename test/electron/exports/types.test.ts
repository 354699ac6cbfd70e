import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, wrappedLines } from '../../../electron/exports/types';

describe('displayWidth', () => {
  it('counts CJK and full-width forms two, the rest one, a surrogate pair as one character', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('ab 1')).toBe(4);
    expect(displayWidth('朔州市')).toBe(6);
    expect(displayWidth('（１）')).toBe(6);
    expect(displayWidth('𠀀')).toBe(2); // U+20000, a pair
    expect(displayWidth('😀')).toBe(1); // U+1F600, a pair outside the wide planes
    expect(displayWidth('\ud800a')).toBe(2); // a lone high surrogate, then a letter
    expect(displayWidth('a\udc00')).toBe(2); // a lone low surrogate
  });

  it('is the sum of its characters as the string iterator splits them', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(displayWidth(text)).toBe(Array.from(text).reduce((w, ch) => w + displayWidth(ch), 0));
      }),
    );
  });
});

describe('wrappedLines', () => {
  it('wraps each line of a text at the column width, an empty line taking one', () => {
    expect(wrappedLines('', 10)).toBe(1);
    expect(wrappedLines('甲'.repeat(10), 4)).toBe(5);
    expect(wrappedLines('甲'.repeat(10), 20)).toBe(1);
    expect(wrappedLines('第一行\n\n第三行'.replace('三', '三'.repeat(5)), 6)).toBe(1 + 1 + 3);
  });
});
