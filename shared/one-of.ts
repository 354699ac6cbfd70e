/** Whether a value from outside (IPC, a file, a stored row) is one of a list's literals; narrows it. */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  // includes() accepts only T; widening the list lets it be asked about any string.
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
