/**
 * The schedule:*, duty-log:* and handover:* channels over the three services. Each call is one unit
 * of work owned here: the service reads and writes in the transaction it is handed; the UI hears of
 * a change only after the COMMIT, and the result is then read back as committed.
 */
import type { DutyOutputs } from '../../../shared/ipc/channels/duty';
import type { Queryable } from '../../db/connection';
import type { Handlers } from '../../ipc/dispatch';
import { officersOfSeat } from '../accounts/account-handlers';
import type { FeatureContext } from '../feature-context';
import { DutyLogService } from './duty-log-service';
import { HandoverService } from './handover-service';
import { ScheduleService } from './schedule-service';

export function createDutyHandlers(ctx: FeatureContext): Pick<Handlers, keyof DutyOutputs> {
  const schedule = new ScheduleService(ctx);
  const log = new DutyLogService(ctx);
  const handover = new HandoverService(ctx, schedule);
  const read = <T>(work: (q: Queryable) => Promise<T>): Promise<T> => ctx.db.read(work);
  /** `work` returns the key of what it changed; `changed` names what the UI is told after the commit. */
  const write = async <K>(work: (q: Queryable) => Promise<K>, ...changed: string[]): Promise<K> => {
    const key = await ctx.db.write(work);
    for (const what of changed) ctx.changed(what);
    return key;
  };
  const month = async (work: (q: Queryable) => Promise<string>) => {
    const m = await write(work, 'schedule');
    return read((q) => schedule.get(q, m));
  };
  const day = async (work: (q: Queryable) => Promise<string>) => {
    const d = await write(work, 'duty-log');
    return read((q) => log.view(q, d));
  };
  const sheet = async (work: (q: Queryable) => Promise<number>, ...changed: string[]) => {
    const id = await write(work, ...changed);
    return read((q) => handover.get(q, id));
  };
  return {
    'schedule:get': (a) => read((q) => schedule.get(q, a.month)),
    'schedule:generate': (a) => month((q) => schedule.generate(q, a)),
    'schedule:swap': (a) => month((q) => schedule.swap(q, a)),
    'schedule:exchange': (a) => month((q) => schedule.exchange(q, a)),
    'schedule:now': () => read((q) => schedule.now(q)),
    'schedule:export': async (a) => schedule.export(await read((q) => schedule.get(q, a.month)), a),
    'duty-log:get': (a) => read((q) => log.view(q, a.day)),
    'duty-log:add-remark': (a) => day((q) => log.addRemark(q, a)),
    'duty-log:edit-remark': (a) => day((q) => log.editRemark(q, a)),
    'duty-log:export': async (a) => log.export(await read((q) => log.compile(q, a.day, a.toDay ?? a.day)), a),
    'handover:draft': () => read((q) => handover.draft(q)),
    'handover:create': (a) => sheet((q) => handover.create(q, a), 'handover'),
    // The incoming officers' acknowledgement is their log-in at this seat, not typed names.
    'handover:acknowledge': (a, call) => {
      const incoming = officersOfSeat(a, call);
      return sheet((q) => handover.acknowledge(q, incoming), 'duty', 'handover');
    },
    'handover:cancel': (a) => sheet((q) => handover.cancel(q, a), 'handover'),
    'handover:list': (a) => read((q) => handover.list(q, a)),
  };
}
