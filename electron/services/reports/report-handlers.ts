/**
 * The reports:* channels over ReportService. Each call is one unit of work owned here: the service
 * checks and writes in the one transaction it is handed; the UI hears of the change only after the
 * COMMIT, and the report is then read back as committed.
 */
import type { ReportOutputs } from '../../../shared/ipc/channels/reports';
import type { Report } from '../../../shared/domain/report';
import type { Queryable } from '../../db/connection';
import type { Handlers } from '../../ipc/dispatch';
import type { FeatureContext } from '../feature-context';
import { ReportService } from './report-service';

export function createReportHandlers(ctx: FeatureContext): Pick<Handlers, keyof ReportOutputs> {
  const s = new ReportService(ctx);
  /** `work` returns the id of the report it wrote. */
  const write = async (work: (q: Queryable) => Promise<number>): Promise<Report> => {
    const id = await ctx.db.write(work);
    ctx.changed('reports');
    return ctx.db.read((q) => s.one(q, id));
  };
  return {
    'reports:list': (a) => ctx.db.read((q) => s.list(q, a.incidentId)),
    'reports:draft': (a) => write((q) => s.draft(q, a)),
    'reports:save': (a) => write((q) => s.save(q, a)),
    // 签发 is the leader's act: from a seat, the signer is the leader whose password granted it.
    'reports:sign': (a, call) =>
      write((q) => s.sign(q, call?.session?.grantedBy ? { ...a, signedBy: call.session.grantedBy.name } : a)),
    'reports:dispatch': (a) => write((q) => s.dispatch(q, a)),
    'reports:correct': (a) => write((q) => s.correct(q, a)),
  };
}
