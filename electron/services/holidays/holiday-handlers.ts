/** The holidays:* channels: one unit of work per call, the schedule told after the COMMIT. */
import type { HolidayOutputs } from '../../../shared/ipc/channels/holidays';
import type { Handlers } from '../../ipc/dispatch';
import type { FeatureContext } from '../feature-context';
import { deleteNotice, listNotices, saveNotice } from './holiday-service';

export function createHolidayHandlers(ctx: FeatureContext): Pick<Handlers, keyof HolidayOutputs> {
  return {
    'holidays:list': () => ctx.db.read((q) => listNotices(q)),
    'holidays:save': async (a, call) => {
      const saved = await ctx.db.write((q) => saveNotice(q, a, call, ctx.now()));
      ctx.changed('schedule');
      return saved;
    },
    'holidays:delete': async (a, call) => {
      const done = await ctx.db.write((q) => deleteNotice(q, a, call, ctx.now()));
      ctx.changed('schedule');
      return done;
    },
  };
}
