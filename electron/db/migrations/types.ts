export interface Migration {
  /** Equals the file's number; PRAGMA user_version after it has run. */
  version: number;
  name: string;
  /** The SQLite body. */
  sql: string;
  /**
   * The PostgreSQL body (pg-migrate.ts), written with `pgSchema` from postgres-baseline.ts.
   * Required from the first migration after POSTGRES_BASELINE_VERSION; the ones up to it are in
   * the baseline.
   */
  postgres?: string;
}
