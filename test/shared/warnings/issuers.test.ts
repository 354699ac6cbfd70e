import { describe, expect, it } from 'vitest';
import {
  WARNING_ISSUERS,
  checkChange,
  checkIssuer,
  checkLift,
  issuerKey,
  liftCondition,
  liftWarning,
  validateWarning,
  type IssuerKind,
  type WarningLevel,
  type WarningRecord,
} from '../../../shared/warnings';
import { clauseSpan, quotedIn } from '../response/gazette-text';

describe('who may issue (B 3.1.2)', () => {
  const table: [WarningLevel, IssuerKind, boolean][] = [
    ['一级', 'province', true],
    ['一级', 'city', false],
    ['二级', 'province', true],
    ['二级', 'city', false],
    ['二级', 'county', false],
    ['三级', 'city', true],
    ['三级', 'province', false],
    ['三级', 'county', false],
    ['四级', 'county', true],
    ['四级', 'city', false],
    ['四级', 'other', false],
  ];
  it.each(table)('radiation %s by %s → %s', (level, kind, allowed) => {
    const r = checkIssuer('radiation', level, kind);
    expect(r.ok).toBe(allowed);
    if (r.ok) expect(r.verified).toBe(true);
    else expect(r.error).toContain('3.1.2');
  });

  it('the refusal names the rightful issuer in Chinese', () => {
    const r = checkIssuer('radiation', '二级', 'city');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toBe(
        '二级（橙色）预警应由省指挥部（经省政府授权）发布，市级无权发布（依据《朔州市辐射事故应急预案》3.1.2）',
      );
  });

  it('B 3.1.2 issuer names and reports come from the clause', () => {
    const span = clauseSpan('radiation', '3.1.2');
    expect(span).toContain('三级预警信息由朔州市政府负责发布');
    expect(span).toContain('四级预警信息由事发地县级政府负责发布');
    expect(span).toContain('一级预警信息经省政府授权由省指挥部负责发布');
    for (const r of Object.values(WARNING_ISSUERS.radiation.byLevel)) {
      if (r.alsoReport) expect(quotedIn('radiation', '3.1.2', r.alsoReport)).toBe(true);
    }
  });

  it('A and C assign no issuer per level: ok but unverified, pointing to their clause', () => {
    const c = checkIssuer('environment', '一级', 'city');
    expect(c).toMatchObject({ ok: true, verified: false });
    if (c.ok) expect(c.message).toContain('市指挥部或其授权的相关部门');
    expect(quotedIn('environment', '4.2.2', '市指挥部或其授权的相关部门')).toBe(true);
    const a = checkIssuer('comms', '三级', 'province');
    expect(a).toMatchObject({ ok: true, verified: false, rule: null });
    expect(quotedIn('comms', '3.2', '及时发布预警信息')).toBe(true);
    // a deliberately invalid input for the refusal test
    expect(() => checkIssuer('radiation', '三级', 'mayor' as IssuerKind)).toThrow(/issuerKind/);
  });
});

const yellow: WarningRecord = {
  plan: 'radiation',
  level: '三级',
  issuerKind: 'city',
  issuer: '朔州市人民政府',
  area: '朔城区',
  issuedAt: '2021-09-10T09:00:00+08:00',
  direction: 'issued',
  document: '朔政发明电〔2021〕1号',
};
const city = { issuerKind: 'city' as const, issuer: '朔州市 人民政府' };
const county = { issuerKind: 'county' as const, issuer: '朔城区人民政府' };

describe('谁发布、谁解除', () => {
  it('only the issuer may lift', () => {
    expect(checkLift(yellow, city)).toEqual({ ok: true });
    const r = checkLift(yellow, county);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('本预警由朔州市人民政府发布');
    const comms = checkLift({ ...yellow, plan: 'comms' }, county);
    if (!comms.ok) expect(comms.error).toContain('谁发布、谁解除');
    expect(comms.ok).toBe(false);
    expect(quotedIn('comms', '3.4', '按照“谁发布、谁解除”原则')).toBe(true);
  });

  it('knows the common forms of an issuer’s name, and still refuses a different issuer', () => {
    for (const issuer of ['朔州市政府', '市政府', '市人民政府', '朔州市 政府', '朔州市人民政府'])
      expect(checkLift(yellow, { issuerKind: 'city', issuer }), issuer).toEqual({ ok: true });
    const eco = { ...yellow, issuer: '朔州市生态环境局' };
    expect(checkLift(eco, { issuerKind: 'city', issuer: '市生态环境局' })).toEqual({ ok: true });
    const county = { ...yellow, issuerKind: 'county' as const, issuer: '山阴县人民政府' };
    expect(checkLift(county, { issuerKind: 'county', issuer: '山阴县政府' })).toEqual({ ok: true });
    for (const issuer of ['市政府办公室', '市应急局', '朔州市生态环境局', '省政府', '山阴县政府'])
      expect(checkLift(yellow, { issuerKind: 'city', issuer }).ok, issuer).toBe(false);
    expect(checkLift(county, { issuerKind: 'county', issuer: '应县政府' }).ok).toBe(false);
    expect(issuerKey('山西省人民政府')).toBe(issuerKey('省政府'));
    expect(issuerKey('市应急局')).toBe(issuerKey('朔州市应急管理局'));
  });

  it('a lift is recorded with time and document, once', () => {
    const lifted = liftWarning(yellow, { at: '2021-09-11T09:00:00+08:00', by: city, document: '解除预警通知' });
    expect(lifted.lifted).toEqual({
      at: '2021-09-11T09:00:00+08:00',
      by: { issuerKind: 'city', issuer: '朔州市 人民政府' },
      document: '解除预警通知',
    });
    expect(checkLift(lifted, city).ok).toBe(false);
    expect(() => liftWarning(yellow, { at: '2021-09-11T09:00:00+08:00', by: city, document: ' ' })).toThrow(/解除文件/);
    expect(() => liftWarning(yellow, { at: '2021-09-09T09:00:00+08:00', by: city, document: '文' })).toThrow(/早于/);
    expect(() => liftWarning(yellow, { at: '2021-09-11T09:00:00+08:00', by: county, document: '文' })).toThrow(
      /不能解除/,
    );
  });

  it('the lift condition quotes each plan', () => {
    for (const plan of ['comms', 'radiation', 'environment'] as const) {
      const c = liftCondition(plan);
      expect(quotedIn(plan, c.clause, c.text), plan).toBe(true);
    }
  });
});

describe('changing a level', () => {
  it('only by the issuer, and only to a level the issuer may issue', () => {
    expect(checkChange(yellow, city, '四级')).toMatchObject({ ok: false });
    expect(checkChange(yellow, county, '四级')).toMatchObject({ ok: false });
    const up = checkChange(yellow, city, '二级');
    expect(up.ok).toBe(false);
    if (!up.ok) expect(up.error).toContain('省指挥部');
    expect(checkChange({ ...yellow, plan: 'environment' }, city, '二级')).toEqual({ ok: true });
    expect(checkChange(yellow, city, '三级')).toMatchObject({ ok: false });
    const blue: WarningRecord = { ...yellow, level: '四级', issuerKind: 'county', issuer: '朔城区人民政府' };
    expect(checkChange(blue, county, '三级').ok).toBe(false);
    expect(
      checkChange(
        { ...yellow, level: '二级', issuerKind: 'province', issuer: '省指挥部' },
        { issuerKind: 'province', issuer: '省指挥部' },
        '一级',
      ),
    ).toEqual({ ok: true });
  });
});

describe('validateWarning', () => {
  it('checks fields and reports the issuer check', () => {
    const { warning, issuer } = validateWarning({ ...yellow, area: ' 朔城区 ' });
    expect(warning.area).toBe('朔城区');
    expect(issuer.ok).toBe(true);
    expect(validateWarning({ ...yellow, issuerKind: 'county' }).issuer.ok).toBe(false);
    expect(() => validateWarning({ ...yellow, area: '' })).toThrow(/area/);
    expect(() => validateWarning({ ...yellow, issuedAt: 'x' })).toThrow(/issuedAt/);
    // a deliberately invalid input for the refusal test
    expect(() => validateWarning({ ...yellow, direction: 'sent' as never })).toThrow(/direction/);
  });
});
