/**
 * The web host's token, kept in the data folder so an open page survives a restart of the services.
 * The file is readable by its owner only (0600); a new token replaces it atomically.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';

export const TOKEN_FILE = 'web-token';

const TOKEN_PATTERN = /^[0-9a-f]{48}$/;

export const newToken = (): string => randomBytes(24).toString('hex');

/** Writes the token to a temp file with mode 0600, then renames it over the old one. */
export function saveToken(file: string, token: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${token}\n`, { mode: 0o600 });
  // writeFileSync's mode is filtered by the umask and ignored for an existing file.
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

/** The token kept in `file`; a missing or damaged file gets a new token. Loose permissions are tightened. */
export function loadOrCreateToken(file: string): string {
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (TOKEN_PATTERN.test(token)) {
      if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      return token;
    }
  }
  const token = newToken();
  saveToken(file, token);
  return token;
}
