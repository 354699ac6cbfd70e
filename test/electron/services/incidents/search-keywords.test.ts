import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/ipc/dispatch';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';

describe('incident search with several keywords', () => {
  const tempDir = useTempDirs();

  it('平鲁 探伤 finds the incidents containing both, each in any field; a query over the limit is refused in Chinese', async () => {
    const s = await makeServices(tempDir(), { now: () => new Date('2026-11-29T02:00:00.000Z') });
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const inputs = [
      { title: '探伤机放射源丢失', places: ['平鲁区'] },
      { title: '探伤作业人员受照', places: ['应县'] },
      { title: '平鲁区河道油污', places: ['平鲁区'] },
      { title: '工地射线装置故障', places: ['平鲁区'], narrative: '现场为探伤作业' },
    ];
    for (const i of inputs)
      expect((await dispatch(s.handlers, 'incidents:create', { ...ENV_INPUT, ...i }, () => undefined)).ok).toBe(true);
    const found = async (search: string) =>
      (await s.incidents.list({ search, drills: 'include' })).map((i) => i.title).sort();

    expect(await found('平鲁 探伤')).toEqual(['工地射线装置故障', '探伤机放射源丢失'].sort());
    expect(await found('平鲁\u3000探伤  ')).toEqual(await found('平鲁 探伤'));
    expect(await found('探伤')).toHaveLength(3);
    expect(await found('平鲁 探伤 河道')).toEqual([]);

    const tooLong = await dispatch(s.handlers, 'incidents:list', { search: '字'.repeat(101) }, () => undefined);
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok) expect(tooLong.error.message).toContain('搜索不能超过100字');
    await s.close();
  });
});
