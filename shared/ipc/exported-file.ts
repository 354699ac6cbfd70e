/**
 * The one shape of a file an export wrote, whatever the feature (incidents, statistics, duty log,
 * schedule): the main process writes it (electron/exports/export-file.ts) and the page offers the
 * same bytes as a download (renderer/src/lib/download.ts).
 */
export interface ExportedFile {
  fileName: string;
  /** Where it was written: <dataDir>/exports/…, or where the officer chose in a save dialog (PDF under Electron). */
  path: string;
  mime: string;
  bytes: number;
  /** What was exported: incidents, timeline entries of one incident, duty-log records, shifts. */
  count: number;
  /** The same bytes, for the page to offer as a download. */
  contentBase64: string;
}

/** A file written into the exports folder and left there (too large to send back): its name and where. */
export type SavedFile = Omit<ExportedFile, 'contentBase64'>;
