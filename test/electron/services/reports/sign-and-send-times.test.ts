// A report is signed after the version signed was saved, and sent after it was signed: a time
// before either is refused in Chinese and changes nothing.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../../shared/domain/report';
import { useTempDirs } from '../../../helpers/temp-dir';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { clock, run as runner } from '../response/call';

/** Beijing time on the day of the test, as stored (UTC ISO). */
const bj = (hms: string) => new Date(`2026-11-29T${hms}+08:00`).toISOString();

describe('the 签发 and 报送 times of a report', () => {
  const tempDir = useTempDirs();

  it('refuses a 签发 before the signed version was saved and a 报送 before the 签发, changing nothing', async () => {
    const t = clock(bj('15:09:00'));
    const s = await makeServices(tempDir(), { now: t.now });
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const inc = await s.incidents.create({
      ...ENV_INPUT,
      levelOverride: null,
      responseOverride: null,
      discoveredAt: null,
    });
    const run = runner(s.handlers);
    const draft = await run<Report>('reports:draft', { incidentId: inc.id, kind: '初报' });
    // The 第2稿 saved at 15:15:40.
    t.set(bj('15:15:40'));
    await run('reports:save', { reportId: draft.id, content: draft.versions[0]!.content });
    t.set(bj('15:20:00'));
    const sign = (hms: string) =>
      run<Report>('reports:sign', { reportId: draft.id, signedBy: '王副主任', signedAt: bj(hms) });
    await expect(sign('15:13:00')).rejects.toThrow('签发时间不能早于该稿保存时间（第2稿，2026年11月29日 15:15）');
    const [unsigned] = await run<Report[]>('reports:list', { incidentId: inc.id });
    expect(unsigned).toMatchObject({ status: 'draft', signedAt: null, signedBy: null });
    // Typed to the minute, the minute it was saved in is allowed.
    expect((await sign('15:15:00')).status).toBe('signed');

    const send = (hms: string) =>
      run<Report>('reports:dispatch', {
        reportId: draft.id,
        sentAt: bj(hms),
        sentTo: '市政府',
        channel: '书面',
        confirmedBy: '刘喆',
        clockIds: [],
      });
    await expect(send('15:14:00')).rejects.toThrow('报送时间不能早于签发时间（2026年11月29日 15:15）');
    const [unsent] = await run<Report[]>('reports:list', { incidentId: inc.id });
    expect(unsent).toMatchObject({ status: 'signed', sentAt: null });
    expect((await send('15:16:00')).sentAt).toBe(bj('15:16:00'));
    await s.close();
  });
});
