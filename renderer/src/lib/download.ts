import type { ExportedFile } from '../../../shared/ipc/exported-file';

/** Decodes base64 (as the main process sends a file's bytes) into bytes for a Blob. */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** An object URL for bytes the main process wrote; the caller revokes it when done with it. */
export function fileUrl(base64: string, mime: string): string {
  return URL.createObjectURL(new Blob([bytesOfBase64(base64)], { type: mime }));
}

/** Offers bytes the main process wrote as a download in the page (Blob + object URL + <a download>). */
export function offerDownload(f: Pick<ExportedFile, 'contentBase64' | 'fileName' | 'mime'>): void {
  const url = fileUrl(f.contentBase64, f.mime);
  const a = document.createElement('a');
  a.href = url;
  a.download = f.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
