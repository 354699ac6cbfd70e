/** Printing official forms: PDF written by the main process, and a record of every print. */
import { z } from 'zod';
import { required } from '../schemas';
import { formInputSchema } from './reports';

const id = z.number().int().positive();
const job = z.object({
  form: formInputSchema,
  drill: z.boolean().default(false),
  title: required('打印标题', 120),
  incidentId: id.optional(),
  reportId: id.optional(),
  reportVersion: id.optional(),
  /** The chain's short code the page printed (print:record only; the main process prints its own). */
  chainCode: z
    .string()
    .regex(/^[0-9A-F]{4}-[0-9A-F]{4}$/, '核验码格式不对')
    .optional(),
});

export const printChannels = {
  /** Renders and writes a PDF; the path (or null when the officer cancelled the save dialog). */
  'print:pdf': job,
  /** Sends the form to the system print dialog where the host has one; false otherwise. */
  'print:print': job,
  /** Records a print made by the page itself (the browser's own print dialog). */
  'print:record': job,
} as const;

export interface PrintRecord {
  id: number;
  incidentId: number | null;
  reportId: number | null;
  reportVersion: number | null;
  formKind: string;
  title: string;
  target: 'printer' | 'pdf';
  path: string | null;
  printedAt: string;
  officer: string;
  /** The record chain's short code printed on the form (issue 18); null on records from before it. */
  chainCode?: string | null;
  /** The seat it was printed at; null on records from before seats were recorded (issue 17). */
  seatName?: string | null;
}

export interface PrintOutputs {
  'print:pdf': { path: string | null };
  'print:print': { printed: boolean };
  'print:record': PrintRecord;
}
