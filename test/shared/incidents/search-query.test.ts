import { describe, expect, it } from 'vitest';
import {
  SEARCH_MAX_KEYWORDS,
  SEARCH_MAX_LENGTH,
  searchKeywords,
  searchProblem,
} from '../../../shared/incidents/search-query';

describe('board search query', () => {
  it('splits keywords on ASCII and full-width spaces, each once', () => {
    expect(searchKeywords('平鲁 探伤')).toEqual(['平鲁', '探伤']);
    expect(searchKeywords('  平鲁\u3000探伤   平鲁 ')).toEqual(['平鲁', '探伤']);
    expect(searchKeywords('2026-0012')).toEqual(['2026-0012']);
    expect(searchKeywords('   ')).toEqual([]);
    expect(searchKeywords('a b c d e f g h i j')).toHaveLength(SEARCH_MAX_KEYWORDS);
  });

  it('keeps % and _ as typed: the service escapes them', () => {
    expect(searchKeywords('50% 甲_乙')).toEqual(['50%', '甲_乙']);
  });

  it('says in Chinese when a query is too long, and nothing otherwise', () => {
    expect(searchProblem('平鲁')).toBeNull();
    expect(searchProblem('字'.repeat(SEARCH_MAX_LENGTH))).toBeNull();
    expect(searchProblem('字'.repeat(SEARCH_MAX_LENGTH + 1))).toBe(
      `搜索内容过长（${SEARCH_MAX_LENGTH + 1}字），最多${SEARCH_MAX_LENGTH}字：请缩短后再搜索`,
    );
  });
});
