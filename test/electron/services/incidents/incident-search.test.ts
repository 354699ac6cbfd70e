import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/ipc/dispatch';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';

describe('incident search takes what the officer typed literally', () => {
  const tempDir = useTempDirs();

  it('% and _ are characters, not wildcards, in the search and the place filter', async () => {
    const s = await makeServices(tempDir(), { now: () => new Date('2026-11-29T02:00:00.000Z') });
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const titles = ['排放超标100%', '排放超标1000吨', '泵站A_B线停运', '泵站AxB线停运', '反斜杠\\路径'];
    for (const title of titles)
      expect((await dispatch(s.handlers, 'incidents:create', { ...ENV_INPUT, title }, () => undefined)).ok).toBe(true);
    const found = async (search: string) =>
      (await s.incidents.list({ search, drills: 'include' })).map((i) => i.title).sort();

    expect(await found('100%')).toEqual(['排放超标100%']);
    expect(await found('%')).toEqual(['排放超标100%']);
    expect(await found('A_B')).toEqual(['泵站A_B线停运']);
    expect(await found('_')).toEqual(['泵站A_B线停运']);
    expect(await found('\\')).toEqual(['反斜杠\\路径']);
    expect(await found('泵站')).toEqual(['泵站AxB线停运', '泵站A_B线停运'].sort());

    expect(await s.incidents.list({ place: '%', drills: 'include' })).toEqual([]);
    expect(await s.incidents.list({ place: '_', drills: 'include' })).toEqual([]);
    expect(await s.incidents.list({ place: '山阴', drills: 'include' })).toHaveLength(titles.length);
    await s.close();
  });
});
