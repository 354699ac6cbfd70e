/** Browser-side file helper: the main process reads roster files; this only moves bytes. */

/** Reads a chosen file as base64 (chunked: String.fromCharCode on a whole file overflows the stack). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
