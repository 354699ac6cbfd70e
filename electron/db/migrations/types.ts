export interface Migration {
  /** Equals the file's number; PRAGMA user_version after it has run. */
  version: number;
  name: string;
  sql: string;
}
