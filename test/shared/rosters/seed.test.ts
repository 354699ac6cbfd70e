import { describe, expect, it } from 'vitest';
import { splitList } from '../../../shared/rosters/seed/build';
import {
  COMMS_HQ,
  ECO_HQ,
  FOREST_FIRE_BRIGADES,
  HOUSING_LG,
  HYDROGEN_LG,
  RIVER_CHIEF_JM,
  SEED_ROSTERS,
  SME_LG,
  findUnitById,
  findUnitByName,
  getRoster,
} from '../../../shared/rosters/seed/index';
import type { Roster } from '../../../shared/rosters/types';
import { GAZETTE, between } from './gazette';

/** Resolves every name of a gazette enumeration to a registry id. */
function idsOf(list: string): string[] {
  return splitList(list).map((name) => {
    const unit = findUnitByName(name);
    if (!unit) throw new Error(`gazette name not in registry: ${name}`);
    return unit.id;
  });
}

function unitIds(roster: Roster): string[] {
  return roster.units.map((u) => u.id);
}

describe('seed rosters: structure', () => {
  it('has unique roster ids and unique entry ids within each roster', () => {
    expect(new Set(SEED_ROSTERS.map((r) => r.id)).size).toBe(SEED_ROSTERS.length);
    for (const r of SEED_ROSTERS) {
      const people = [...r.leaders, ...(r.members ?? [])].map((p) => p.id);
      expect(new Set(people).size, r.id).toBe(people.length);
      expect(new Set(unitIds(r)).size, r.id).toBe(r.units.length);
      expect(new Set(r.groups.map((g) => g.id)).size, r.id).toBe(r.groups.length);
    }
  });

  it('cites a 2021 gazette document and a clause on every entry', () => {
    const doc = /^朔政办(发|函)〔2021〕\d+号$/;
    for (const r of SEED_ROSTERS) {
      const entries = [r, ...r.leaders, ...(r.members ?? []), ...r.units, ...r.groups, ...(r.office ? [r.office] : [])];
      for (const e of entries) {
        expect(e.document, r.id).toMatch(doc);
        expect(e.clause.trim(), r.id).not.toBe('');
        expect(GAZETTE).toContain(e.document);
      }
    }
  });

  it('refers only to registered units, and groups of an HQ only to its members or placeholders', () => {
    for (const r of SEED_ROSTERS) {
      for (const g of r.groups) {
        for (const id of [...g.leadUnits, ...g.memberUnits]) {
          const unit = findUnitById(id);
          expect(unit, `${r.id}/${g.id}: ${id}`).toBeDefined();
          if (unit && unit.category !== '泛指' && unit.category !== '县级政府') {
            expect(unitIds(r), `${r.id}/${g.id}: ${unit.name}`).toContain(id);
          }
        }
      }
      if (r.office) expect(findUnitById(r.office.hostUnitId)?.name).toBeDefined();
    }
  });

  it('getRoster throws on an unknown id', () => {
    expect(() => getRoster('nope')).toThrow(/nope/);
  });
});

describe('seed rosters: complete against the gazette', () => {
  it('通信保障指挥部: 19 member units (40号 2.1 = 附件2), 4 field groups (2.3, 附件3)', () => {
    const listed = idsOf(between('成员单位：', '。', '2.1市通信保障指挥部'));
    expect(listed).toHaveLength(19);
    expect(unitIds(COMMS_HQ).sort()).toEqual([...listed].sort());
    const groups = between('下设', '等4个工作组', '2.3现场指挥部');
    expect(COMMS_HQ.groups.map((g) => g.name)).toEqual(splitList(groups.replace('和', '、')));
    expect(COMMS_HQ.groups.map((g) => g.leadUnits[0])).toEqual([
      'industry-it',
      'public-security',
      'ndrc',
      'propaganda',
    ]);
    expect(COMMS_HQ.leaders.filter((p) => p.role === '副指挥长')).toHaveLength(2);
    expect(COMMS_HQ.office?.hostUnit).toBe('市工信局');
    for (const u of COMMS_HQ.units) expect(u.duties, u.name).toBeTruthy();
  });

  it('较大生态环境事件应急指挥部: 28 member units (43号 2.1), duties for each (附件2)', () => {
    const listed = idsOf(between('成员单位：', '等。', '市突发环境事件应急组织指挥体系由').replace('及', '、'));
    expect(listed).toHaveLength(28);
    expect(unitIds(ECO_HQ).sort()).toEqual([...listed].sort());
    for (const u of ECO_HQ.units) {
      expect(u.duties, u.name).toBeTruthy();
      // The duty text is the gazette's own (folded like the gazette string).
      const firstClause =
        (u.duties ?? '')
          .replace(/（/g, '(')
          .replace(/）/g, ')')
          .split(/[；。]/)[0] ?? '';
      expect(GAZETTE, u.name).toContain(firstClause);
    }
    // Plan B 附件2 lists 11 members; each carries its radiation duties.
    expect(ECO_HQ.units.filter((u) => u.extraDuties?.length)).toHaveLength(11);
  });

  it('较大生态环境事件应急指挥部: 9 working groups of plan C and 6 field groups of plan B', () => {
    const c = between('市指挥部设立', '等9个工作组', '市突发环境事件应急组织指挥体系由');
    expect(ECO_HQ.groups.filter((g) => g.document === '朔政办发〔2021〕43号').map((g) => g.name)).toEqual(splitList(c));
    const b = between('现场指挥部下设', '6个组', '2.3市辐射事故应急现场指挥部');
    expect(ECO_HQ.groups.filter((g) => g.document === '朔政办发〔2021〕42号').map((g) => g.name)).toEqual(splitList(b));
    for (const g of ECO_HQ.groups.filter((g) => g.id !== 'c-general')) {
      expect(g.leaderTitle, g.name).toBeTruthy();
      expect(g.memberUnits.length, g.name).toBeGreaterThan(0);
    }
    expect(ECO_HQ.leaders.filter((p) => p.role === '副指挥长')).toHaveLength(5);
    expect(ECO_HQ.office?.hostUnit).toBe('市生态环境局');
  });

  it('plan C 附件3 member lists match the gazette group by group', () => {
    for (const g of ECO_HQ.groups.filter((x) => x.document === '朔政办发〔2021〕43号' && x.id !== 'c-general')) {
      const text = between('成员单位：', '等。', `${g.name}组长：`).replace(/和相关部门$/, '、相关部门');
      expect(g.memberUnits, g.name).toEqual(idsOf(text));
    }
  });

  it('forest fire brigades: one per county, 应县 and 右玉县 at least 100 (44号 三(一)1)', () => {
    expect(FOREST_FIRE_BRIGADES.units).toHaveLength(6);
    const hundred = FOREST_FIRE_BRIGADES.units.filter((u) => u.duties?.includes('不少于100人')).map((u) => u.name);
    expect(hundred).toEqual(['应县森林草原防火专业队伍', '右玉县森林草原防火专业队伍']);
  });

  it('氢能产业发展工作领导小组: 组长, 3 副组长, 20 named members as in 94号', () => {
    expect(HYDROGEN_LG.leaders.map((p) => p.name)).toEqual(['吴秀玲', '张韬', '刘亮', '金晓辉']);
    expect(HYDROGEN_LG.members).toHaveLength(20);
    for (const p of [...HYDROGEN_LG.leaders, ...(HYDROGEN_LG.members ?? [])]) {
      // Titles are written after the name, possibly wrapped over lines.
      expect(GAZETTE, p.name).toContain(`${p.name}${p.title.replace(/、/g, '、')}`);
    }
    expect(HYDROGEN_LG.office?.hostUnit).toBe('市发改委');
  });

  it('促进中小企业发展工作领导小组: 19 member units (102号 二)', () => {
    const listed = idsOf(between('成员：', '的主要负责人', '朔政办函〔2021〕102号各县'));
    expect(listed).toHaveLength(19);
    expect(unitIds(SME_LG)).toEqual(listed);
    expect(SME_LG.leaders.map((p) => p.role)).toEqual(['组长', '常务副组长', '副组长', '副组长']);
  });

  it('河长制工作联席会议: 20 member units (附件1 二), convener, 2 deputies, 21 named members (附件2)', () => {
    const listed = idsOf(between('联席会议由', '等单位组成', '二、成员单位'));
    expect(listed).toHaveLength(20);
    expect(unitIds(RIVER_CHIEF_JM)).toEqual(listed);
    expect(RIVER_CHIEF_JM.leaders.map((p) => `${p.role}${p.name}`)).toEqual([
      '召集人田东',
      '副召集人聂日旺',
      '副召集人李永强',
    ]);
    const annex = between('朔州市全面推行河长制工作联席会议组成成员', '办公室主任：', '附件2朔州市全面推行河长制');
    expect(RIVER_CHIEF_JM.members).toHaveLength(21);
    for (const p of RIVER_CHIEF_JM.members ?? []) expect(annex, p.name).toContain(`${p.name}${p.title}`);
  });

  it('保障性安居工程建设和稳定房地产市场领导小组: 15 member units, 6 副组长 (110号 二)', () => {
    const listed = idsOf(between('成员：', '等单位的负责人', '朔政办函〔2021〕110号各县'));
    expect(listed).toHaveLength(15);
    expect(unitIds(HOUSING_LG)).toEqual(listed);
    expect(HOUSING_LG.leaders.filter((p) => p.role === '副组长')).toHaveLength(6);
    expect(HOUSING_LG.office?.hostUnit).toBe('市住建局');
  });
});
