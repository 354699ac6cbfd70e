import { describe, expect, it } from 'vitest';
import type { ChecklistPlanId } from '../../../shared/plans';
import { checkTermination, terminationAuthority, terminationConditions } from '../../../shared/response';
import { quotedIn } from './gazette-text';

const PLANS: [ChecklistPlanId, string, number][] = [
  ['comms', '4.8', 3],
  ['radiation', '4.5', 3],
  ['environment', '5.5', 3],
];
const ok = { at: '2021-09-12T10:00:00+08:00', by: '王五' };

describe('termination conditions', () => {
  it.each(PLANS)('%s: conditions of %s quote the gazette', (plan, clause, count) => {
    const conds = terminationConditions(plan);
    expect(conds).toHaveLength(count);
    for (const c of conds) {
      expect(c.clause.startsWith(clause)).toBe(true);
      expect(quotedIn(plan, c.clause, c.text), c.id).toBe(true);
    }
    expect(quotedIn(plan, clause, terminationAuthority(plan).text)).toBe(true);
  });

  it.each(PLANS)('%s: refused until every condition is confirmed, naming the missing ones', (plan) => {
    const conds = terminationConditions(plan);
    const confirmed: Record<string, typeof ok> = {};
    const none = checkTermination(plan, confirmed);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.missing.map((c) => c.id)).toEqual(conds.map((c) => c.id));
    for (const [i, c] of conds.entries()) {
      const r = checkTermination(plan, confirmed);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.missing.map((m) => m.id)).toEqual(conds.slice(i).map((m) => m.id));
        for (const m of r.missing) expect(r.message).toContain(m.text);
        for (const done of conds.slice(0, i)) expect(r.message).not.toContain(done.text);
        expect(r.message).toMatch(/^不能终止应急响应：依据《朔州市/);
      }
      confirmed[c.id] = ok;
    }
    expect(checkTermination(plan, confirmed)).toEqual({ ok: true });
  });

  it('a confirmation needs a time and who confirmed; unknown ids are refused', () => {
    expect(() => checkTermination('comms', { 'comms.4.8.1': { at: '', by: '王五' } })).toThrow(/comms\.4\.8\.1\]\.at/);
    expect(() => checkTermination('comms', { 'comms.4.8.1': { at: ok.at, by: '' } })).toThrow(/确认人/);
    expect(() => checkTermination('comms', { 'env.5.5.1': ok })).toThrow(/条件编号无效/);
  });

  it('A 4.8 is declared by the city HQ; B and C by whoever started the response', () => {
    expect(terminationAuthority('comms').text).toContain('市指挥部宣布');
    expect(terminationAuthority('environment').text).toBe('由启动响应的应急指挥机构终止应急响应');
  });
});
