/**
 * Rosters: the gazette seed joined with officers' contacts; search; call lists for incidents and
 * recorded calls; edits with history; file import/export; print data.
 */
import { PLACES } from '../../../shared/domain/incident';
import { ROSTER_SEARCH_MAX } from '../../../shared/ipc/channels/rosters';
import type { IncidentDetail } from '../../../shared/domain/incident-view';
import type {
  CallListView,
  CallListViewItem,
  CallResult,
  ContactChange,
  ContactHistoryEntry,
  EntryKind,
  RosterContact,
  RosterSearchHit,
  RosterSeedView,
  RosterSummary,
  RosterView,
  SeedReport,
} from '../../../shared/domain/roster';
import { COUNTY_ROSTER_ID } from '../../../shared/domain/roster';
import type { RosterPrint, RosterRow as PrintRow } from '../../../shared/forms/types';
import type { ChannelArgs } from '../../../shared/ipc/contract';
import { DomainError } from '../../../shared/ipc/result';
import { STALE_CONTACT_MESSAGE } from '../../../shared/ipc/channels/seats';
import {
  buildCallList,
  type CallListItem,
  type CallListPlan,
  type CallListResponse,
} from '../../../shared/rosters/call-list';
import { splitPhones, validatePhone, type PhoneType } from '../../../shared/rosters/phone';
import { searchRoster, type SearchEntry } from '../../../shared/rosters/search';
import { diffSeed } from '../../../shared/rosters/seed-entries';
import type { Queryable } from '../../db/connection';
import * as incidentsRepo from '../../db/incident-repository';
import * as repo from '../../db/roster-repository';
import type { FeatureContext } from '../feature-context';
import { ALL_ROSTERS, allSeedEntries, entryLabel, entryUnitLabel, findView, searchEntriesOf } from './catalog';
import { NO_DUTY_MESSAGE } from '../officer';
import { messageOf } from '../../../shared/errors';
import { isOneOf } from '../../../shared/one-of';
import { shanghaiDate } from '../../../shared/time';

/** The day a person left, on the duty room's calendar (Beijing time), not the UTC date of the instant. */
const leftOn = (endedAt: string): string => shanghaiDate(Date.parse(endedAt));

const PLAN_OF: Record<string, { plan: CallListPlan; name: string } | undefined> = {
  comms: { plan: 'comms', name: '朔州市通信保障应急预案' },
  radiation: { plan: 'radiation', name: '朔州市辐射事故应急预案' },
  environment: { plan: 'environment', name: '朔州市突发环境事件应急预案' },
  forest_fire: { plan: 'forest_fire', name: '朔州市全面加强森林草原防火专业队伍建设实施方案' },
};

/** Phone fields of a contact and the number type each accepts (an office line may be a mobile). */
const PHONE_FIELDS: readonly [
  keyof Pick<RosterContact, 'officePhone' | 'mobile' | 'redPhone' | 'fax'>,
  string,
  PhoneType | undefined,
][] = [
  ['officePhone', '办公电话', undefined],
  ['mobile', '手机', '手机'],
  ['redPhone', '红机', '红机'],
  ['fax', '传真', '固话'],
];

export const FIELD_LABELS: Record<string, string> = {
  role: '类别',
  name: '姓名',
  title: '职务',
  officePhone: '办公电话',
  mobile: '手机',
  redPhone: '红机',
  fax: '传真',
  note: '备注',
  validFrom: '任职起始',
};

/** Normalises each number of a phone field; refuses the field with the first bad number. */
export function normalizePhones(
  input: Partial<Record<(typeof PHONE_FIELDS)[number][0], string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const issues: { path: string; message: string }[] = [];
  for (const [field, label, type] of PHONE_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    const numbers: string[] = [];
    for (const n of splitPhones(value)) {
      const check = validatePhone(n, type);
      if (check.ok) numbers.push(check.normalized);
      else issues.push({ path: field, message: `${label}：${check.message}` });
    }
    out[field] = numbers.join('；');
  }
  if (issues.length > 0) throw new DomainError('invalid_input', issues.map((i) => i.message).join('；'), issues);
  return out;
}

/** Where an entry's contacts are looked up for a call-list target. */
function targetEntry(item: CallListItem): { rosterId: string; kind: EntryKind; id: string } | null {
  switch (item.targetKind) {
    case 'office':
      return item.rosterId ? { rosterId: item.rosterId, kind: 'office', id: 'office' } : null;
    case 'hq':
      return item.rosterId ? { rosterId: item.rosterId, kind: 'roster', id: item.rosterId } : null;
    case 'county':
      return item.targetId ? { rosterId: COUNTY_ROSTER_ID, kind: 'unit', id: item.targetId } : null;
    case 'person':
    case 'group':
    case 'unit':
      return item.rosterId && item.targetId
        ? { rosterId: item.rosterId, kind: item.targetKind, id: item.targetId }
        : null;
    case 'external':
      return null;
  }
}

/**
 * Every method that reads or writes runs in the transaction it is handed (`q`); the handlers open
 * it, commit, then tell the UI. The handlers also run `seed` once before the first roster access.
 */
export class RosterService {
  constructor(private readonly ctx: FeatureContext) {}

  private stamp(): string {
    return this.ctx.now().toISOString();
  }

  async officer(q: Queryable): Promise<string> {
    const duty = await incidentsRepo.currentDutySession(q);
    if (!duty) throw new DomainError('forbidden', NO_DUTY_MESSAGE);
    return duty.officer;
  }

  /**
   * Brings the database's seed anchors in line with SEED_ROSTERS: adds missing entries, refreshes
   * gazette fields, marks vanished ones removed. Contacts are never touched. Idempotent.
   */
  async seed(q: Queryable): Promise<SeedReport> {
    const next = allSeedEntries();
    const at = this.stamp();
    const stored = await repo.listEntries(q);
    const current = stored.filter((e) => e.removedAt === null).map((e) => e.seed);
    const diff = diffSeed(current, next);
    // Entries that came back after removal are "added" by the diff; upsert revives them.
    for (const e of [...diff.added, ...diff.changed.map((c) => c.after)]) await repo.upsertEntry(q, e, at);
    for (const e of diff.removed) await repo.markEntryRemoved(q, e, at);
    return { added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length };
  }

  /** The contacts in force, of every roster. */
  contacts(q: Queryable): Promise<RosterContact[]> {
    return repo.listContacts(q);
  }

  view(rosterId: string): RosterSeedView {
    const v = findView(rosterId);
    if (!v) throw new DomainError('not_found', '该通讯录不存在（可能已随公报更新），请刷新后重试');
    return v;
  }

  async list(q: Queryable): Promise<RosterSummary[]> {
    const contacts = await repo.listContacts(q);
    return ALL_ROSTERS.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      document: r.document,
      clause: r.clause,
      unitCount: r.units.length,
      groupCount: r.groups.length,
      contactCount: contacts.filter((c) => c.rosterId === r.id).length,
    }));
  }

  async get(q: Queryable, rosterId: string, includeEnded = false): Promise<RosterView> {
    const roster = this.view(rosterId);
    const contacts = await repo.listContacts(q, { rosterId, includeEnded });
    const entries = await repo.listEntries(q, rosterId);
    return {
      roster,
      contacts,
      removedEntries: entries.flatMap((e) =>
        e.removedAt === null
          ? []
          : [{ entryKind: e.seed.kind, entryId: e.seed.id, name: e.seed.fields.name, removedAt: e.removedAt }],
      ),
    };
  }

  async search(q: Queryable, query: string, rosterId?: string): Promise<RosterSearchHit[]> {
    const views = rosterId ? [this.view(rosterId)] : ALL_ROSTERS;
    const contacts = await repo.listContacts(q, rosterId ? { rosterId } : {});
    const byEntry = new Map<string, RosterContact[]>();
    for (const c of contacts) {
      const k = `${c.rosterId}/${c.entryKind}/${c.entryId}`;
      byEntry.set(k, [...(byEntry.get(k) ?? []), c]);
    }
    const phonesOf = (cs: readonly RosterContact[]) =>
      cs.flatMap((c) => [c.officePhone, c.mobile, c.redPhone, c.fax].flatMap((p) => splitPhones(p)));
    const entries: (SearchEntry & { contactId?: number; entryKey: string })[] = [];
    for (const v of views) {
      for (const e of searchEntriesOf(v)) {
        const entryKey = `${v.id}/${e.kind}/${e.id}`;
        const phones = phonesOf(byEntry.get(entryKey) ?? []);
        entries.push({ ...e, entryKey, ...(phones.length ? { phones } : {}) });
      }
    }
    for (const c of contacts) {
      const v = findView(c.rosterId);
      if (!v) continue;
      entries.push({
        rosterId: c.rosterId,
        kind: 'person',
        id: `contact-${c.id}`,
        name: c.name,
        title: [c.role, c.title].filter(Boolean).join('：'),
        unit: entryUnitLabel(v, c.entryKind, c.entryId),
        phones: phonesOf([c]),
        ...(c.note.trim() ? { note: c.note } : {}),
        contactId: c.id,
        entryKey: `${c.rosterId}/${c.entryKind}/${c.entryId}`,
      });
    }
    return searchRoster(entries, query)
      .slice(0, ROSTER_SEARCH_MAX)
      .map((hit) => {
        const e = hit.entry;
        const { contactId, entryKey, ...entry } = e;
        return {
          entry,
          rosterName: findView(e.rosterId)?.name ?? e.rosterId,
          score: hit.score,
          field: hit.field,
          ...(contactId ? { contactId } : {}),
          contacts: contactId ? contacts.filter((c) => c.id === contactId) : (byEntry.get(entryKey) ?? []),
        };
      });
  }

  /** Returns the contact's id, for the handler to read back. */
  async saveContact(q: Queryable, args: ChannelArgs<'rosters:save-contact'>): Promise<number> {
    const phones = normalizePhones(args);
    const at = this.stamp();
    const officer = await this.officer(q);
    if ('id' in args) {
      const before = await repo.findContact(q, args.id);
      if (!before) throw new DomainError('not_found', `联系人 ${args.id} 不存在`);
      // Another seat changed the contact since this officer opened it (issue 17): refused, nothing written.
      if (args.version !== undefined && args.version !== before.version)
        throw new DomainError('conflict', STALE_CONTACT_MESSAGE);
      if (before.endedAt)
        throw new DomainError('conflict', `${before.name}已于${leftOn(before.endedAt)}离任，不能再修改`);
      // An edit changes only the fields it sends; the rest stay as recorded.
      const patch: repo.ContactFields = {
        role: args.role ?? before.role,
        name: args.name ?? before.name,
        title: args.title ?? before.title,
        officePhone: phones.officePhone ?? before.officePhone,
        mobile: phones.mobile ?? before.mobile,
        redPhone: phones.redPhone ?? before.redPhone,
        fax: phones.fax ?? before.fax,
        note: args.note ?? before.note,
        validFrom: args.validFrom ?? before.validFrom,
      };
      const changes = diffContact(before, patch);
      if (changes.length === 0) return before.id;
      await repo.updateContact(q, before.id, patch, at, officer);
      await repo.insertHistory(q, {
        contactId: before.id,
        at,
        officer,
        action: '修改',
        changes,
        reason: args.reason,
      });
      return before.id;
    }
    const fields: repo.ContactFields = {
      role: args.role,
      name: args.name,
      title: args.title,
      officePhone: phones.officePhone ?? '',
      mobile: phones.mobile ?? '',
      redPhone: phones.redPhone ?? '',
      fax: phones.fax ?? '',
      note: args.note,
      validFrom: args.validFrom ?? at,
    };
    const entry = await repo.findEntry(q, args.rosterId, args.entryKind, args.entryId);
    if (!entry) throw new DomainError('not_found', '该通讯录条目不存在（可能已随公报更新），请刷新后重试');
    if (entry.removedAt)
      throw new DomainError('conflict', `条目“${entry.seed.fields.name}”已不在现行公报通讯录中，不能再添加联系人`);
    const newId = await repo.insertContact(
      q,
      { ...fields, rosterId: args.rosterId, entryKind: args.entryKind, entryId: args.entryId },
      at,
      officer,
    );
    await repo.insertHistory(q, {
      contactId: newId,
      at,
      officer,
      action: '新增',
      changes: diffContact(null, fields),
      reason: args.reason,
    });
    return newId;
  }

  async contact(q: Queryable, id: number): Promise<RosterContact> {
    const contact = await repo.findContact(q, id);
    if (!contact) throw new DomainError('not_found', `联系人 ${id} 不存在`);
    return contact;
  }

  /** A person who leaves is ended (kept with the date and reason), never deleted. Returns the id. */
  async endContact(q: Queryable, args: ChannelArgs<'rosters:end-contact'>): Promise<number> {
    const at = this.stamp();
    const endedAt = args.endedAt ?? at;
    const officer = await this.officer(q);
    const c = await repo.findContact(q, args.id);
    if (!c) throw new DomainError('not_found', `联系人 ${args.id} 不存在`);
    if (c.endedAt) throw new DomainError('conflict', `${c.name}已于${leftOn(c.endedAt)}离任`);
    if (Date.parse(endedAt) < Date.parse(c.validFrom))
      throw new DomainError('invalid_input', '离任时间不能早于任职起始时间');
    await repo.endContact(q, c.id, endedAt, args.reason, at, officer);
    await repo.insertHistory(q, {
      contactId: c.id,
      at,
      officer,
      action: '离任',
      changes: [{ field: '离任时间', before: '', after: endedAt }],
      reason: args.reason,
    });
    return args.id;
  }

  async history(q: Queryable, args: ChannelArgs<'rosters:history'>): Promise<ContactHistoryEntry[]> {
    return repo.listHistory(q, args);
  }

  /**
   * The call list of an incident: its plan (by category) at its response level, joined with the
   * numbers officers keep and the calls already recorded.
   */
  async callList(q: Queryable, args: ChannelArgs<'rosters:call-list'>): Promise<CallListView> {
    const incident = await this.ctx.incidents.get(q, args.incidentId);
    const plan = PLAN_OF[incident.category];
    const base = { incidentId: incident.id, plan: plan?.plan ?? null, planName: plan?.name ?? null };
    if (!plan) {
      return {
        ...base,
        response: null,
        notice: '该类别事件在公报中没有对应的专项预案，没有预案规定的呼叫清单。',
        items: [],
      };
    }
    // 44号 sets no response levels: the forest-fire list is the same whatever level is passed.
    const response: CallListResponse | null =
      args.response ?? incident.grading.response ?? (plan.plan === 'forest_fire' ? '四级' : null);
    if (!response) {
      return { ...base, response: null, notice: '尚未确定响应级别：请选择响应级别后生成呼叫清单。', items: [] };
    }
    let items: CallListItem[];
    try {
      items = buildCallList({ plan: plan.plan, response, places: incident.places.filter(isPlace) });
    } catch (err) {
      throw new DomainError('invalid_input', messageOf(err));
    }
    const contacts = await repo.listContacts(q);
    const calls = callsOf(incident);
    return {
      ...base,
      response: plan.plan === 'forest_fire' ? null : response,
      notice: null,
      items: items.map((item): CallListViewItem => {
        const t = targetEntry(item);
        const key = t ? `${t.rosterId}/${t.kind}/${t.id}` : `external/${item.label.split('：')[0]}`;
        return {
          ...item,
          key,
          contacts: t
            ? contacts.filter((c) => c.rosterId === t.rosterId && c.entryKind === t.kind && c.entryId === t.id)
            : [],
          calls: calls.filter((c) => c.key === key).map(({ key: _k, ...c }) => c),
        };
      }),
    };
  }

  /** Records one call in the incident's timeline (kind 'call'). Returns the incident's id. */
  async recordCall(q: Queryable, args: ChannelArgs<'rosters:record-call'>): Promise<number> {
    const now = this.ctx.now();
    if (Date.parse(args.at) > now.getTime() + 5 * 60_000)
      throw new DomainError('invalid_input', '呼叫时间不能晚于当前时间');
    const inc = await incidentsRepo.findIncident(q, args.incidentId);
    if (!inc) throw new DomainError('not_found', `事件 ${args.incidentId} 不存在`);
    if (inc.status === '已归档') throw new DomainError('conflict', '已归档的事件不能再记录呼叫');
    const officer = await this.officer(q);
    // 呼叫污染处置组（组长：市生态环境局），电话138…: the target's own brackets stay unnested.
    const number = args.number ? `，电话${args.number}` : '';
    await incidentsRepo.insertTimeline(q, {
      incidentId: inc.id,
      at: args.at,
      kind: 'call',
      text: `呼叫${args.target}${number}：${args.result}${args.note ? `。${args.note}` : ''}`,
      data: { key: args.key, target: args.target, number: args.number, result: args.result, note: args.note },
      officer,
    });
    return inc.id;
  }

  /** A4 roster printout: leaders, office, units, groups, each with the numbers in force. */
  async printData(q: Queryable, rosterId: string): Promise<RosterPrint> {
    const { roster: v, contacts } = await this.get(q, rosterId);
    const of = (kind: EntryKind, id: string) => contacts.filter((c) => c.entryKind === kind && c.entryId === id);
    const rows = (kind: EntryKind, id: string, role: string, seedName: string, unitTitle: string): PrintRow[] => {
      const cs = of(kind, id);
      if (cs.length === 0)
        return [{ role, name: seedName, unitTitle, officePhone: '', mobile: '', redPhone: '', fax: '' }];
      return cs.map((c) => ({
        role: c.role === '负责人' ? role : c.role,
        name: c.name,
        unitTitle: c.title ? `${unitTitle === c.title ? '' : `${unitTitle}　`}${c.title}` : unitTitle,
        officePhone: c.officePhone,
        mobile: c.mobile,
        redPhone: c.redPhone,
        fax: c.fax,
      }));
    };
    const sections: RosterPrint['sections'] = [];
    const hq = of('roster', v.id);
    if (hq.length) sections.push({ heading: '总值班', rows: rows('roster', v.id, '值班', '', v.name) });
    const people = [...v.leaders, ...(v.members ?? [])];
    if (people.length)
      sections.push({
        heading: '领导成员',
        rows: people.flatMap((p) => rows('person', p.id, p.role, p.name ?? '', p.title)),
      });
    if (v.office)
      sections.push({
        heading: v.office.name,
        rows: rows('office', 'office', '办公室', '', `设在${v.office.hostUnit}`),
      });
    if (v.units.length)
      sections.push({ heading: '成员单位', rows: v.units.flatMap((u) => rows('unit', u.id, '成员单位', '', u.name)) });
    if (v.groups.length) {
      sections.push({
        heading: '工作组',
        rows: v.groups.flatMap((g) => rows('group', g.id, g.name, '', g.leaderTitle ?? entryLabel(v, 'group', g.id))),
      });
    }
    // Printed once as 依据《…》（文号 条款）: the renderer adds the word 依据 itself.
    const basis = v.documentTitle ? `${v.documentTitle}（${v.document} ${v.clause}）` : `${v.document} ${v.clause}`;
    return { title: `${v.name}通讯录`, basis, asOf: this.stamp(), sections };
  }
}

/** Free-text places (a village, a road) have no county government to call; the list takes the seven. */
function isPlace(p: string): boolean {
  return isOneOf(PLACES, p);
}

function callsOf(
  incident: IncidentDetail,
): { key: string; at: string; result: CallResult; number: string; officer: string; note: string }[] {
  return incident.timeline
    .filter((e) => e.kind === 'call' && !e.voided && e.data)
    .map((e) => {
      // A 'call' entry's data is written by recordCall below in this shape.
      const d = e.data as { key?: string; result?: CallResult; number?: string; note?: string };
      return {
        key: d.key ?? '',
        at: e.at,
        result: d.result ?? '已通知',
        number: d.number ?? '',
        officer: e.officer,
        note: d.note ?? '',
      };
    })
    .reverse();
}

/** Field-by-field changes between the stored contact and new values, with Chinese field names. */
export function diffContact(
  before: Partial<repo.ContactFields> | null,
  after: Partial<repo.ContactFields>,
): ContactChange[] {
  const out: ContactChange[] = [];
  for (const k of repo.CONTACT_FIELDS) {
    const a = after[k];
    if (a === undefined) continue;
    const b = before?.[k] ?? '';
    if (a !== b) out.push({ field: FIELD_LABELS[k] ?? k, before: b, after: a });
  }
  return out;
}
