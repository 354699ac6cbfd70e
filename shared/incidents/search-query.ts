/**
 * The board's search box: several keywords separated by spaces (平鲁 探伤) find the incidents that
 * contain every one of them, each in any searched field. Pure: the service turns the keywords into
 * its query, the page checks the length before asking.
 */

/** Longest search the services accept, in characters (the schema's limit). */
export const SEARCH_MAX_LENGTH = 100;

/** At most this many keywords count; more would only slow the query without narrowing it. */
export const SEARCH_MAX_KEYWORDS = 8;

/** The keywords of a search, in order, each once: split on ASCII and full-width spaces. */
export function searchKeywords(query: string): string[] {
  const words = query
    .split(/[\s\u3000]+/)
    .map((w) => w.trim())
    .filter(Boolean);
  return [...new Set(words)].slice(0, SEARCH_MAX_KEYWORDS);
}

/** Why a search cannot run, in the words the page shows, or null when it can. */
export function searchProblem(query: string): string | null {
  const length = query.trim().length;
  if (length > SEARCH_MAX_LENGTH) return `搜索内容过长（${length}字），最多${SEARCH_MAX_LENGTH}字：请缩短后再搜索`;
  return null;
}

/**
 * The pairs of adjacent characters (code points) of a keyword, each once, as the search index
 * holds them (migration 0021): ASCII letters lowered, as the search ignores their case and no
 * other. Empty for a keyword of one character, which has none.
 */
export function searchBigrams(keyword: string): string[] {
  const chars = Array.from(keyword.replace(/[A-Z]+/g, (s) => s.toLowerCase()));
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(`${chars[i]}${chars[i + 1]}`);
  return [...pairs];
}
