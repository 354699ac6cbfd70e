// What a new 续报 or 终报 starts from once the chain holds corrections (42号 4.1.2(2)(3)): the chain's
// latest report, corrected where that very report was corrected; a correction of an earlier report
// never brings back the facts a later report replaced.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../../shared/domain/report';
import type { EnvironmentInfoContent, InfoReport } from '../../../../shared/forms/types';
import { useTempDirs } from '../../../helpers/temp-dir';
import { run as runner } from '../response/call';
import { ENV_INPUT, makeServices } from '../../../helpers/services';

const NOW = new Date('2026-11-29T02:00:00.000Z');

async function setup(dir: string) {
  const s = await makeServices(dir, { now: () => NOW });
  await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
  const inc = await s.incidents.create({
    ...ENV_INPUT,
    levelOverride: null,
    responseOverride: null,
    discoveredAt: null,
  });
  const run = runner(s.handlers);
  /** Saves the report's latest version with some content fields changed. */
  const edit = async (report: Report, content: Partial<EnvironmentInfoContent>) => {
    // every report of this environmental incident is an information report
    const data = report.versions.at(-1)!.content.data as InfoReport;
    return run<Report>('reports:save', {
      reportId: report.id,
      content: { kind: 'info-report', data: { ...data, content: { ...data.content, ...content } } },
    });
  };
  const signAndSend = async (report: Report) => {
    await run('reports:sign', { reportId: report.id, signedBy: '王副主任', signedAt: NOW.toISOString() });
    await run('reports:dispatch', {
      reportId: report.id,
      sentAt: NOW.toISOString(),
      sentTo: '市政府',
      channel: '书面',
      confirmedBy: '刘喆',
      clockIds: [],
    });
  };
  const draft = (kind: string) => run<Report>('reports:draft', { incidentId: inc.id, kind });
  const correct = (report: Report) => run<Report>('reports:correct', { reportId: report.id });
  // the content of this environmental incident's information reports
  const contentOf = (r: Report) => (r.versions.at(-1)!.content.data as InfoReport).content as EnvironmentInfoContent;
  return { s, edit, signAndSend, draft, correct, contentOf };
}

describe('what a later report starts from after a correction', () => {
  const tempDir = useTempDirs();

  it('a 终报 drafted after a correction of the 初报 starts from the 续报, not from the corrected 初报', async () => {
    const { s, edit, signAndSend, draft, correct, contentOf } = await setup(tempDir());
    const initial = await draft('初报');
    await signAndSend(initial);
    const follow = await edit(await draft('续报'), { casualtiesAndLoss: '死亡5人，中毒12人' });
    await signAndSend(follow);
    // The 初报's 单位名称 was wrong: corrected after the 续报 was sent.
    const correction = await edit(await correct(initial), { unitName: '山阴县某化工有限公司' });
    await signAndSend(correction);
    const final = await draft('终报');
    expect(contentOf(final).casualtiesAndLoss).toBe('死亡5人，中毒12人');
    await s.close();
  });

  it('a report drafted after a correction of the latest report starts from that correction', async () => {
    const { s, edit, signAndSend, draft, correct, contentOf } = await setup(tempDir());
    const initial = await draft('初报');
    await signAndSend(initial);
    const follow = await edit(await draft('续报'), { casualtiesAndLoss: '死亡5人，中毒12人' });
    await signAndSend(follow);
    const correction = await edit(await correct(follow), { casualtiesAndLoss: '死亡4人，中毒12人' });
    await signAndSend(correction);
    // The correction corrected again: the latest correction stands.
    await edit(await correct(correction), { casualtiesAndLoss: '死亡4人，中毒13人' });
    expect(contentOf(await draft('续报')).casualtiesAndLoss).toBe('死亡4人，中毒13人');
    await s.close();
  });
});

describe('what the list says a report changes', () => {
  const tempDir = useTempDirs();

  it('a correction lists its changes against the report it corrects; a later report against the one it builds on', async () => {
    const { s, edit, signAndSend, draft, correct } = await setup(tempDir());
    const initial = await draft('初报');
    await signAndSend(initial);
    const follow = await edit(await draft('续报'), {
      casualtiesAndLoss: '死亡5人，中毒12人',
      trendAndHandling: '死鱼范围扩大至下游3公里',
    });
    await signAndSend(follow);
    await edit(await correct(initial), { unitName: '山阴县某化工有限公司' });
    const second = await edit(await draft('续报'), { pollutants: '氨氮约2吨' });
    const list = await s.handlers['reports:list']({ incidentId: second.incidentId });
    const changes = (label: string) => list.find((r) => r.label === label)!.changesSincePrevious.map((c) => c.path);
    expect(changes('更正报告（第一次）')).toEqual(['content.unitName']);
    expect(changes('续报二')).toEqual(['content.pollutants']);
    await s.close();
  });
});
