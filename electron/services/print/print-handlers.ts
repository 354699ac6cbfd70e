/**
 * Print and PDF of official forms over PrintService. The printer or the save dialog runs first,
 * outside any transaction; then the record is one unit of work owned here, and the UI hears of it
 * after the COMMIT.
 */
import type { Handlers } from '../../ipc/dispatch';
import type { PrintOutputs } from '../../../shared/ipc/channels/print';
import type { FormInput } from '../../../shared/forms/types';
import type { PrintRecord } from '../../../shared/ipc/channels/print';
import type { FeatureContext } from '../feature-context';
import { PrintService, type PrintJob as Job } from './print-service';

export function createPrintHandlers(ctx: FeatureContext): Pick<Handlers, keyof PrintOutputs> {
  const s = new PrintService(ctx);
  const record = async (
    job: Job,
    target: 'printer' | 'pdf',
    path: string | null,
    chainCode: string | null,
  ): Promise<PrintRecord> => {
    const id = await ctx.db.write((q) => s.record(q, job, target, path, chainCode));
    ctx.changed('print');
    return ctx.db.read((q) => s.get(q, id));
  };

  // The IPC schema checks the form's kind and bounds its data; the data's shape per kind is the form
  // renderer's to check (shared/forms/render.ts), so here it is taken as the kind says.
  // The chain's head at print time goes on the form's footer and into the print record (issue 18).
  const job = (a: Job, chainCode: string | null) => ({
    // Taken as its kind says (see above): render.ts checks the data per kind.
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
