/** Small builders that keep the seed files close to the gazette's own layout. */

import type { GroupKind, PersonRole, SeedGroup, SeedPerson, SeedUnit } from '../types';
import { unitIdOf } from './units';

/** A source-bound builder: every entry it makes cites `document`. */
export function sourceOf(document: string) {
  return {
    unit(clause: string, name: string, duties?: string): SeedUnit {
      return { id: unitIdOf(name), name, document, clause, ...(duties ? { duties } : {}) };
    },
    /** Units listed in one sentence, e.g. 成员单位：市委宣传部、市发改委…… */
    unitList(clause: string, list: string): SeedUnit[] {
      return splitList(list).map((name) => this.unit(clause, name));
    },
    person(
      clause: string,
      id: string,
      role: PersonRole,
      title: string,
      opts: { name?: string; unit?: string } = {},
    ): SeedPerson {
      return {
        id,
        role,
        title,
        document,
        clause,
        ...(opts.name ? { name: opts.name } : {}),
        ...(opts.unit ? { unitId: unitIdOf(opts.unit) } : {}),
      };
    },
    group(
      clause: string,
      id: string,
      name: string,
      kind: GroupKind,
      lead: string[],
      members: string,
      opts: { leaderTitle?: string; duties?: string } = {},
    ): SeedGroup {
      return {
        id,
        name,
        kind,
        document,
        clause,
        leadUnits: lead.map(unitIdOf),
        memberUnits: splitList(members).map(unitIdOf),
        ...(opts.leaderTitle ? { leaderTitle: opts.leaderTitle } : {}),
        ...(opts.duties ? { duties: opts.duties } : {}),
      };
    },
  };
}

/** Splits a gazette enumeration on 、，, — but not inside brackets, as in 县(市、区)政府相关部门. */
export function splitList(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if (ch === '(' || ch === '（') depth += 1;
    if (ch === ')' || ch === '）') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === '、' || ch === '，' || ch === ',')) {
      items.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current);
  return items.map((s) => s.trim()).filter((s) => s !== '');
}
