/**
 * The database password sealed by the operating system's keychain (Electron safeStorage) before
 * it is written to the data folder's 0600 password file (electron/db/database-url.ts). Where the
 * keychain is unavailable (a Linux session without a secret service), the 0600 file alone.
 */
import { safeStorage } from 'electron';
import { PLAIN_PASSWORD, type PasswordSealer } from '../db/database-url';

export async function databasePasswordSealer(): Promise<PasswordSealer> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return PLAIN_PASSWORD;
  return {
    scheme: 'safeStorage',
    seal: (text) => safeStorage.encryptStringAsync(text),
    unseal: async (sealed) => (await safeStorage.decryptStringAsync(sealed)).result,
  };
}
