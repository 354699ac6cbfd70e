/** The schedule:*, duty-log:* and handover:* channels: thin handlers over the three services. */
import type { ChannelArgs } from '../../../shared/ipc/contract';
import type { FeatureContext } from '../feature-context';
import { DutyLogService } from './duty-log-service';
import { HandoverService } from './handover-service';
import { ScheduleService } from './schedule-service';

export function createDutyHandlers(ctx: FeatureContext) {
  const schedule = new ScheduleService(ctx);
  const log = new DutyLogService(ctx);
  const handover = new HandoverService(ctx, schedule);
  return {
    'schedule:get': (a: ChannelArgs<'schedule:get'>) => schedule.get(a.month),
    'schedule:generate': (a: ChannelArgs<'schedule:generate'>) => schedule.generate(a),
    'schedule:swap': (a: ChannelArgs<'schedule:swap'>) => schedule.swap(a),
    'schedule:exchange': (a: ChannelArgs<'schedule:exchange'>) => schedule.exchange(a),
    'schedule:now': () => schedule.now(),
    'schedule:export': (a: ChannelArgs<'schedule:export'>) => schedule.export(a),
    'duty-log:get': (a: ChannelArgs<'duty-log:get'>) => log.view(a.day),
    'duty-log:add-remark': (a: ChannelArgs<'duty-log:add-remark'>) => log.addRemark(a),
    'duty-log:edit-remark': (a: ChannelArgs<'duty-log:edit-remark'>) => log.editRemark(a),
    'duty-log:export': (a: ChannelArgs<'duty-log:export'>) => log.export(a),
    'handover:draft': () => handover.draft(),
    'handover:create': (a: ChannelArgs<'handover:create'>) => handover.create(a),
    'handover:acknowledge': (a: ChannelArgs<'handover:acknowledge'>) => handover.acknowledge(a),
    'handover:cancel': (a: ChannelArgs<'handover:cancel'>) => handover.cancel(a),
    'handover:list': (a: ChannelArgs<'handover:list'>) => handover.list(a),
  };
}
