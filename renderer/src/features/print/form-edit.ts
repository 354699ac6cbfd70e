/** Reads an edit made in the preview back into the form's data, by the data-field path the form marks. */
export function setByPath(data: Record<string, unknown>, path: string, raw: string | boolean): Record<string, unknown> {
  const copy = structuredClone(data);
  const keys = path.split('.');
  let node: Record<string, unknown> | unknown[] = copy;
  for (const k of keys.slice(0, -1)) {
    const next = (node as Record<string, unknown>)[k];
    if (next === null || typeof next !== 'object') return copy;
    node = next as Record<string, unknown>;
  }
  const last = keys.at(-1)!;
  const old = (node as Record<string, unknown>)[last];
  let value: unknown = raw;
  if (typeof raw === 'string' && typeof old === 'number') {
    const n = Number(raw.trim());
    value = raw.trim() === '' || !Number.isFinite(n) ? undefined : n;
  }
  (node as Record<string, unknown>)[last] = value;
  return copy;
}
