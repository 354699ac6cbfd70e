/**
 * A saved report version as it prints: the version's form plus the marks the chain gives it — the
 * 签发人 and 签发时间 once signed (草稿 until then), and for a 更正报告 the report it corrects with that report's
 * 报送时间, the correction's own 报送时间 and what it changes (朔政办发〔2021〕42号 4.1.2).
 */
import type { Report } from '../domain/report';
import type { CorrectionNote, FormInput } from '../forms/types';
import { FORM_CATALOGUE } from '../forms/catalogue';
import { diffContent, withData } from './prefill';

const planOf = (f: FormInput): string | undefined => (f.kind === 'info-report' ? f.data.plan : undefined);

export function printableReport(report: Report, chain: readonly Report[], version?: number): FormInput {
  const latest = report.versions.at(-1);
  const v = version === undefined ? latest : report.versions.find((x) => x.version === version);
  if (!v || !latest) throw new Error(`${report.label}没有第${version ?? ''}稿`);
  const marks: Record<string, unknown> = {};
  const removed: string[] = [];
  // Signing covers the latest version only: nothing is edited after 签发.
  if (report.signedBy && report.signedAt && v.version === latest.version)
    marks.signOff = { issuer: report.signedBy, issuedAt: report.signedAt };
  // A version not (yet) signed prints as 草稿: it must not pass for a signed paper.
  else marks.draft = true;
  // The 报送时间 on paper is the one the 报送 recorded, never the draft's: the sent version prints it,
  // any other version (or one not yet sent) leaves it blank to be filled in by hand.
  const sentAt = report.sentAt && v.version === (report.sentVersion ?? latest.version) ? report.sentAt : undefined;
  if (sentAt) marks.reportedAt = sentAt;
  else if (v.content.kind === 'info-report') marks.reportedAt = '';
  else removed.push('reportedAt');
  const corrected = report.correctsId === null ? undefined : chain.find((r) => r.id === report.correctsId);
  if (corrected) {
    const was = corrected.versions.find((x) => x.version === corrected.sentVersion) ?? corrected.versions.at(-1);
    const note: CorrectionNote = {
      correctsLabel: corrected.label,
      correctsTitle:
        corrected.formKind === 'info-report'
          ? '突发事件信息报告'
          : (FORM_CATALOGUE.find((c) => c.kind === corrected.formKind)?.title ?? corrected.label),
      correctsSentAt: corrected.sentAt ?? undefined,
      reportedAt: sentAt,
      items: was
        ? diffContent(was.content.data, v.content.data, v.content.kind, planOf(v.content)).map(
            (c) => `${c.label}：${c.before || '（空）'} → ${c.after || '（空）'}`,
          )
        : [],
    };
    marks.correction = note;
  }
  return withData(v.content, marks, removed);
}
