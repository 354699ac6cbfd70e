import { ROSTER_SEARCH_MAX } from '../../../../shared/ipc/channels/rosters';
import { describe, expect, it } from 'vitest';
import { renderForm } from '../../../../shared/forms/render';
import type { Channel, ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { SEED_ROSTERS } from '../../../../shared/rosters/seed/index';
import { dispatch } from '../../../../electron/ipc/dispatch';
import { readRosterFile, writeRosterCsv, writeRosterXlsx } from '../../../../electron/rosters/roster-io';
import type { AppServices } from '../../../../electron/services/app-services';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';

const NOW = new Date('2026-11-29T02:00:00.000Z');

/** Calls a channel the way the renderer does: validated by the dispatcher, Result unwrapped. */
async function call<C extends Channel>(s: AppServices, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await dispatch(s.handlers, channel, input, () => undefined);
  if (!r.ok) throw new Error(r.error.message);
  // an ok answer carries the channel's declared output; the caller names it
  return r.value as ChannelOutput<C>;
}

async function onDuty(dir: string): Promise<AppServices> {
  const s = await makeServices(dir, { now: () => NOW });
  await call(s, 'duty:set', { leader: '李堃', officer: '赵珺' });
  return s;
}

const countRows = (s: AppServices, sql: string, params: string[] = []) =>
  s.db.read((q) => q.get<{ n: number }>(sql, params)).then((r) => r!.n);

describe('roster seed', () => {
  const tempDir = useTempDirs();

  it('stores one anchor per unit, group and post of every roster, and a second run changes nothing', async () => {
    const s = await onDuty(tempDir());
    const first = await call(s, 'rosters:seed', {});
    expect(first.added).toBeGreaterThan(100);
    for (const r of SEED_ROSTERS) {
      const count = (kind: string) =>
        countRows(
          s,
          'SELECT COUNT(*) AS n FROM roster_entries WHERE roster_id = ? AND entry_kind = ? AND removed_at IS NULL',
          [r.id, kind],
        );
      expect(await count('unit'), `${r.name} 成员单位`).toBe(r.units.length);
      expect(await count('group'), `${r.name} 工作组`).toBe(r.groups.length);
      expect(await count('person'), `${r.name} 人员`).toBe(r.leaders.length + (r.members?.length ?? 0));
      expect(await count('office')).toBe(r.office ? 1 : 0);
    }
    expect(await call(s, 'rosters:seed', {})).toEqual({ added: 0, changed: 0, removed: 0 });
    const summaries = await call(s, 'rosters:list', {});
    expect(summaries.find((x) => x.id === 'eco-hq')).toMatchObject({ unitCount: 28, groupCount: 15 });
    await s.close();
  });

  it("never overwrites an officer's number when the seed is re-run, refreshed or drops an entry", async () => {
    const s = await onDuty(tempDir());
    const c = await call(s, 'rosters:save-contact', {
      rosterId: 'eco-hq',
      entryKind: 'person',
      entryId: 'commander',
      role: '负责人',
      name: '王镕',
      title: '副市长',
      mobile: '139 1234 5678',
      redPhone: '8001',
    });
    expect(c.mobile).toBe('13912345678');
    // A stale gazette text in the database and an entry the seed no longer has.
    await s.db.write(async (q) => {
      await q.run(
        `UPDATE roster_entries SET seed_fields = '{"name":"旧","document":"d","clause":"c"}' WHERE roster_id = 'eco-hq' AND entry_kind = 'person' AND entry_id = 'commander'`,
      );
      await q.run(`INSERT INTO roster_entries (roster_id, entry_kind, entry_id, name, document, clause, seed_fields, seeded_at)
                   VALUES ('eco-hq', 'unit', 'old-bureau', '市旧局', 'd', 'c', '{"name":"市旧局","document":"d","clause":"c"}', 't')`);
    });
    const again = await call(s, 'rosters:seed', {});
    expect(again).toEqual({ added: 0, changed: 1, removed: 1 });
    const view = await call(s, 'rosters:get', { rosterId: 'eco-hq' });
    expect(view.contacts).toHaveLength(1);
    expect(view.contacts[0]).toMatchObject({
      name: '王镕',
      mobile: '13912345678',
      redPhone: '8001',
      entryId: 'commander',
    });
    expect(view.removedEntries.map((e) => e.entryId)).toEqual(['old-bureau']);
    await s.close();
  });
});

describe('roster search', () => {
  const tempDir = useTempDirs();

  it('finds units by pinyin initials, people by name, entries by duty and by phone digits', async () => {
    const s = await onDuty(tempDir());
    // 市统计局 (stjj) ranks above by prefix; 市生态环境局 (sthjj) is found by subsequence.
    const stj = await call(s, 'rosters:search', { query: 'stj' });
    expect(stj.slice(0, 10).map((h) => h.entry.name)).toContain('市生态环境局');
    expect((await call(s, 'rosters:search', { query: 'sthjj' }))[0]!.entry.name).toBe('市生态环境局');
    await call(s, 'rosters:save-contact', {
      rosterId: 'comms-hq',
      entryKind: 'unit',
      entryId: 'mobile',
      role: '联络员',
      name: '孙赟',
      officePhone: '2021234',
    });
    const byName = await call(s, 'rosters:search', { query: '孙赟' });
    expect(byName[0]).toMatchObject({ entry: { name: '孙赟', unit: '中国移动朔州分公司' } });
    expect(byName[0]!.contacts[0]!.officePhone).toBe('0349-2021234');
    // An officer's 备注 is searched too (who answers at night), below every other field.
    await call(s, 'rosters:save-contact', {
      rosterId: 'comms-hq',
      entryKind: 'unit',
      entryId: 'mobile',
      role: '联络员',
      name: '郝珏',
      mobile: '13800001111',
      note: '夜间应急值守手机',
    });
    const byNote = await call(s, 'rosters:search', { query: '夜间应急' });
    expect(byNote.map((h) => [h.entry.name, h.field])).toEqual([['郝珏', 'note']]);
    expect(byNote[0]!.contacts.map((c) => c.note)).toEqual(['夜间应急值守手机']);
    const byDigits = await call(s, 'rosters:search', { query: '2021234' });
    expect(byDigits.map((h) => h.entry.name)).toContain('中国移动朔州分公司');
    const byDuty = await call(s, 'rosters:search', { query: '人工影响天气', rosterId: 'eco-hq' });
    expect(byDuty[0]!.entry.name).toBe('市气象局');
    await expect(call(s, 'rosters:search', { query: 'stj', rosterId: 'no-such' })).rejects.toThrow(/通讯录不存在/);
    await s.close();
  });

  it('a common word answers every match up to ROSTER_SEARCH_MAX, most relevant first (it stopped at 100)', async () => {
    const s = await onDuty(tempDir());
    const hits = await call(s, 'rosters:search', { query: '市' });
    expect(hits.length).toBeGreaterThan(100);
    expect(hits.length).toBeLessThanOrEqual(ROSTER_SEARCH_MAX);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await s.close();
  });
});

describe('contacts', () => {
  const tempDir = useTempDirs();

  it('keeps a history of every change; a person who leaves is ended, not deleted', async () => {
    const s = await onDuty(tempDir());
    const base = {
      rosterId: 'eco-hq',
      entryKind: 'unit' as const,
      entryId: 'ecology',
      role: '联络员' as const,
      name: '张珺',
    };
    await expect(call(s, 'rosters:save-contact', { ...base, mobile: '12345' })).rejects.toThrow(/手机号码格式不正确/);
    await expect(call(s, 'rosters:save-contact', { ...base, entryId: 'nowhere' })).rejects.toThrow(/条目不存在/);
    const c = await call(s, 'rosters:save-contact', { ...base, mobile: '13900000001' });
    await call(s, 'rosters:save-contact', {
      id: c.id,
      role: '联络员',
      name: '张珺',
      mobile: '13900000002',
      fax: '0349-2020000',
      reason: '换号',
    });
    const ended = await call(s, 'rosters:end-contact', { id: c.id, reason: '调离' });
    expect(ended.endedAt).toBe(NOW.toISOString());
    await expect(call(s, 'rosters:save-contact', { id: c.id, role: '联络员', name: '张珺' })).rejects.toThrow(/离任/);
    expect((await call(s, 'rosters:get', { rosterId: 'eco-hq' })).contacts).toEqual([]);
    expect((await call(s, 'rosters:get', { rosterId: 'eco-hq', includeEnded: true })).contacts).toHaveLength(1);
    const history = await call(s, 'rosters:history', { contactId: c.id });
    expect(history.map((h) => h.action)).toEqual(['离任', '修改', '新增']);
    expect(history[1]!.changes).toEqual([
      { field: '手机', before: '13900000001', after: '13900000002' },
      { field: '传真', before: '', after: '0349-2020000' },
    ]);
    expect(history[1]).toMatchObject({ officer: '赵珺', reason: '换号', contactName: '张珺' });
    await s.close();
  });

  it('names the day a person left as the Beijing date of leaving', async () => {
    const s = await onDuty(tempDir());
    const c = await call(s, 'rosters:save-contact', {
      rosterId: 'eco-hq',
      entryKind: 'unit',
      entryId: 'ecology',
      role: '联络员',
      name: '张珺',
    });
    // 01:00 on 1 January 2027 in Beijing, still 31 December in UTC.
    await call(s, 'rosters:end-contact', { id: c.id, reason: '调离', endedAt: '2026-12-31T17:00:00.000Z' });
    await expect(call(s, 'rosters:save-contact', { id: c.id, role: '联络员', name: '张珺' })).rejects.toThrow(
      '张珺已于2027-01-01离任，不能再修改',
    );
    await expect(call(s, 'rosters:end-contact', { id: c.id, reason: '调离' })).rejects.toThrow(
      '张珺已于2027-01-01离任',
    );
    await s.close();
  });

  it('refuses edits before the officers on duty are registered', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await expect(
      call(s, 'rosters:save-contact', {
        rosterId: 'eco-hq',
        entryKind: 'office',
        entryId: 'office',
        role: '值班电话',
        name: '办公室',
      }),
    ).rejects.toThrow(/值班人员/);
    await s.close();
  });
});

describe('call lists', () => {
  const tempDir = useTempDirs();

  it('builds plan C 三级 for an environmental incident: office, commander, the 5.3.2 groups, the county', async () => {
    const s = await onDuty(tempDir());
    const inc = await call(s, 'incidents:create', { ...ENV_INPUT, responseOverride: '三级' });
    await call(s, 'rosters:save-contact', {
      rosterId: 'counties',
      entryKind: 'unit',
      entryId: 'gov-shanyin',
      role: '值班电话',
      name: '山阴县政府总值班室',
      officePhone: '0349-7021234',
    });
    const list = await call(s, 'rosters:call-list', { incidentId: inc.id });
    expect(list).toMatchObject({ plan: 'environment', response: '三级', notice: null });
    const keys = list.items.map((i) => i.key);
    expect(keys.slice(0, 2)).toEqual(['eco-hq/office/office', 'eco-hq/person/commander']);
    for (const g of [
      'c-general',
      'c-experts',
      'c-pollution',
      'c-monitoring',
      'c-investigation',
      'c-logistics',
      'c-publicity',
    ]) {
      expect(keys).toContain(`eco-hq/group/${g}`);
    }
    expect(list.items.find((i) => i.key === 'eco-hq/group/c-medical')!.conditional).toBe(true);
    const county = list.items.find((i) => i.key === 'counties/unit/gov-shanyin')!;
    expect(county.contacts[0]!.officePhone).toBe('0349-7021234');
    expect(county.citation).toMatch(/朔州市突发环境事件应急预案/);
    // 三级 calls no province; 二级 does (5.3.3).
    expect(list.items.some((i) => i.targetKind === 'external')).toBe(false);
    const two = await call(s, 'rosters:call-list', { incidentId: inc.id, response: '二级' });
    expect(two.items.some((i) => i.label.startsWith('山西省人民政府'))).toBe(true);
    await s.close();
  });

  it('follows each plan: comms only at 一级/二级, forest fire by county brigade, no plan for other categories', async () => {
    const s = await onDuty(tempDir());
    const comms = await call(s, 'incidents:create', {
      ...ENV_INPUT,
      category: 'comms',
      facts: {},
      title: '通信中断',
      responseOverride: '二级',
    });
    const c = await call(s, 'rosters:call-list', { incidentId: comms.id });
    expect(c.items[0]!.key).toBe('comms-hq/office/office');
    expect(c.items.map((i) => i.key)).toContain('counties/unit/gov-shanyin');
    await expect(call(s, 'rosters:call-list', { incidentId: comms.id, response: '三级' })).rejects.toThrow(
      /只设二级、一级响应/,
    );
    const fire = await call(s, 'incidents:create', {
      ...ENV_INPUT,
      category: 'forest_fire',
      facts: {},
      title: '林区起火',
      places: ['右玉县', '平鲁区'],
    });
    const f = await call(s, 'rosters:call-list', { incidentId: fire.id });
    expect(f.plan).toBe('forest_fire');
    expect(f.items.map((i) => i.key)).toEqual(
      expect.arrayContaining([
        'forest-fire-brigades/unit/brigade-youyu',
        'forest-fire-brigades/unit/brigade-pinglu',
        'forest-fire-hq/roster/forest-fire-hq',
      ]),
    );
    const other = await call(s, 'incidents:create', { ...ENV_INPUT, category: 'other', facts: {}, title: '其他' });
    const o = await call(s, 'rosters:call-list', { incidentId: other.id });
    expect(o.items).toEqual([]);
    expect(o.notice).toMatch(/没有对应的专项预案/);
    await s.close();
  });

  it('records a call in the incident timeline and shows it on the list', async () => {
    const s = await onDuty(tempDir());
    const inc = await call(s, 'incidents:create', { ...ENV_INPUT, responseOverride: '三级' });
    const at = '2026-11-29T01:55:00.000Z';
    const d = await call(s, 'rosters:record-call', {
      incidentId: inc.id,
      key: 'eco-hq/person/commander',
      target: '指挥长（市政府分管副市长）',
      number: '13912345678',
      result: '接通',
      at,
      note: '已同意启动三级响应',
    });
    const entry = d.timeline.find((e) => e.kind === 'call')!;
    expect(entry).toMatchObject({
      at,
      officer: '赵珺',
      text: '呼叫指挥长（市政府分管副市长），电话13912345678：接通。已同意启动三级响应',
    });
    const list = await call(s, 'rosters:call-list', { incidentId: inc.id });
    expect(list.items.find((i) => i.key === 'eco-hq/person/commander')!.calls).toEqual([
      { at, result: '接通', number: '13912345678', officer: '赵珺', note: '已同意启动三级响应' },
    ]);
    await expect(
      // a deliberately invalid result for the refusal test
      call(s, 'rosters:record-call', { incidentId: inc.id, target: 'x', result: '未知' as '接通', at }),
    ).rejects.toThrow(/呼叫结果/);
    await expect(call(s, 'rosters:record-call', { incidentId: 999, target: 'x', result: '未接', at })).rejects.toThrow(
      /不存在/,
    );
    await s.close();
  });
});

describe('roster files', () => {
  const tempDir = useTempDirs();
  const b64 = (b: Buffer) => b.toString('base64');

  it('reports every bad row (missing name, malformed phone, unknown unit) and writes nothing', async () => {
    const s = await onDuty(tempDir());
    const file = writeRosterCsv([
      { 指挥部: '朔州市较大生态环境事件应急指挥部', 单位: '市生态环境局', 姓名: '', 手机: '13900000001' },
      { 指挥部: '朔州市较大生态环境事件应急指挥部', 单位: '市公安局', 姓名: '周琳', 手机: '1390000' },
      { 指挥部: '朔州市较大生态环境事件应急指挥部', 单位: '市不存在局', 姓名: '吴桐' },
      { 指挥部: '朔州市较大生态环境事件应急指挥部', 单位: '市气象局', 姓名: '郑雪', 办公电话: '2029999' },
    ]);
    const args = { rosterId: 'eco-hq', format: 'csv' as const, fileName: 'bad.csv', contentBase64: b64(file) };
    const preview = await call(s, 'rosters:import-preview', args);
    expect(preview.errors.map((e) => [e.row, e.field])).toEqual([
      [2, '姓名'],
      [3, '手机'],
      [4, '单位'],
    ]);
    expect(preview.rows.map((r) => [r.row, r.action])).toEqual([[5, '新增']]);
    await expect(call(s, 'rosters:import-apply', args)).rejects.toThrow(/3处错误，未导入任何数据/);
    expect(await countRows(s, 'SELECT COUNT(*) AS n FROM roster_contacts')).toBe(0);
    expect(await countRows(s, 'SELECT COUNT(*) AS n FROM roster_contact_history')).toBe(0);
    await s.close();
  });

  it('imports after the preview, updates by unit and name, and round-trips its own CSV and XLSX exports', async () => {
    const s = await onDuty(tempDir());
    const rows = [
      { 单位: '市生态环境局', 姓名: '张珺', 职务: '办公室联络员', 手机: '13900000001', 办公电话: '0349-2021001' },
      { 单位: '市工信局', 姓名: '钱程', 职务: '科长', 手机: '13900000002' },
    ];
    const first = { rosterId: 'comms-hq', format: 'xlsx' as const, contentBase64: b64(await writeRosterXlsx(rows)) };
    // 市生态环境局 is not a member unit of the comms HQ (40号 附件2): refused for that roster.
    const p = await call(s, 'rosters:import-preview', first);
    expect(p.errors.map((e) => [e.row, e.field])).toEqual([[2, '单位']]);
    expect(p.errors[0]?.message).toMatch(/不是朔州市通信保障应急指挥部的成员单位/);
    expect(p.rows.map((r) => [r.row, r.action])).toEqual([[3, '新增']]);
    const okArgs = {
      rosterId: 'eco-hq',
      format: 'xlsx' as const,
      contentBase64: b64(await writeRosterXlsx(rows.slice(0, 1))),
    };
    expect((await call(s, 'rosters:import-preview', okArgs)).counts).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(await countRows(s, 'SELECT COUNT(*) AS n FROM roster_contacts')).toBe(0);
    expect(await call(s, 'rosters:import-apply', okArgs)).toEqual({ added: 1, updated: 0, unchanged: 0 });
    const [c] = (await call(s, 'rosters:get', { rosterId: 'eco-hq' })).contacts;
    expect(c).toMatchObject({
      entryKind: 'unit',
      entryId: 'ecology',
      role: '联络员',
      mobile: '13900000001',
      officePhone: '0349-2021001',
    });

    const csv = await call(s, 'rosters:export', { rosterId: 'eco-hq', format: 'csv' });
    const bytes = Buffer.from(csv.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    // Beijing time, readable (02:00 UTC is 10:00 in Beijing).
    expect(csv.fileName).toBe('朔州市较大生态环境事件应急指挥部-2026年11月29日-1000.csv');
    const again = await call(s, 'rosters:import-preview', {
      rosterId: 'eco-hq',
      format: 'csv',
      contentBase64: csv.contentBase64,
    });
    expect(again.counts).toEqual({ added: 0, updated: 0, unchanged: 1 });

    const xlsx = await call(s, 'rosters:export', { format: 'xlsx' });
    const read = await readRosterFile(Buffer.from(xlsx.contentBase64, 'base64'), 'xlsx');
    expect(read).toEqual([
      expect.objectContaining({
        指挥部: '朔州市较大生态环境事件应急指挥部',
        单位: '市生态环境局',
        姓名: '张珺',
        手机: '13900000001',
      }),
    ]);
    const changed = writeRosterCsv([
      { 指挥部: '朔州市较大生态环境事件应急指挥部', 单位: '市生态环境局', 姓名: '张珺', 手机: '13900000009' },
    ]);
    const upd = { rosterId: 'eco-hq', format: 'csv' as const, contentBase64: b64(changed) };
    expect((await call(s, 'rosters:import-preview', upd)).rows[0]!.changes).toEqual([
      { field: '手机', before: '13900000001', after: '13900000009' },
    ]);
    expect(await call(s, 'rosters:import-apply', upd)).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const h = await call(s, 'rosters:history', { rosterId: 'eco-hq' });
    expect(h.map((x) => x.action)).toEqual(['导入', '导入']);
    // Officer's other numbers stay: the file left 办公电话 empty.
    expect((await call(s, 'rosters:get', { rosterId: 'eco-hq' })).contacts[0]!.officePhone).toBe('0349-2021001');
    await s.close();
  });

  it('refuses oversized and unreadable files with a clear message', async () => {
    const s = await onDuty(tempDir());
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0x41).toString('base64');
    await expect(
      call(s, 'rosters:import-preview', { rosterId: 'eco-hq', format: 'csv', contentBase64: big }),
    ).rejects.toThrow(/文件过大/);
    const junk = Buffer.from('not a zip').toString('base64');
    await expect(
      call(s, 'rosters:import-preview', {
        rosterId: 'eco-hq',
        format: 'xlsx',
        contentBase64: junk,
        fileName: 'x.xlsx',
      }),
    ).rejects.toThrow(/无法读取文件“x.xlsx”/);
    await s.close();
  });
});

describe('roster print', () => {
  const tempDir = useTempDirs();

  it('prints leaders, office, units and groups with the numbers in force', async () => {
    const s = await onDuty(tempDir());
    await call(s, 'rosters:save-contact', {
      rosterId: 'eco-hq',
      entryKind: 'person',
      entryId: 'commander',
      role: '负责人',
      name: '王镕',
      mobile: '13912345678',
    });
    const data = await call(s, 'rosters:print-data', { rosterId: 'eco-hq' });
    expect(data.title).toBe('朔州市较大生态环境事件应急指挥部通讯录');
    expect(data.sections.map((x) => x.heading)).toEqual(['领导成员', '市指挥部办公室', '成员单位', '工作组']);
    expect(data.sections[0]!.rows[0]).toMatchObject({ role: '指挥长', name: '王镕', mobile: '13912345678' });
    expect(data.sections[2]!.rows).toHaveLength(28);
    const html = renderForm({ kind: 'roster', data }, { fontBaseUrl: './' });
    expect(html).toContain('王镕');
    await s.close();
  });
});
