/**
 * Every error a person can see is clear Chinese and names the field by its label: no English
 * defaults, no internal keys, no JavaScript or SQLite text. Valid-looking input never ends in
 * `internal`: a missing reference is `not_found`, control characters are refused at the schema,
 * facts are bounded for every category.
 */
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../shared/ipc/contract';
import { channels } from '../../../shared/ipc/contract';
import { FIELD_LABELS, CHANNEL_LABELS } from '../../../shared/ipc/labels';
import { dispatch } from '../../../electron/ipc/dispatch';
import type { AppServices } from '../../../electron/services/app-services';
import { ENV_INPUT, makeServices } from '../../helpers/services';
import { useTempDirs } from '../../helpers/temp-dir';

const NOW = new Date('2026-11-29T02:00:00.000Z');
const AT = '2026-11-29T01:30:00.000Z';
const quiet = () => undefined;

/** Latin words an officer may meet in a message: formats and file types, never identifiers. */
const ALLOWED_LATIN = new Set([
  'ISO',
  'HH',
  'mm',
  'YYYY',
  'MM',
  'DD',
  'PDF',
  'XLSX',
  'CSV',
  'DOCX',
  'JSON',
  'xlsx',
  'csv',
  'docx',
  'pdf',
  'json',
  'base64',
  'MB',
  'Excel',
  'WPS',
  'Word',
]);

/** Words that are not Chinese, other than the allowed ones (keys such as receivedAt, English defaults). */
function foreignWords(message: string): string[] {
  return (message.match(/[A-Za-z_][A-Za-z0-9_]+/g) ?? []).filter((w) => !ALLOWED_LATIN.has(w));
}

async function onDuty(dir: string): Promise<AppServices> {
  const s = await makeServices(dir, { now: () => NOW });
  await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
  return s;
}

async function snapshot(s: AppServices): Promise<unknown> {
  return s.db.read(async (q) => ({
    incidents: await q.all('SELECT * FROM incidents ORDER BY id'),
    timeline: await q.all('SELECT * FROM timeline_entries ORDER BY id'),
  }));
}

describe('validation messages are Chinese and name fields by their labels', () => {
  const tempDir = useTempDirs();

  const cases: [string, Channel, unknown, RegExp][] = [
    ['missing receive time type', 'incidents:create', { ...ENV_INPUT, receivedAt: 12 }, /接报时间/],
    ['reporter name of the wrong type', 'incidents:create', { ...ENV_INPUT, reporterName: 5 }, /报告人/],
    ['unknown receive channel', 'incidents:create', { ...ENV_INPUT, receiveChannel: '信鸽' }, /接报方式/],
    ['drill not a yes/no', 'incidents:create', { ...ENV_INPUT, drill: 'yes' }, /演练标记/],
    ['level override unknown', 'incidents:update', { id: 1, patch: { levelOverride: '超大' } }, /事件级别|人工定级/],
    ['patch with an unknown field', 'incidents:update', { id: 1, patch: { category: 'fire' } }, /修改内容/],
    ['id not a number', 'incidents:get', { id: 'abc' }, /事件编号|编号/],
    ['missing id', 'incidents:get', {}, /事件编号/],
    ['places not a list', 'incidents:create', { ...ENV_INPUT, places: '朔城区' }, /地点/],
    ['empty place in the list', 'incidents:create', { ...ENV_INPUT, places: ['朔城区', ''] }, /地点/],
    ['settings: minutes as text', 'settings:set', { repeatMinutes: '五' }, /重复提醒间隔/],
    ['settings: shift hours too short', 'settings:set', { shiftHours: 2 }, /每班时长/],
    ['settings: backups kept 0', 'settings:set', { backupKeep: 0 }, /备份/],
    ['contact edit with a bad phone type', 'rosters:save-contact', { id: 1, mobile: 139 }, /手机/],
    ['contact: unknown role', 'rosters:save-contact', { id: 1, role: '司机' }, /联系人类别/],
    [
      'new contact with two mistakes',
      'rosters:save-contact',
      { rosterId: 'eco-hq', entryKind: 'person', entryId: 'commander', role: '司机', name: '', title: 5 },
      /联系人类别.*姓名|姓名.*联系人类别/,
    ],
    [
      'contact edit with two mistakes',
      'rosters:save-contact',
      { id: 1, role: '司机', name: '', title: 5 },
      /联系人类别.*姓名|姓名.*联系人类别/,
    ],
    [
      'schedule swap without a reason',
      'schedule:swap',
      { date: '2026-11-29', field: 'officer', newPerson: '张三', reason: '' },
      /调整原因/,
    ],
    [
      'warning with no area',
      'warnings:issue',
      {
        plan: 'radiation',
        level: '三级',
        direction: 'issued',
        issuerKind: 'city',
        issuer: '朔州市人民政府',
        area: '',
        issuedAt: AT,
      },
      /预警区域/,
    ],
    ['response start without a decider', 'response:start', { incidentId: 1, level: '三级', decidedBy: '' }, /决定人/],
    ['remark without text', 'duty-log:add-remark', { day: '2026-11-29', text: '' }, /备注内容/],
    ['not an object at all', 'incidents:create', 'DROP TABLE incidents', /输入有误/],
    [
      'form content with a NUL',
      'reports:save',
      { reportId: 1, content: { kind: 'info-report', data: { rows: [{ name: '王\u0000' }] } } },
      /表单内容不能包含控制字符/,
    ],
    [
      'form content nested too deep',
      'print:record',
      {
        form: { kind: 'info-report', data: { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } } },
        title: '信息报告',
      },
      /表单内容层级/,
    ],
    [
      'print title with a NUL',
      'print:record',
      { form: { kind: 'info-report', data: {} }, title: '信息\u0000报告' },
      /打印标题/,
    ],
    [
      'signer with a control character',
      'reports:sign',
      { reportId: 1, signedBy: '李\u0007堃', signedAt: AT },
      /签发人/,
    ],
  ];

  it.each(cases)('%s', async (_name, channel, input, label) => {
    const s = await onDuty(tempDir());
    const before = await snapshot(s);
    const res = await dispatch(s.handlers, channel, input, quiet);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('invalid_input');
    expect(res.error.message).toMatch(label);
    expect(res.error.message).toMatch(/^输入有误/);
    for (const text of [res.error.message, ...(res.error.issues ?? []).map((i) => i.message)]) {
      expect(foreignWords(text), text).toEqual([]);
    }
    expect(await snapshot(s)).toEqual(before);
    await s.close();
  });

  it('every field of every channel has a Chinese label', () => {
    const missing: string[] = [];
    const walk = (schema: unknown, channel: string, depth: number): void => {
      // zod keeps a schema's definition on _zod.def; its typings do not expose it
      const def = (schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
      if (!def || depth > 12) return;
      const inner = ['innerType', 'in', 'out', 'element', 'left', 'right', 'valueType'];
      if (def.type === 'object') {
        // an object schema's def.shape maps field names to schemas
        for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) {
          // looked up by a runtime channel name that may have no labels
          const own = (CHANNEL_LABELS as Record<string, Record<string, string> | undefined>)[channel];
          if (!own?.[key] && !FIELD_LABELS[key]) missing.push(`${channel} ${key}`);
          walk(value, channel, depth + 1);
        }
      }
      // a union schema's def.options is its list of schemas
      if (def.type === 'union') for (const o of def.options as unknown[]) walk(o, channel, depth + 1);
      for (const k of inner) if (def[k]) walk(def[k], channel, depth + 1);
    };
    for (const [name, schema] of Object.entries(channels)) walk(schema, name, 0);
    expect(missing).toEqual([]);
  });

  it('control characters are refused at the schema, line breaks only in multi-line text', async () => {
    const s = await onDuty(tempDir());
    const before = await snapshot(s);
    for (const input of [
      { ...ENV_INPUT, title: '死鱼\u0000' },
      { ...ENV_INPUT, reporterName: '王\u0007镕' },
      { ...ENV_INPUT, title: '第一行\n第二行' },
      { ...ENV_INPUT, narrative: '情况\u0000' },
      { ...ENV_INPUT, places: ['朔城区\u0000'] },
    ]) {
      const res = await dispatch(s.handlers, 'incidents:create', input, quiet);
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('invalid_input');
        expect(res.error.message).toMatch(/控制字符/);
        expect(res.error.message).toMatch(/事件标题|报告人|事件简要情况|地点/);
      }
    }
    expect(await snapshot(s)).toEqual(before);
    const ok = await dispatch(
      s.handlers,
      'incidents:create',
      { ...ENV_INPUT, narrative: '第一行\n\t第二行\r\n第三行' },
      quiet,
    );
    expect(ok.ok).toBe(true);
    const note = await dispatch(s.handlers, 'incidents:add-note', { id: 1, kind: '备注', text: '内容\u0000' }, quiet);
    expect(note.ok).toBe(false);
    if (!note.ok) expect(note.error.message).toMatch(/内容不能包含控制字符/);
    await s.close();
  });

  it('facts are bounded in size and depth for every category, those without a fact schema included', async () => {
    const s = await onDuty(tempDir());
    const deep = { a: { b: { c: { d: { e: 1 } } } } };
    const big = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i]));
    const long = { remark: '火'.repeat(30_000) };
    const control = { remark: '起火\u0000' };
    for (const category of ['fire', 'other', 'environment'] as const) {
      for (const facts of [deep, big, long, control]) {
        const res = await dispatch(s.handlers, 'incidents:create', { ...ENV_INPUT, category, facts }, quiet);
        expect(res.ok, `${category} ${JSON.stringify(facts).slice(0, 40)}`).toBe(false);
        if (!res.ok) {
          expect(res.error.code).toBe('invalid_input');
          expect(res.error.message).toMatch(/事件要素/);
          expect(foreignWords(res.error.message)).toEqual([]);
        }
      }
    }
    const fire = await dispatch(
      s.handlers,
      'incidents:create',
      { ...ENV_INPUT, category: 'fire', facts: { remark: '山火' } },
      quiet,
    );
    expect(fire.ok).toBe(true);
    if (!fire.ok) return;
    // dispatch answers Result<unknown>; the channel's declared output has this shape
    const id = (fire.value as { id: number }).id;
    const update = await dispatch(s.handlers, 'incidents:update', { id, patch: { facts: deep } }, quiet);
    expect(update.ok).toBe(false);
    await s.close();
  });

  it('fact errors name the fact by its label, not its key', async () => {
    const s = await onDuty(tempDir());
    const res = await dispatch(
      s.handlers,
      'incidents:create',
      { ...ENV_INPUT, facts: { deaths: -1, poisonedOrInjured: '十二' } },
      quiet,
    );
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.message).toMatch(/死亡人数/);
      expect(res.error.message).toMatch(/中毒或重伤人数/);
      expect(res.error.message).not.toMatch(/deaths|poisonedOrInjured/);
    }
    await s.close();
  });

  it('shift times in settings are checked: 00:00 to 23:59', async () => {
    const s = await onDuty(tempDir());
    for (const shiftStart of ['24:00', '25:30', '08:60', '99:99', '8:30', '']) {
      const res = await dispatch(s.handlers, 'settings:set', { shiftStart }, quiet);
      expect(res.ok, shiftStart).toBe(false);
      if (!res.ok) expect(res.error.message).toMatch(/交接班时间应为 00:00 至 23:59/);
    }
    expect(s.settings.get().shiftStart).toBe('08:30');
    for (const shiftStart of ['00:00', '23:59', '08:30']) {
      const res = await dispatch(s.handlers, 'settings:set', { shiftStart }, quiet);
      expect(res.ok, shiftStart).toBe(true);
      expect(s.settings.get().shiftStart).toBe(shiftStart);
    }
    await s.close();
  });

  it('shift lengths must tile the day', async () => {
    const s = await onDuty(tempDir());
    for (const shiftHours of [5, 7, 9, 10]) {
      const res = await dispatch(s.handlers, 'settings:set', { shiftHours }, quiet);
      expect(res.ok, String(shiftHours)).toBe(false);
      if (!res.ok) expect(res.error.message).toMatch(/每班时长应能整除24小时/);
    }
    for (const shiftHours of [4, 6, 8, 12, 24])
      expect((await dispatch(s.handlers, 'settings:set', { shiftHours }, quiet)).ok).toBe(true);
    await s.close();
  });

  it('refusals from the pure rules name fields by label, not by key', async () => {
    const s = await onDuty(tempDir());
    const gen = await dispatch(
      s.handlers,
      'schedule:generate',
      { month: '2026-12', leaders: ['李堃', '王镕'], officers: ['赵珺', '钱赟'] },
      quiet,
    );
    expect(gen.ok).toBe(true);
    if (!gen.ok) return;
    // dispatch answers Result<unknown>; the channel's declared output has this shape
    const first = (gen.value as { shifts: { date: string; leader: string; officer: string }[] }).shifts[0]!;
    const refusals = [
      await dispatch(
        s.handlers,
        'schedule:swap',
        { date: first.date, field: 'leader', newPerson: first.leader, reason: '病假' },
        quiet,
      ),
      await dispatch(
        s.handlers,
        'schedule:swap',
        { date: first.date, field: 'leader', newPerson: first.officer, reason: '病假' },
        quiet,
      ),
      await dispatch(
        s.handlers,
        'schedule:exchange',
        { date: first.date, withDate: first.date, field: 'officer', reason: '调休' },
        quiet,
      ),
      await dispatch(
        s.handlers,
        'schedule:generate',
        { month: '2027-01', leaders: ['李堃', '李堃'], officers: ['赵珺'] },
        quiet,
      ),
    ];
    for (const res of refusals) {
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('invalid_input');
        expect(foreignWords(res.error.message), res.error.message).toEqual([]);
      }
    }
    await s.close();
  });

  it('unreadable files are refused in Chinese, without the parser text', async () => {
    const s = await onDuty(tempDir());
    const refusals = [
      await dispatch(
        s.handlers,
        'rosters:import-preview',
        { rosterId: 'eco-hq', format: 'xlsx', contentBase64: 'AAAA' },
        quiet,
      ),
      await dispatch(s.handlers, 'data:import-all', { content: 'not json' }, quiet),
      await dispatch(s.handlers, 'data:import-all', { content: '{"format":"other"}' }, quiet),
    ];
    for (const res of refusals) {
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('invalid_input');
        expect(foreignWords(res.error.message), res.error.message).toEqual([]);
      }
    }
    await s.close();
  });

  it('an unexpected failure gets a Chinese message with an error reference; the raw text is only logged', async () => {
    const s = await onDuty(tempDir());
    const logged: unknown[] = [];
    const handlers = {
      ...s.handlers,
      'incidents:list': async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'receivedAt')");
      },
    };
    const res = await dispatch(handlers, 'incidents:list', {}, (msg, err) => logged.push(msg, err));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('internal');
    expect(res.error.message).toMatch(/^操作失败，请重试；如反复出现请联系管理员（错误编号 [0-9A-Z]+）$/);
    const ref = /错误编号 ([0-9A-Z]+)/.exec(res.error.message)![1]!;
    expect(String(logged[0])).toContain(ref);
    // the second logged argument is the thrown Error
    expect((logged[1] as Error).message).toContain('receivedAt');
    await s.close();
  });
});

describe('a missing reference is not_found, never internal', () => {
  const tempDir = useTempDirs();
  const MISSING = 999_999;

  /** Valid-looking input naming records that do not exist. */
  const cases: [Channel, unknown][] = [
    ['incidents:get', { id: MISSING }],
    ['incidents:update', { id: MISSING, patch: { title: '更正' } }],
    ['incidents:set-status', { id: MISSING, status: '核实中' }],
    ['incidents:add-note', { id: MISSING, kind: '备注', text: '补充' }],
    ['incidents:void-entry', { incidentId: MISSING, entryId: MISSING, reason: '误录' }],
    [
      'clocks:complete',
      {
        incidentId: MISSING,
        clockId: 'env.first',
        completedAt: AT,
        channel: '电话',
        recipientUnit: '市政府',
        recipientName: '张三',
      },
    ],
    ['clocks:not-applicable', { incidentId: MISSING, clockId: 'env.first', reason: '不适用' }],
    ['reports:list', { incidentId: MISSING }],
    ['reports:draft', { incidentId: MISSING, kind: '初报' }],
    ['reports:save', { reportId: MISSING, content: { kind: 'info-report', data: {} } }],
    ['reports:sign', { reportId: MISSING, signedBy: '李堃', signedAt: AT }],
    ['reports:dispatch', { reportId: MISSING, sentAt: AT, sentTo: '市政府', channel: '传真', confirmedBy: '张三' }],
    ['reports:correct', { reportId: MISSING }],
    ['print:record', { form: { kind: 'info-report', data: {} }, title: '信息报告', incidentId: MISSING }],
    [
      'print:record',
      { form: { kind: 'info-report', data: {} }, title: '信息报告', reportId: MISSING, reportVersion: 1 },
    ],
    ['rosters:save-contact', { id: MISSING, name: '王镕' }],
    [
      'rosters:save-contact',
      { rosterId: 'eco-hq', entryKind: 'person', entryId: 'nobody', role: '负责人', name: '王镕' },
    ],
    ['rosters:end-contact', { id: MISSING, reason: '调离' }],
    ['rosters:get', { rosterId: 'no-such-roster' }],
    ['rosters:print-data', { rosterId: 'no-such-roster' }],
    ['rosters:call-list', { incidentId: MISSING }],
    ['rosters:record-call', { incidentId: MISSING, target: '市生态环境局', result: '接通', at: AT }],
    ['duty-log:edit-remark', { id: MISSING, text: '更正' }],
    ['handover:acknowledge', { id: MISSING, leader: '甲', officer: '乙' }],
    ['handover:cancel', { id: MISSING, reason: '撤回' }],
    ['response:get', { incidentId: MISSING }],
    ['response:start', { incidentId: MISSING, level: '三级', decidedBy: '指挥长' }],
    ['response:change-level', { incidentId: MISSING, level: '二级', decidedBy: '指挥长' }],
    ['response:tick', { incidentId: MISSING, itemId: 'x' }],
    ['response:not-applicable', { incidentId: MISSING, itemId: 'x', reason: '不适用' }],
    ['response:confirm-condition', { incidentId: MISSING, conditionId: 'x', by: '指挥长' }],
    ['response:end', { incidentId: MISSING, decidedBy: '指挥部' }],
    ['response:task-deadline', { incidentId: MISSING, taskId: 'x', dueAt: AT, givenBy: '市长' }],
    ['response:task-done', { incidentId: MISSING, taskId: 'x' }],
    ['warnings:lift', { id: MISSING, at: AT, by: { issuerKind: 'city', issuer: '朔州市人民政府' }, document: '文' }],
    [
      'warnings:change',
      { id: MISSING, at: AT, by: { issuerKind: 'city', issuer: '朔州市人民政府' }, level: '四级', document: '文' },
    ],
    ['warnings:link', { id: MISSING, incidentId: MISSING }],
    ['warnings:tick-action', { id: MISSING, itemId: 'x' }],
    [
      'warnings:issue',
      {
        plan: 'radiation',
        level: '三级',
        direction: 'issued',
        issuerKind: 'city',
        issuer: '朔州市人民政府',
        area: '朔城区',
        issuedAt: AT,
        incidentIds: [MISSING],
      },
    ],
    ['data:export-incident', { id: MISSING, format: 'json' }],
  ];

  it.each(cases)('%s %j', async (channel, input) => {
    const s = await onDuty(tempDir());
    const logged: unknown[] = [];
    const res = await dispatch(s.handlers, channel, input, (_m, e) => logged.push(e));
    expect(res.ok, JSON.stringify(res)).toBe(false);
    if (res.ok) return;
    expect(res.error.code, JSON.stringify(logged.map(String))).toBe('not_found');
    expect(foreignWords(res.error.message), res.error.message).toEqual([]);
    expect(res.error.message).toMatch(/不存在|没有|尚未/);
    await s.close();
  });

  it('a warning linked to an incident that does not exist: not_found, and nothing is stored', async () => {
    const s = await onDuty(tempDir());
    const res = await dispatch(
      s.handlers,
      'warnings:issue',
      {
        plan: 'radiation',
        level: '三级',
        direction: 'issued',
        issuerKind: 'city',
        issuer: '朔州市人民政府',
        area: '朔城区',
        issuedAt: AT,
        incidentIds: [MISSING],
      },
      quiet,
    );
    expect(res.ok).toBe(false);
    const list = await dispatch(s.handlers, 'warnings:list', {}, quiet);
    expect(list.ok && list.value).toEqual([]);
    await s.close();
  });
});
