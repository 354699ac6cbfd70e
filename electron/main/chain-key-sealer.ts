/**
 * The record chain's key sealed by the operating system's keychain (Electron safeStorage) before it
 * is written to its 0600 file beside the data folder (services/integrity/chain-key.ts, issue 18).
 * Where the keychain is unavailable (a Linux session without a secret service), the 0600 file alone.
 */
import { safeStorage } from 'electron';
import { PLAIN_SEALER, type KeySealer } from '../services/integrity/chain-key';

export function chainKeySealer(): KeySealer {
  if (!safeStorage.isEncryptionAvailable()) return PLAIN_SEALER;
  return {
    scheme: 'safeStorage',
    seal: (key) => safeStorage.encryptString(key.toString('base64')),
    unseal: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
