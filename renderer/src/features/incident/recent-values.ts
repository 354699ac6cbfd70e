/**
 * Values this seat used recently (places, reporter units), most recent first, so a follow-up call
 * about the same incident is typed in a keystroke. Kept in the browser's storage of this seat only.
 */
const KEEP = 12;
const key = (field: string) => `duty-recent-${field}`;

export function recentValues(field: string): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key(field)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string').slice(0, KEEP) : [];
  } catch {
    return [];
  }
}

export function rememberValues(field: string, values: readonly string[]): void {
  const next = [...new Set([...values, ...recentValues(field)])].slice(0, KEEP);
  try {
    localStorage.setItem(key(field), JSON.stringify(next));
  } catch {
    // Storage full or disabled: suggestions are a convenience, registration already succeeded.
  }
}
