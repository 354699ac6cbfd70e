/** Every migration in order. To add one: create NNNN-what.ts, append it here, add its test. */
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-alarms';
import { migration0003 } from './0003-reports';
import { migration0004 } from './0004-rosters';
import { migration0005 } from './0005-duty';
import { migration0006 } from './0006-response';
import { migration0007 } from './0007-registration-entry';
import { migration0008 } from './0008-registration-without-trigger';
import { migration0009 } from './0009-obligations';
import { migration0010 } from './0010-accounts';
import { migration0011 } from './0011-history-indexes';
import { migration0012 } from './0012-chain';
import { migration0013 } from './0013-serial-counters';
import { migration0014 } from './0014-seats-and-versions';
import { migration0015 } from './0015-holiday-notices';
import { migration0016 } from './0016-derived';
import { migration0017 } from './0017-record-versions';
import { migration0018 } from './0018-record-accounts';
import { migration0019 } from './0019-stats-aggregates';
import { migration0020 } from './0020-last-record-accounts';
import { migration0021 } from './0021-search-bigrams';
import { migration0022 } from './0022-granting-leader';
import { migration0023 } from './0023-received-index';
import { migration0024 } from './0024-alarm-acks-time';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
  migration0020,
  migration0021,
  migration0022,
  migration0023,
  migration0024,
];
/** The last migration's version; the list above is never empty. */
export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
