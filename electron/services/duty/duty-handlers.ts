/** The schedule:*, duty-log:* and handover:* channels: thin handlers over the three services. */
import type { DutyOutputs } from '../../../shared/ipc/channels/duty';
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
  return {
    'schedule:get': (a) => schedule.get(a.month),
    'schedule:generate': (a) => schedule.generate(a),
    'schedule:swap': (a) => schedule.swap(a),
    'schedule:exchange': (a) => schedule.exchange(a),
    'schedule:now': () => schedule.now(),
    'schedule:export': (a) => schedule.export(a),
    'duty-log:get': (a) => log.view(a.day),
    'duty-log:add-remark': (a) => log.addRemark(a),
    'duty-log:edit-remark': (a) => log.editRemark(a),
    'duty-log:export': (a) => log.export(a),
    'handover:draft': () => handover.draft(),
    'handover:create': (a) => handover.create(a),
    // The incoming officers' acknowledgement is their log-in at this seat, not typed names.
    'handover:acknowledge': (a, call) => handover.acknowledge(officersOfSeat(a, call)),
    'handover:cancel': (a) => handover.cancel(a),
    'handover:list': (a) => handover.list(a),
  };
}
