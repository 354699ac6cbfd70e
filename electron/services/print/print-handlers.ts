/** Print and PDF of official forms; every print is recorded (who, when, which report version). */
import type { ChannelArgs } from '../../../shared/ipc/contract';
import type { PrintRecord } from '../../../shared/ipc/channels/print';
import { DomainError } from '../../../shared/ipc/result';
import * as incidentsRepo from '../../db/incident-repository';
import { insertPrintRecord } from '../../db/report-repository';
import type { FeatureContext } from '../feature-context';
import { officerOf } from '../officer';

type Job = ChannelArgs<'print:pdf'>;

interface PrintRow {
  id: number;
  incident_id: number | null;
  report_id: number | null;
  report_version: number | null;
  form_kind: string;
  title: string;
  target: 'printer' | 'pdf';
  path: string | null;
  printed_at: string;
  officer: string;
}

const toRecord = (r: PrintRow): PrintRecord => ({
  id: r.id,
  incidentId: r.incident_id,
  reportId: r.report_id,
  reportVersion: r.report_version,
  formKind: r.form_kind,
  title: r.title,
  target: r.target,
  path: r.path,
  printedAt: r.printed_at,
  officer: r.officer,
});

export function createPrintHandlers(ctx: FeatureContext) {
  const record = async (job: Job, target: 'printer' | 'pdf', path: string | null): Promise<PrintRecord> => {
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
    const row = await ctx.db.read((q) => q.get<PrintRow>('SELECT * FROM print_records WHERE id = ?', [id]));
    return toRecord(row!);
  };

  const job = (a: Job) => ({ form: a.form as never, drill: a.drill, name: a.title });

  return {
    'print:pdf': async (a: Job) => {
      const path = await ctx.printer.savePdf(job(a));
      if (path) await record(a, 'pdf', path);
      return { path };
    },
    'print:print': async (a: Job) => {
      const printed = await ctx.printer.print(job(a));
      if (printed) await record(a, 'printer', null);
      return { printed };
    },
    'print:record': (a: Job) => record(a, 'printer', null),
    'print:history': async (a: ChannelArgs<'print:history'>) => {
      const rows = await ctx.db.read((q) =>
        a.incidentId
          ? q.all<PrintRow>('SELECT * FROM print_records WHERE incident_id = ? ORDER BY id DESC', [a.incidentId])
          : q.all<PrintRow>('SELECT * FROM print_records ORDER BY id DESC LIMIT 500'),
      );
      return rows.map(toRecord);
    },
  };
}
