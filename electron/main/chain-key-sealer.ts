/**
 * The record chain's key sealed by the operating system's keychain (Electron safeStorage) before it
 * is written to its 0600 file beside the data folder (services/integrity/chain-key.ts, issue 18).
 * Where the keychain is unavailable (a Linux session without a secret service), the 0600 file alone.
 */
import { safeStorage } from 'electron';
import { PLAIN_SEALER, type KeySealer } from '../services/integrity/chain-key';

export async function chainKeySealer(): Promise<KeySealer> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return PLAIN_SEALER;
  return {
    scheme: 'safeStorage',
    seal: (key) => safeStorage.encryptStringAsync(key.toString('base64')),
    unseal: async (sealed) => Buffer.from((await safeStorage.decryptStringAsync(sealed)).result, 'base64'),
  };
}
