/**
 * Print records: every print or PDF of an official form is recorded (who, when, which report
 * version, the record chain's code on its footer) and noted in the incident's timeline. Runs in the
 * transaction it is handed; the handler opens it, commits, then tells the UI.
 */
import type { ChannelArgs } from '../../../shared/ipc/contract';
import type { PrintRecord } from '../../../shared/ipc/channels/print';
import type { Queryable } from '../../db/connection';
import * as incidentsRepo from '../../db/incident-repository';
import { findPrintRecord, insertPrintRecord } from '../../db/report-repository';
import type { FeatureContext } from '../feature-context';
import { officerOf } from '../officer';

export type PrintJob = ChannelArgs<'print:pdf'>;

export class PrintService {
  constructor(private readonly ctx: FeatureContext) {}

  /** Returns the new record's id. */
  async record(
    q: Queryable,
    job: PrintJob,
    target: 'printer' | 'pdf',
    path: string | null,
    chainCode: string | null,
  ): Promise<number> {
    const duty = await officerOf(q);
    const at = this.ctx.now().toISOString();
    const id = await insertPrintRecord(q, {
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
        data: { printId: id },
        officer: duty.officer,
      });
    }
    return id;
  }

  async get(q: Queryable, id: number): Promise<PrintRecord> {
    const row = await findPrintRecord(q, id);
    if (!row) throw new Error(`print record ${id} vanished after its commit`);
    return row;
  }
}
