/**
 * The message of anything thrown. `catch (err)` gives `unknown`: our code and the libraries throw
 * Errors, but a thrown string or other value must still yield readable text.
 */
export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  try {
    // JSON.stringify gives undefined for undefined and functions, though its type says string.
    return JSON.stringify(err) || String(err);
  } catch {
    return String(err);
  }
}
