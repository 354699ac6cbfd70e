import { createAppServices } from '../../electron/services/app-services';
import type { AppServices } from '../../electron/services/app-services';
import { webHostPrinter } from '../../electron/print/printer';
import { freshDatabaseUrl, ON_POSTGRES } from './postgres';

/** On PostgreSQL, one database per data folder: services restarted on the same folder find their data. */
const schemas = new Map<string, Promise<string>>();
function schemaOf(dataDir: string): Promise<string> {
  let url = schemas.get(dataDir);
  if (!url) {
    url = freshDatabaseUrl();
    schemas.set(dataDir, url);
  }
  return url;
}

/** Real services on a fresh folder, on a settable clock, with the alarm engine off unless asked. */
export async function makeServices(
  dataDir: string,
  opts: { now?: () => Date; alarms?: boolean } = {},
): Promise<AppServices> {
  return createAppServices({
    dataDir,
    host: 'web',
    printer: webHostPrinter(dataDir),
    now: opts.now,
    alarms: opts.alarms ?? false,
    // The 'postgres' test project runs the same suites on a fresh database of the test server.
    databaseUrl: ON_POSTGRES ? await schemaOf(dataDir) : undefined,
  });
}

export const ENV_INPUT = {
  category: 'environment' as const,
  title: '桑干河支流水体异常',
  places: ['山阴县'],
  occurredAt: '2026-11-29T01:00:00.000Z',
  receivedAt: '2026-11-29T01:20:00.000Z',
  reporterUnit: '山阴县生态环境局',
  reporterName: '王镕',
  reporterPhone: '0349-1234567',
  receiveChannel: '电话' as const,
  narrative: '河段出现大面积死鱼',
  facts: { deaths: 0, poisonedOrInjured: 12 },
  drill: false,
};
