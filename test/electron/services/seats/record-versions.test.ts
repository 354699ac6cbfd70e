/**
 * Each record carries a version (issue 17): a report draft and a roster contact saved from an
 * older version than the stored one are refused with the seats' message, and nothing is written;
 * the officer then saves from the newer version knowingly. Runs on SQLite and on PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import type { Report } from '../../../../shared/domain/report';
import type { RosterContact } from '../../../../shared/domain/roster';
import { STALE_CONTACT_MESSAGE, STALE_REPORT_MESSAGE } from '../../../../shared/ipc/channels/seats';
import { dispatch } from '../../../../electron/ipc/dispatch';
import type { AppServices } from '../../../../electron/services/app-services';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs();
/** The text fields of an incident's 初报 (an info-report form). */
const textFields = (c: Report['versions'][number]['content']): Record<string, string> =>
  // the report content's known shape for this form kind
  (c.data as unknown as { content: Record<string, string> }).content;
const NOW = new Date('2026-11-29T02:00:00.000Z');

async function call<T = unknown>(s: AppServices, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(s.handlers, channel, input, () => undefined);
  if (!r.ok) throw new Error(r.error.message);
  // an ok answer carries the channel's declared output; the caller names it
  return r.value as T;
}

describe('record versions beyond the incident', () => {
  it('a report draft saved from an older draft is refused and the newer draft stays', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    try {
      await call(s, 'duty:set', { leader: '李堃', officer: '赵珺' });
      const inc = await call<IncidentDetail>(s, 'incidents:create', ENV_INPUT);
      const draft = await call<Report>(s, 'reports:draft', { incidentId: inc.id, kind: '初报' });
      const start = draft.versions.at(-1)!;
      const withPollutants = (text: string) => {
        const c = structuredClone(start.content);
        textFields(c).pollutants = text;
        return c;
      };
      // Seat A saves from draft 1: draft 2.
      const a = await call<Report>(s, 'reports:save', {
        reportId: draft.id,
        version: start.version,
        content: withPollutants('氨氮约2吨'),
      });
      expect(a.versions.map((v) => v.version)).toEqual([1, 2]);
      // Seat B, also from draft 1, is refused; draft 2 is still the newest, A's text in it.
      await expect(
        call(s, 'reports:save', { reportId: draft.id, version: start.version, content: withPollutants('总磷约1吨') }),
      ).rejects.toThrow(STALE_REPORT_MESSAGE);
      const [stored] = await call<Report[]>(s, 'reports:list', { incidentId: inc.id });
      expect(stored!.versions.map((v) => v.version)).toEqual([1, 2]);
      expect(textFields(stored!.versions[1]!.content).pollutants).toBe('氨氮约2吨');
      // Having seen draft 2, B saves from it.
      const b = await call<Report>(s, 'reports:save', {
        reportId: draft.id,
        version: 2,
        content: withPollutants('总磷约1吨'),
      });
      expect(b.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    } finally {
      await s.close();
    }
  });

  it('a roster contact edited from an older version is refused and changes nothing', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    try {
      await call(s, 'duty:set', { leader: '李堃', officer: '赵珺' });
      const c = await call<RosterContact>(s, 'rosters:save-contact', {
        rosterId: 'eco-hq',
        entryKind: 'person',
        entryId: 'commander',
        role: '负责人',
        name: '王镕',
        title: '副市长',
        mobile: '13912345678',
      });
      expect(c.version).toBe(1);
      const a = await call<RosterContact>(s, 'rosters:save-contact', {
        id: c.id,
        version: 1,
        mobile: '13912345679',
        reason: '换号',
      });
      expect(a).toMatchObject({ version: 2, mobile: '13912345679' });
      await expect(
        call(s, 'rosters:save-contact', { id: c.id, version: 1, title: '市长', reason: '职务变动' }),
      ).rejects.toThrow(STALE_CONTACT_MESSAGE);
      const history = await call<{ action: string }[]>(s, 'rosters:history', { contactId: c.id });
      expect(history.filter((h) => h.action === '修改')).toHaveLength(1);
      const view = await call<{ contacts: RosterContact[] }>(s, 'rosters:get', { rosterId: 'eco-hq' });
      expect(view.contacts.find((x) => x.id === c.id)).toMatchObject({
        version: 2,
        title: '副市长',
        mobile: '13912345679',
      });
      const b = await call<RosterContact>(s, 'rosters:save-contact', {
        id: c.id,
        version: 2,
        title: '市长',
        reason: '职务变动',
      });
      expect(b).toMatchObject({ version: 3, title: '市长', mobile: '13912345679' });
    } finally {
      await s.close();
    }
  });
});
