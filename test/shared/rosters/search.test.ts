import { describe, expect, it } from 'vitest';
import { flattenRoster, pinyinKeys, pinyinScore, searchRoster, type SearchEntry } from '../../../shared/rosters/search';
import { ECO_HQ, SEED_ROSTERS } from '../../../shared/rosters/seed/index';

const ENTRIES = SEED_ROSTERS.flatMap(flattenRoster);
const names = (q: string, entries: readonly SearchEntry[] = ENTRIES) =>
  searchRoster(entries, q).map((h) => h.entry.name);

describe('flattenRoster', () => {
  it('yields office, every person, unit and group of a roster', () => {
    const flat = flattenRoster(ECO_HQ);
    expect(flat.filter((e) => e.kind === 'office')).toHaveLength(1);
    expect(flat.filter((e) => e.kind === 'unit')).toHaveLength(ECO_HQ.units.length);
    expect(flat.filter((e) => e.kind === 'group')).toHaveLength(15);
    expect(flat.filter((e) => e.kind === 'person')).toHaveLength(ECO_HQ.leaders.length + (ECO_HQ.members?.length ?? 0));
    expect(flat.every((e) => e.rosterId === 'eco-hq')).toBe(true);
  });
});

describe('pinyin initials', () => {
  it('computes initials with and without the leading 市', () => {
    expect(pinyinKeys('市生态环境局')).toMatchObject({ initials: 'ssthjj', strippedInitials: 'sthjj' });
    expect(pinyinKeys('指挥长').initials).toBe('zhz');
  });

  it('a name with ü (吕志强) is found by its full pinyin typed with v, with u, or with ü, as by its initials', () => {
    const people: SearchEntry[] = [
      { rosterId: 'r', kind: 'person', id: 'p1', name: '吕志强' },
      { rosterId: 'r', kind: 'person', id: 'p2', name: '何晓' },
    ];
    for (const q of ['lvzhiqiang', 'luzhiqiang', 'lüzhiqiang', 'lvzhi', 'lzq', 'LVZHIQIANG']) {
      expect([q, searchRoster(people, q).map((h) => h.entry.name)]).toEqual([q, ['吕志强']]);
    }
    expect(searchRoster(people, 'hexiao').map((h) => h.entry.name)).toEqual(['何晓']);
    expect(searchRoster(people, 'lzhiqiang')).toEqual([]);
  });

  it('"stj" finds 市生态环境局 (subsequence of the stripped initials sthjj)', () => {
    expect(pinyinScore('stj', '市生态环境局')).toBeGreaterThan(0);
    const hits = searchRoster(ENTRIES, 'stj')
      .filter((h) => h.entry.kind === 'unit')
      .map((h) => h.entry.name);
    expect(hits).toContain('市生态环境局');
  });

  it('ranks a prefix above a subsequence, and exact initials highest', () => {
    expect(pinyinScore('sthjj', '市生态环境局')).toBeGreaterThan(pinyinScore('sthj', '市生态环境局'));
    expect(pinyinScore('sthj', '市生态环境局')).toBeGreaterThan(pinyinScore('stj', '市生态环境局'));
    expect(names('sthjj')[0]).toBe('市生态环境局');
  });

  it('keeps short queries precise: two letters never match by subsequence', () => {
    expect(pinyinScore('sj', '市生态环境局')).toBe(0);
    expect(pinyinScore('s', '市生态环境局')).toBeGreaterThan(0);
  });

  it('finds people by initials of their name', () => {
    expect(names('wyk')[0]).toBe('王玉奎');
    expect(names('tiandong')).toContain('田东');
  });

  it('strips 中国 so carrier abbreviations work', () => {
    expect(names('yd')).toContain('中国移动朔州分公司');
    expect(names('ydfgs')).toContain('中国移动朔州分公司');
  });

  it('matches full pinyin prefixes', () => {
    expect(names('shengtai')).toContain('市生态环境局');
  });
});

describe('searchRoster', () => {
  it('finds units by Chinese name, exact name first', () => {
    const hits = searchRoster(ENTRIES, '市工信局');
    expect(hits[0]?.entry.name).toBe('市工信局');
    expect(hits[0]?.entry.kind).toBe('unit');
  });

  it('finds persons by name and by title', () => {
    expect(names('聂日旺')).toEqual(['聂日旺']);
    const hits = searchRoster(ENTRIES, '二级调研员').map((h) => h.entry.name);
    expect(hits).toEqual(expect.arrayContaining(['聂日旺', '侯林虎', '李永唐', '闫凤花']));
  });

  it('finds units and groups by duty text, ranked below name matches', () => {
    const hits = searchRoster(ENTRIES, '放射源');
    expect(hits.map((h) => h.entry.name)).toContain('案件侦破组');
    expect(hits.every((h) => h.field === 'duties' || h.field === 'name')).toBe(true);
  });

  it('requires every word of a multi-word query', () => {
    const hits = searchRoster(ENTRIES, '通信 宣传');
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      const text = JSON.stringify(h.entry);
      expect(text).toContain('宣传');
    }
  });

  it('searches officer-entered phone numbers', () => {
    const entries: SearchEntry[] = [
      { rosterId: 'x', kind: 'unit', id: 'a', name: '甲单位', phones: ['0349-2021234'] },
      { rosterId: 'x', kind: 'unit', id: 'b', name: '乙单位', phones: ['13912345678'] },
    ];
    expect(names('2021234', entries)).toEqual(['甲单位']);
    expect(names('1391234', entries)).toEqual(['乙单位']);
  });

  it('returns nothing for an empty query or no match', () => {
    expect(searchRoster(ENTRIES, '  ')).toEqual([]);
    expect(searchRoster(ENTRIES, '不存在的单位名称')).toEqual([]);
  });
});
