// The times a report of the chain prints: its 报送时间 is the one its 报送 recorded, never the
// moment its draft was made, so a report and the 更正报告 that names it agree on paper.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/ipc/dispatch';
import type { Report } from '../../../../shared/domain/report';
import { renderForm } from '../../../../shared/forms/render';
import { printableReport } from '../../../../shared/reports/printable';
import { useTempDirs } from '../../../helpers/temp-dir';
import { ENV_INPUT, makeServices } from '../../../helpers/services';

const RADIATION_INPUT = {
  ...ENV_INPUT,
  category: 'radiation' as const,
  title: '朔城区选煤厂核子秤放射源丢失',
  places: ['朔城区'],
  narrative: '检修时发现核子秤铅罐开启、放射源缺失',
  facts: { sourceClass: 4, sourceEvent: 'lost', peopleExposed: true },
};

/** A clock the test moves: each step of the chain happens at the minute it names. */
function clock(start: string) {
  let now = new Date(start);
  return { now: () => now, set: (iso: string) => void (now = new Date(iso)) };
}

async function setup(dir: string, input: typeof ENV_INPUT | typeof RADIATION_INPUT) {
  const time = clock('2026-11-29T07:05:00.000Z');
  const s = await makeServices(dir, { now: time.now });
  await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
  const inc = await s.incidents.create({ ...input, levelOverride: null, responseOverride: null, discoveredAt: null });
  const run = async <T>(channel: string, args: unknown): Promise<T> => {
    const r = await dispatch(s.handlers, channel, args, () => undefined);
    if (!r.ok) throw new Error(r.error.message);
    // an ok answer carries the channel's declared output; the caller names it
    return r.value as T;
  };
  return { s, inc, run, time };
}

/** The paper's text: the rendered HTML without its tags. */
const paper = (report: Report, chain: Report[]): string =>
  renderForm(printableReport(report, chain), { fontBaseUrl: './' })
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/[ \n]+/g, '');

describe('the 报送时间 on paper', () => {
  const tempDir = useTempDirs();

  for (const [name, input] of [
    ['an information report', ENV_INPUT],
    ['a radiation report', RADIATION_INPUT],
  ] as const) {
    it(`${name} prints the time it was sent, blank before, and its correction names the same time`, async () => {
      const { s, inc, run, time } = await setup(tempDir(), input);
      // Drafted 15:09 Beijing, signed 15:10, sent 15:11.
      time.set('2026-11-29T07:09:00.000Z');
      const draft = await run<Report>('reports:draft', { incidentId: inc.id, kind: '初报' });
      const unsent = paper(draft, [draft]);
      expect(unsent).not.toContain('15时09分');
      expect(unsent).toContain('　　年　　月　　日　　时　　分');
      time.set('2026-11-29T07:10:00.000Z');
      await run('reports:sign', { reportId: draft.id, signedBy: '王副主任', signedAt: '2026-11-29T07:10:00.000Z' });
      time.set('2026-11-29T07:11:30.000Z');
      await run('reports:dispatch', {
        reportId: draft.id,
        sentAt: '2026-11-29T07:11:00.000Z',
        sentTo: '市政府',
        channel: '书面',
        confirmedBy: '刘喆',
        clockIds: [],
      });
      const sentChain = await run<Report[]>('reports:list', { incidentId: inc.id });
      const sent = paper(sentChain[0]!, sentChain);
      expect(sent).toContain('2026年11月29日15时11分');
      expect(sent).not.toContain('15时09分');
      // The correction, drafted 15:20, names the 初报 as sent 15:11, and has no 报送时间 of its own yet.
      time.set('2026-11-29T07:20:00.000Z');
      const correction = await run<Report>('reports:correct', { reportId: draft.id });
      const chain = await run<Report[]>('reports:list', { incidentId: inc.id });
      const banner = paper(correction, chain);
      expect(banner).toContain('本报告更正2026年11月29日15时11分报送的');
      expect(banner).toContain('本更正报告报送时间：　　年　　月　　日　　时　　分');
      expect(banner).not.toContain('15时20分');
      // The original paper is unchanged by the correction.
      expect(paper(chain[0]!, chain)).toContain('2026年11月29日15时11分');
      await s.close();
    });
  }

  it('a version not yet signed prints as 草稿, with the 签发人 typed in it; the signed version does not', async () => {
    const { s, inc, run } = await setup(tempDir(), ENV_INPUT);
    const draft = await run<Report>('reports:draft', { incidentId: inc.id, kind: '初报' });
    const typed = structuredClone(draft.versions[0]!.content);
    // an information report's header has its 签发人 field
    (typed.data as { issuer: string }).issuer = '王某某';
    const saved = await run<Report>('reports:save', { reportId: draft.id, content: typed });
    expect(paper(saved, [saved])).toMatch(/^草稿/);
    expect(paper(saved, [saved])).toContain('签发人：王某某');
    const signed = await run<Report>('reports:sign', {
      reportId: draft.id,
      signedBy: '王副主任',
      signedAt: '2026-11-29T07:05:00.000Z',
    });
    expect(paper(signed, [signed])).not.toContain('草稿');
    // The earlier version was never signed: printed on its own, it is still a draft.
    const first = renderForm(printableReport(signed, [signed], 1), { fontBaseUrl: './' });
    expect(first).toContain('data-draft="true"');
    await s.close();
  });
});
