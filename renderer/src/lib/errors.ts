/** The message to show for a caught value: an Error's own message (ApiError's is Chinese), else its text. */
export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));
