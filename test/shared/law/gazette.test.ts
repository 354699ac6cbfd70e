import { describe, expect, it } from 'vitest';
import { locateClause, parseGazette, searchGazette, splitCitations } from '../../../shared/law/gazette';
import { PLANS, PLAN_IDS } from '../../../shared/plans';
import { FACT_FIELDS } from '../../../shared/rules';
import { GAZETTE_TEXT } from '../../helpers/gazette';

const gazette = parseGazette(GAZETTE_TEXT);
const byName = Object.fromEntries(PLAN_IDS.map((id) => [PLANS[id].name, PLANS[id].document]));
const paragraphAt = (doc: string, clause: string): string | null => {
  const at = locateClause(gazette, doc, clause);
  if (!at || at.paragraph === null) return null;
  return gazette.documents[at.document]!.sections[at.section]!.paragraphs[at.paragraph]!;
};

describe('the gazette as documents and clauses', () => {
  it('finds every plan the rules cite, with its notice title', () => {
    for (const id of PLAN_IDS) {
      const doc = gazette.documents.find((d) => d.number === PLANS[id].document);
      expect(doc, PLANS[id].document).toBeDefined();
      expect(doc!.title).toBe(PLANS[id].notice);
    }
  });

  it('opens a numbered item of a clause: 42号 4.1.1(3) is the 2-hour step-by-step report', () => {
    expect(paragraphAt('朔政办发〔2021〕42号', '4.1.1(3)')).toMatch(
      /^\(3\) 发生重大辐射事故、特别重大辐射事故后.*2小时内逐级报告/,
    );
    expect(paragraphAt('朔政办发〔2021〕42号', '4.1.1(1)')).toMatch(
      /^（1）发现发生辐射事故时，事发单位在1小时内书面报告/,
    );
  });

  it('opens a circled sub-item inside a numbered item: 43号 5.1.1(5)②', () => {
    expect(paragraphAt('朔政办发〔2021〕43号', '5.1.1(5)②')).toMatch(/^②可能或已引发大规模群体性事件/);
  });

  it('opens an annex: 43号 附件5 is the grading table', () => {
    const at = locateClause(gazette, '朔政办发〔2021〕43号', '附件5 重大④');
    expect(at).not.toBeNull();
    expect(gazette.documents[at!.document]!.sections[at!.section]!.id).toBe('附件5');
  });

  it('resolves the clause of every fact field the registration form cites', () => {
    for (const id of PLAN_IDS) {
      for (const f of FACT_FIELDS[id]) {
        expect(locateClause(gazette, PLANS[id].document, f.clause), `${PLANS[id].name} ${f.clause}`).not.toBeNull();
      }
    }
  });

  it('says nothing was found for a clause that is not in the document, instead of pointing elsewhere', () => {
    expect(locateClause(gazette, '朔政办发〔2021〕42号', '9.9.9')).toBeNull();
    expect(locateClause(gazette, '朔政办发〔2021〕99号', '4.1')).toBeNull();
  });

  it('searches by several words, all of which must be present', () => {
    const hits = searchGazette(gazette, '30分钟 书面');
    expect(hits.length).toBeGreaterThanOrEqual(2);
    for (const h of hits) expect(h.text).toMatch(/30分钟/);
    expect(hits.every((h) => h.text.includes('书面'))).toBe(true);
    expect(searchGazette(gazette, '不存在的词语组合 氢能火箭')).toEqual([]);
  });
});

describe('citations in display text', () => {
  it('turns 依据《plan》clause into a link to the plan document and clause, keeping the surrounding text', () => {
    const parts = splitCitations('1小时内书面报告（依据《朔州市辐射事故应急预案》4.1.1(1)）', byName);
    expect(parts.map((p) => p.text).join('')).toBe('1小时内书面报告（依据《朔州市辐射事故应急预案》4.1.1(1)）');
    expect(parts.find((p) => p.cite)?.cite).toEqual({ document: '朔政办发〔2021〕42号', clause: '4.1.1(1)' });
  });

  it('reads annex clauses and bare document numbers', () => {
    expect(splitCitations('依据《朔州市突发环境事件应急预案》附件5 重大④', byName)[1]?.cite).toEqual({
      document: '朔政办发〔2021〕43号',
      clause: '附件5 重大④',
    });
    expect(splitCitations('依据 朔政办发〔2021〕44号：10分钟内集结', byName)[1]?.cite).toEqual({
      document: '朔政办发〔2021〕44号',
      clause: '',
    });
  });

  it('leaves a title that is not a plan of the gazette as plain text', () => {
    expect(splitCitations('见《中华人民共和国突发事件应对法》', byName)).toEqual([
      { text: '见《中华人民共和国突发事件应对法》' },
    ]);
  });
});
