/**
 * The rosters:* channels over RosterService and RosterFiles. Each call is one unit of work owned
 * here: the service reads and writes in the transaction it is handed; the UI hears of a change only
 * after the COMMIT, and the result is then read back as committed.
 */
import type { SeedReport } from '../../../shared/domain/roster';
import type { RosterOutputs } from '../../../shared/ipc/channels/rosters';
import type { Queryable } from '../../db/connection';
import type { Handlers } from '../../ipc/dispatch';
import type { FeatureContext } from '../feature-context';
import { RosterFiles } from './roster-files';
import { RosterService } from './roster-service';

export function createRosterHandlers(ctx: FeatureContext): Pick<Handlers, keyof RosterOutputs> {
  const s = new RosterService(ctx);
  const files = new RosterFiles(ctx, s);
  // The gazette's entries are brought in line once per process, before the first roster access.
  let seeded: Promise<SeedReport> | null = null;
  const ensureSeeded = (): Promise<SeedReport> => {
    if (!seeded) {
      seeded = ctx.db.write((q) => s.seed(q));
      seeded.catch(() => (seeded = null));
    }
    return seeded;
  };
  const read = async <T>(work: (q: Queryable) => Promise<T>): Promise<T> => {
    await ensureSeeded();
    return ctx.db.read(work);
  };
  const write = async <T>(work: (q: Queryable) => Promise<T>, changed: string): Promise<T> => {
    await ensureSeeded();
    const done = await ctx.db.write(work);
    ctx.changed(changed);
    return done;
  };
  const contact = async (work: (q: Queryable) => Promise<number>) => {
    const id = await write(work, 'rosters');
    return ctx.db.read((q) => s.contact(q, id));
  };
  return {
    'rosters:list': () => read((q) => s.list(q)),
    'rosters:get': (a) => read((q) => s.get(q, a.rosterId, a.includeEnded)),
    'rosters:search': (a) => read((q) => s.search(q, a.query, a.rosterId)),
    'rosters:save-contact': (a) => contact((q) => s.saveContact(q, a)),
    'rosters:end-contact': (a) => contact((q) => s.endContact(q, a)),
    'rosters:history': (a) => ctx.db.read((q) => s.history(q, a)),
    'rosters:call-list': (a) => read((q) => s.callList(q, a)),
    'rosters:record-call': async (a) => {
      const id = await write((q) => s.recordCall(q, a), 'incidents');
      return ctx.db.read((q) => ctx.incidents.get(q, id));
    },
    'rosters:import-preview': async (a) => {
      const rows = await files.read(a);
      return read((q) => files.preview(q, a, rows));
    },
    'rosters:import-apply': async (a) => {
      const rows = await files.read(a);
      return write((q) => files.apply(q, a, rows), 'rosters');
    },
    'rosters:export': async (a) => files.export(await read((q) => s.contacts(q)), a),
    'rosters:print-data': (a) => read((q) => s.printData(q, a.rosterId)),
    'rosters:seed': () => ctx.db.write((q) => s.seed(q)),
  };
}
