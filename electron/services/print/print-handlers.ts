/** Print and PDF of official forms; every print is recorded (who, when, which report version). */
import type { Handlers } from '../../ipc/dispatch';
import type { PrintOutputs } from '../../../shared/ipc/channels/print';
import type { ChannelArgs } from '../../../shared/ipc/contract';
import type { FormInput } from '../../../shared/forms/types';
import type { PrintRecord } from '../../../shared/ipc/channels/print';
import * as incidentsRepo from '../../db/incident-repository';
import { findPrintRecord, insertPrintRecord } from '../../db/report-repository';
import type { FeatureContext } from '../feature-context';
import { officerOf } from '../officer';

type Job = ChannelArgs<'print:pdf'>;

export function createPrintHandlers(ctx: FeatureContext): Pick<Handlers, keyof PrintOutputs> {
  const record = async (
    job: Job,
    target: 'printer' | 'pdf',
    path: string | null,
    chainCode: string | null,
  ): Promise<PrintRecord> => {
    const id = await ctx.db.write(async (q) => {
      const duty = await officerOf(q);
      const at = ctx.now().toISOString();
      const newId = await insertPrintRecord(q, {
        incidentId: job.incidentId ?? null,
        reportId: job.reportId ?? null,
        reportVersion: job.reportVersion ?? null,
        formKind: job.form.kind,
        title: job.title,
        target,
        path,
        at,
        officer: duty.officer,
        chainCode,
      });
      if (job.incidentId) {
        await incidentsRepo.insertTimeline(q, {
          incidentId: job.incidentId,
          at,
          kind: 'print',
          text: `${target === 'pdf' ? '导出PDF' : '打印'}：${job.title}${job.reportVersion ? `（第${job.reportVersion}稿）` : ''}${path ? `，${path}` : ''}`,
          data: { printId: newId },
          officer: duty.officer,
        });
      }
      return newId;
    });
    ctx.changed('print');
    const row = await ctx.db.read((q) => findPrintRecord(q, id));
    if (!row) throw new Error(`print record ${id} vanished after its commit`);
    return row;
  };

  // The IPC schema checks the form's kind and bounds its data; the data's shape per kind is the form
  // renderer's to check (shared/forms/render.ts), so here it is taken as the kind says.
  // The chain's head at print time goes on the form's footer and into the print record (issue 18).
  const job = (a: Job, chainCode: string | null) => ({
    form: a.form as FormInput,
    drill: a.drill,
    name: a.title,
    chainCode,
  });
  const code = async (): Promise<string | null> => (ctx.integrity ? ctx.integrity.headCode() : null);

  return {
    'print:pdf': async (a) => {
      const chainCode = await code();
      const path = await ctx.printer.savePdf(job(a, chainCode));
      if (path) await record(a, 'pdf', path, chainCode);
      return { path };
    },
    'print:print': async (a) => {
      const chainCode = await code();
      const printed = await ctx.printer.print(job(a, chainCode));
      if (printed) await record(a, 'printer', null, chainCode);
      return { printed };
    },
    // The page printed itself (the browser's dialog) with the code it was given.
    'print:record': (a) => record(a, 'printer', null, a.chainCode ?? null),
  };
}
