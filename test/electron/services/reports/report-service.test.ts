import { describe, expect, it } from 'vitest';
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
  return { s, inc, run };
}

type R = {
  id: number;
  label: string;
  status: string;
  versions: { version: number; content: { kind: string; data: Record<string, unknown> } }[];
  changesSincePrevious: { path: string; label: string; before: string; after: string }[];
  sentVersion: number | null;
};

const RADIATION_INPUT = {
  category: 'radiation' as const,
  title: '朔城区选煤厂核子秤放射源丢失',
  places: ['朔城区'],
  occurredAt: '2026-11-29T00:30:00.000Z',
  receivedAt: '2026-11-29T01:00:00.000Z',
  discoveredAt: null,
  reporterUnit: '朔城区生态环境分局',
  reporterName: '王镕',
  reporterPhone: '0349-2012345',
  receiveChannel: '电话' as const,
  narrative: '检修时发现核子秤铅罐开启、放射源缺失',
  facts: { sourceClass: 4, sourceEvent: 'lost', peopleExposed: true },
  drill: false,
  levelOverride: null,
  responseOverride: null,
};

/** Every field of 附件4 typed by the officer, two source rows and a device row included. */
function typedInitial(data: Record<string, unknown>) {
  return {
    ...data,
    unitName: '山西朔州某某选煤有限公司',
    legalRepresentative: '李堃',
    address: '朔州市朔城区开发北路88号',
    postCode: '036000',
    phone: '0349-2012345',
    fax: '0349-2012346',
    contact: '赵珺',
    licenceNumber: '晋环辐证〔F0123〕',
    licenceAuthority: '山西省生态环境厅',
    place: '朔城区开发北路选煤车间3号皮带秤',
    accidentType: {
      exposure: true,
      contamination: true,
      exposedCount: 2,
      contaminatedCount: 1,
      lost: true,
      stolen: false,
      outOfControl: false,
      sourceCount: 2,
      radioactivePollution: false,
    },
    sources: [
      {
        nuclide: 'Cs-137',
        factoryActivityBq: '1.11E+10',
        factoryDate: '2015-03-18',
        sourceCode: '0315CS012345',
        activityAtAccidentBq: '9.10E+09',
        unsealedState: '',
      },
      {
        nuclide: 'Am-241',
        factoryActivityBq: '3.7E+09',
        factoryDate: '2016年',
        sourceCode: '0316AM000777',
        activityAtAccidentBq: '3.6E+09',
        unsealedState: '固态',
      },
    ],
    devices: [
      {
        name: 'X射线探伤机',
        model: 'XXG-2505',
        maker: '丹东某某仪器厂',
        serial: 'DD-2019-0456',
        place: '检修车间',
        mainParameters: '5mA / 250kV',
      },
    ],
    narrative: '14时许检修人员发现核子秤放射源缺失，现场已封锁。',
    reporter: '王镕',
    reportedAt: '2026-11-29T01:40:00.000Z',
  };
}

describe('report chain', () => {
  const tempDir = useTempDirs();

  it('drafts an 初报 prefilled from the incident with the plan C 5.1.1 content list', async () => {
    const { s, inc, run } = await setup(tempDir());
    const r = await run<R>('reports:draft', { incidentId: inc.id, kind: '初报' });
    expect(r.label).toBe('初报');
    expect(r.status).toBe('draft');
    const content = r.versions[0]!.content;
    expect(content.kind).toBe('info-report');
    expect(content.data).toMatchObject({ plan: 'environment', kind: '初报', eventTitle: ENV_INPUT.title });
    // the form's content is a record of text fields
    expect((content.data.content as Record<string, string>).casualtiesAndLoss).toContain('12人');
    await s.close();
  });

  it('numbers follow-ups, refuses a second 初报 and anything after the 终报', async () => {
    const { s, inc, run } = await setup(tempDir());
    await expect(run('reports:draft', { incidentId: inc.id, kind: '续报' })).rejects.toThrow(/先起草并报送初报/);
    await run('reports:draft', { incidentId: inc.id, kind: '初报' });
    await expect(run('reports:draft', { incidentId: inc.id, kind: '初报' })).rejects.toThrow(/已有初报/);
    expect((await run<R>('reports:draft', { incidentId: inc.id, kind: '续报' })).label).toBe('续报一');
    expect((await run<R>('reports:draft', { incidentId: inc.id, kind: '续报' })).label).toBe('续报二');
    await run('reports:draft', { incidentId: inc.id, kind: '终报' });
    await expect(run('reports:draft', { incidentId: inc.id, kind: '续报' })).rejects.toThrow(/已有终报/);
    await s.close();
  });

  it('keeps every version, signs, dispatches and completes the clocks it satisfies; a sent report is never edited', async () => {
    const { s, inc, run } = await setup(tempDir());
    const draft = await run<R>('reports:draft', { incidentId: inc.id, kind: '初报' });
    const edited = structuredClone(draft.versions[0]!.content);
    // the form's content is a record of text fields
    (edited.data.content as Record<string, string>).pollutants = '氨氮约2吨';
    const v2 = await run<R>('reports:save', { reportId: draft.id, content: edited });
    expect(v2.versions.map((v) => v.version)).toEqual([1, 2]);
    await expect(
      run('reports:dispatch', {
        reportId: draft.id,
        sentAt: NOW.toISOString(),
        sentTo: '市政府',
        channel: '书面',
        confirmedBy: '张',
        clockIds: [],
      }),
    ).rejects.toThrow(/尚未签发/);
    await run('reports:sign', { reportId: draft.id, signedBy: '王副主任', signedAt: NOW.toISOString() });
    await expect(run('reports:save', { reportId: draft.id, content: edited })).rejects.toThrow(/不能再修改/);
    const clock = inc.clocks[0]!;
    const sent = await run<R>('reports:dispatch', {
      reportId: draft.id,
      sentAt: '2026-11-29T02:03:00.000Z',
      sentTo: clock.to,
      channel: '书面',
      confirmedBy: '刘喆',
      clockIds: [clock.clockId],
    });
    expect(sent.status).toBe('sent');
    expect(sent.sentVersion).toBe(2);
    const after = await s.incidents.get(inc.id);
    expect(after.clocks.find((c) => c.clockId === clock.clockId)!.record).toMatchObject({
      completedAt: '2026-11-29T02:03:00.000Z',
      recipientName: '刘喆',
      channel: '书面',
    });
    expect(after.timeline.at(-1)!.text).toMatch(/初报（第2稿）以书面报送/);
    await expect(
      run('reports:dispatch', {
        reportId: draft.id,
        sentAt: NOW.toISOString(),
        sentTo: 'x',
        channel: '书面',
        confirmedBy: 'y',
        clockIds: [],
      }),
    ).rejects.toThrow(/已报送/);
    const correction = await run<R>('reports:correct', { reportId: draft.id });
    expect(correction.label).toBe('更正报告（第一次）');
    // The corrected content, with no signer and no 报送时间 yet (its own 报送 records it).
    expect(correction.versions[0]!.content).toEqual({
      ...edited,
      data: { ...edited.data, reportedAt: '', issuer: '' },
    });
    await s.close();
  });

  it('shows what a follow-up changes since the previous report', async () => {
    const { s, inc, run } = await setup(tempDir());
    await run('reports:draft', { incidentId: inc.id, kind: '初报' });
    await s.incidents.update({ id: inc.id, patch: { narrative: '死鱼范围扩大至下游3公里', reason: '' } });
    const next = await run<R>('reports:draft', { incidentId: inc.id, kind: '续报' });
    expect(next.changesSincePrevious.map((c) => c.path)).toContain('content.trendAndHandling');
    expect(next.changesSincePrevious.find((c) => c.path === 'content.trendAndHandling')).toMatchObject({
      label: '事件发展态势及处置情况',
      before: '河段出现大面积死鱼',
      after: '死鱼范围扩大至下游3公里',
    });
    await s.close();
  });

  it('prefills the radiation 初报 from registration: the accident unit (not the reporting bureau), 人员受照/人员污染 ticks, source and device rows', async () => {
    const { s, run } = await setup(tempDir());
    const inc = await s.incidents.create({
      ...RADIATION_INPUT,
      facts: {
        ...RADIATION_INPUT.facts,
        accidentUnit: '山西朔州某某选煤有限公司',
        peopleContaminated: true,
        exposedCount: 2,
        contaminatedCount: 1,
        nuclide: 'Cs-137',
        activityBq: '9.10E+09',
        sourceCode: '0315CS012345',
        deviceName: '核子秤',
        deviceModel: 'HZ-3',
      },
    });
    const draft = await run<R>('reports:draft', { incidentId: inc.id, kind: '初报' });
    const data = draft.versions[0]!.content.data;
    expect(data.unitName).toBe('山西朔州某某选煤有限公司');
    expect(data.unitName).not.toBe(RADIATION_INPUT.reporterUnit);
    // The bureau's officer who reported it is not the accident unit's contact: left for the officer to fill.
    expect(data).toMatchObject({ phone: '', contact: '' });
    expect(data.accidentType).toMatchObject({
      exposure: true,
      contamination: true,
      exposedCount: 2,
      contaminatedCount: 1,
      lost: true,
      sourceCount: 1,
    });
    expect(data.sources).toEqual([
      {
        nuclide: 'Cs-137',
        factoryActivityBq: '',
        factoryDate: '',
        sourceCode: '0315CS012345',
        activityAtAccidentBq: '9.10E+09',
        unsealedState: '',
      },
    ]);
    expect(data.devices).toEqual([
      { name: '核子秤', model: 'HZ-3', maker: '', serial: '', place: '', mainParameters: '' },
    ]);
    // Reported by the accident unit itself: its reporter is its contact.
    const own = await s.incidents.create({
      ...RADIATION_INPUT,
      reporterUnit: '山西朔州某某选煤有限公司',
      facts: { ...RADIATION_INPUT.facts, accidentUnit: '山西朔州某某选煤有限公司' },
    });
    const ownData = (await run<R>('reports:draft', { incidentId: own.id, kind: '初报' })).versions[0]!.content.data;
    expect(ownData).toMatchObject({ phone: RADIATION_INPUT.reporterPhone, contact: RADIATION_INPUT.reporterName });
    // Without those facts nothing is invented: no unit name, no ticks, empty tables.
    const bare = await s.incidents.create({ ...RADIATION_INPUT, facts: { sourceClass: 4, sourceEvent: 'stolen' } });
    const bareData = (await run<R>('reports:draft', { incidentId: bare.id, kind: '初报' })).versions[0]!.content.data;
    expect(bareData).toMatchObject({ unitName: '', sources: [], devices: [] });
    expect(bareData.accidentType).toMatchObject({ exposure: false, contamination: false, stolen: true });
    await expect(s.incidents.create({ ...RADIATION_INPUT, facts: { nuclide: 137 } })).rejects.toThrow(
      /事故源核素名称应为文字/,
    );
    await s.close();
  });

  it('a saved radiation 初报 keeps every field exactly as typed, table rows included', async () => {
    const { s, run } = await setup(tempDir());
    const inc = await s.incidents.create(RADIATION_INPUT);
    const draft = await run<R>('reports:draft', { incidentId: inc.id, kind: '初报' });
    expect(draft.versions[0]!.content.kind).toBe('radiation-initial');
    const content = { kind: 'radiation-initial', data: typedInitial(draft.versions[0]!.content.data) };
    await run('reports:save', { reportId: draft.id, content });
    const [saved] = await run<R[]>('reports:list', { incidentId: inc.id });
    expect(saved!.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(saved!.versions[1]!.content).toEqual(content);
    // A second save of one changed cell changes that cell only.
    const again = structuredClone(content);
    // the radiation form's sources are rows of text cells
    (again.data.sources as Record<string, string>[])[1]!.sourceCode = '0316AM000778';
    await run('reports:save', { reportId: draft.id, content: again });
    const [after] = await run<R[]>('reports:list', { incidentId: inc.id });
    expect(after!.versions[2]!.content).toEqual(again);
    expect(after!.versions[1]!.content).toEqual(content);
    await s.close();
  });

  it("a radiation 续报 starts from the last saved version plus what changed on the incident since, listed by the form's labels", async () => {
    const { s, run } = await setup(tempDir());
    const inc = await s.incidents.create(RADIATION_INPUT);
    const draft = await run<R>('reports:draft', { incidentId: inc.id, kind: '初报' });
    const typed: Record<string, unknown> = typedInitial(draft.versions[0]!.content.data);
    await run('reports:save', { reportId: draft.id, content: { kind: 'radiation-initial', data: typed } });
    // What happens on the incident after the 初报 was drafted.
    await s.incidents.update({ id: inc.id, patch: { narrative: '放射源已于17时在废料堆中找回', reason: '' } });
    const follow = await run<R>('reports:draft', { incidentId: inc.id, kind: '续报' });
    const data = follow.versions[0]!.content.data;
    expect(follow.versions[0]!.content.kind).toBe('radiation-follow-up');
    // The officer's corrections stand: they are not rebuilt from the incident.
    for (const k of [
      'unitName',
      'address',
      'licenceNumber',
      'licenceAuthority',
      'place',
      'occurredAt',
      'sources',
      'devices',
      'accidentType',
    ]) {
      expect(data[k], k).toEqual(typed[k]);
    }
    // The incident's change comes in.
    expect(data.narrative).toBe('放射源已于17时在废料堆中找回');
    // No 报送时间 before it is sent: the 报送 records it.
    expect(data.reportedAt).toBeUndefined();
    // "What changed" names fields as the form prints them.
    const labels = follow.changesSincePrevious.map((c) => c.label);
    expect(labels).toContain('事故经过和处理情况');
    for (const c of follow.changesSincePrevious) expect(c.label, c.path).toMatch(/^[\u4e00-\u9fff]/);
    // Editing the 续报's table and saving it; the 终报 then starts from that.
    const edited = structuredClone(data);
    // the radiation form's sources are rows of text cells
    (edited.sources as Record<string, string>[])[0]!.activityAtAccidentBq = '9.05E+09';
    await run('reports:save', { reportId: follow.id, content: { kind: 'radiation-follow-up', data: edited } });
    const labelsAfter = (await run<R[]>('reports:list', { incidentId: inc.id }))[1]!.changesSincePrevious.map(
      (c) => c.label,
    );
    expect(labelsAfter).toContain('放射源表第1行 事故时活度(Bq)');
    const final = await run<R>('reports:draft', { incidentId: inc.id, kind: '终报' });
    // 42号 4.1.2(3): the 终结报告 is its own document, not a 后续报告表.
    expect(final.versions[0]!.content.kind).toBe('radiation-final');
    expect(final.versions[0]!.content.data).toMatchObject({
      unitName: typed.unitName,
      place: typed.place,
      summary: '放射源已于17时在废料堆中找回',
      departments: [],
    });
    await s.close();
  });

  it('a later incident change of a field the officer also edited comes in; an edit the incident did not touch stays', async () => {
    const { s, run } = await setup(tempDir());
    const inc = await s.incidents.create(RADIATION_INPUT);
    const draft = await run<R>('reports:draft', { incidentId: inc.id, kind: '初报' });
    const typed = { ...typedInitial(draft.versions[0]!.content.data), narrative: '值班员改写的经过' };
    await run('reports:save', { reportId: draft.id, content: { kind: 'radiation-initial', data: typed } });
    await s.incidents.update({ id: inc.id, patch: { places: ['朔城区', '平鲁区'], reason: '' } });
    const follow = await run<R>('reports:draft', { incidentId: inc.id, kind: '续报' });
    expect(follow.versions[0]!.content.data).toMatchObject({
      narrative: '值班员改写的经过',
      place: '朔城区、平鲁区',
      unitName: typed.unitName,
    });
    await s.close();
  });

  it('refuses a version that is not a whole form, naming the field in Chinese, and saves nothing', async () => {
    const { s, run } = await setup(tempDir());
    const inc = await s.incidents.create(RADIATION_INPUT);
    const draft = await run<R>('reports:draft', { incidentId: inc.id, kind: '初报' });
    const good = typedInitial(draft.versions[0]!.content.data);
    const save = (data: Record<string, unknown>) =>
      run('reports:save', { reportId: draft.id, content: { kind: 'radiation-initial', data } });
    await expect(save({ ...good, sources: 'Cs-137' })).rejects.toThrow(/放射源表应为表格行/);
    // the radiation form's sources are rows; this test makes one bad
    await expect(save({ ...good, sources: [{ ...(good.sources as object[])[0], sourceCode: 7 }] })).rejects.toThrow(
      /放射源编码应为文字/,
    );
    const { unitName: _gone, ...missing } = good;
    await expect(save(missing)).rejects.toThrow(/缺少「事故单位名称」/);
    await expect(save({ ...good, colour: 'red' })).rejects.toThrow(/未知字段：colour/);
    const [after] = await run<R[]>('reports:list', { incidentId: inc.id });
    expect(after!.versions).toHaveLength(1);
    await s.close();
  });

  it('one 报送 to several recipients completes exactly the clocks owed to them; a mismatch completes nothing until confirmed', async () => {
    const { s, inc, run } = await setup(tempDir());
    const open = inc.clocks.filter((c) => !c.record);
    const recipients = [...new Set(open.map((c) => c.to))];
    expect(recipients.length).toBeGreaterThanOrEqual(2);
    // the length is asserted >= 2 just above
    const [first, second] = recipients as [string, string];
    const draftAndSign = async (kind: '初报' | '续报') => {
      const r = await run<R>('reports:draft', { incidentId: inc.id, kind });
      await run('reports:sign', { reportId: r.id, signedBy: '王副主任', signedAt: NOW.toISOString() });
      return r;
    };
    const initial = await draftAndSign('初报');
    // A clock owed to `second`, ticked on a dispatch to `first` only: refused, nothing recorded.
    const other = open.find((c) => c.to === second)!;
    await expect(
      run('reports:dispatch', {
        reportId: initial.id,
        sentAt: NOW.toISOString(),
        sentTo: [first],
        channel: '书面',
        confirmedBy: '刘喆',
        clockIds: [other.clockId],
      }),
    ).rejects.toThrow(new RegExp(`不在本次报送单位.*${other.title}`));
    expect((await s.incidents.get(inc.id)).clocks.filter((c) => c.record)).toHaveLength(0);
    expect((await run<R[]>('reports:list', { incidentId: inc.id }))[0]!.status).toBe('signed');
    // To both recipients at once, clocks not named: exactly the open clocks owed to either.
    const sent = await run<R & { sentTo: string }>('reports:dispatch', {
      reportId: initial.id,
      sentAt: NOW.toISOString(),
      sentTo: [first, second],
      channel: '书面',
      confirmedBy: '刘喆',
    });
    expect(sent.sentTo).toBe(`${first}、${second}`);
    const after = await s.incidents.get(inc.id);
    const done = after.clocks
      .filter((c) => c.record)
      .map((c) => c.clockId)
      .sort();
    expect(done).toEqual(
      open
        .filter((c) => c.to === first || c.to === second)
        .map((c) => c.clockId)
        .sort(),
    );
    for (const c of after.clocks.filter((x) => x.record)) expect(c.record!.recipientUnit).toBe(c.to);
    // Confirmed by the officer, a mismatched clock is completed and the timeline says so.
    const left = after.clocks.find((c) => !c.record);
    expect(left, 'a clock owed to a third recipient').toBeDefined();
    const follow = await draftAndSign('续报');
    await run('reports:dispatch', {
      reportId: follow.id,
      sentAt: NOW.toISOString(),
      sentTo: ['某未列明单位'],
      channel: '书面',
      confirmedBy: '孙赟',
      clockIds: [left!.clockId],
      confirmMismatch: true,
    });
    const final = await s.incidents.get(inc.id);
    expect(final.clocks.find((c) => c.clockId === left!.clockId)!.record).toMatchObject({
      recipientUnit: '某未列明单位',
    });
    expect(final.timeline.at(-1)!.text).toContain('报送对象不符');
    await s.close();
  });

  it('rejects content the form cannot print, and an unknown clock, changing nothing', async () => {
    const { s, inc, run } = await setup(tempDir());
    const draft = await run<R>('reports:draft', { incidentId: inc.id, kind: '初报' });
    await expect(
      run('reports:save', { reportId: draft.id, content: { kind: 'info-report', data: { plan: 'martian' } } }),
    ).rejects.toThrow(/报告内容有误/);
    await run('reports:sign', { reportId: draft.id, signedBy: '王', signedAt: NOW.toISOString() });
    await expect(
      run('reports:dispatch', {
        reportId: draft.id,
        sentAt: NOW.toISOString(),
        sentTo: '市政府',
        channel: '书面',
        confirmedBy: '张',
        clockIds: ['no.such.clock'],
      }),
    ).rejects.toThrow(/没有时限/);
    const list = await run<R[]>('reports:list', { incidentId: inc.id });
    expect(list[0]!.versions).toHaveLength(1);
    expect(list[0]!.status).toBe('signed');
    await s.close();
  });
});
