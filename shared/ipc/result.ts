/** Results cross IPC as plain data: Electron keeps only an Error's message, so errors are data too. */
export interface AppError {
  code: 'invalid_input' | 'not_found' | 'conflict' | 'forbidden' | 'internal';
  message: string;
  /** Per-field messages for forms (path joined with '.'). */
  issues?: { path: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppError): Result<never> => ({ ok: false, error });

/** Thrown inside services for an expected refusal; the dispatcher turns it into a Result. */
export class DomainError extends Error {
  constructor(
    readonly code: AppError['code'],
    message: string,
    readonly issues?: AppError['issues'],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
