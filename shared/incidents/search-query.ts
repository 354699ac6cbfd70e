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
