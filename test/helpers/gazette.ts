/** The gazette the rules and rosters are transcribed from, read from the repository itself. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const GAZETTE_FILE = fileURLToPath(
  new URL('../../shared/rules/sources/shuozhou-gazette-2021-05.txt', import.meta.url),
);

/** The gazette's text exactly as stored. */
export const GAZETTE_TEXT = readFileSync(GAZETTE_FILE, 'utf8');
