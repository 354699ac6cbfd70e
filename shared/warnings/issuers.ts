/**
 * Who may issue a warning (B 3.1.2; C 4.2.2; A 3.2–3.3) and who may change or lift it (A 3.4
 * "谁发布、谁解除"; B 3.3 and C 4.2.4: the issuing government or department adjusts and lifts).
 */
import { PLANS, assertChecklistPlan, citationOf, type ChecklistPlanId } from '../plans/plans';
import { assertText, parseTime } from '../response';
import { assertWarningLevel, warningLabel, type WarningLevel } from './levels';
import { isOneOf } from '../one-of';

export type IssuerKind = 'province' | 'city' | 'county' | 'other';
export const ISSUER_KINDS: readonly IssuerKind[] = ['province', 'city', 'county', 'other'];
export const ISSUER_KIND_LABELS: Record<IssuerKind, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  other: '其他单位',
};

export interface IssuerRule {
  kinds: readonly IssuerKind[];
  /** The issuer as the clause names it. */
  issuer: string;
  clause: string;
  citation: string;
  /** Reports the issuer must make at the same time, as the clause says. */
  alsoReport?: string;
}

export interface PlanIssuers {
  /** Level-by-level issuers where the plan assigns them (only B 3.1.2 does). */
  byLevel: Partial<Record<WarningLevel, IssuerRule>>;
  /** Issuers the plan names without tying them to a level. */
  general: IssuerRule[];
  note: string;
}

const rule = (plan: ChecklistPlanId, r: Omit<IssuerRule, 'citation'>): IssuerRule => ({
  ...r,
  citation: citationOf(plan, r.clause),
});

export const WARNING_ISSUERS: Record<ChecklistPlanId, PlanIssuers> = {
  comms: {
    byLevel: {},
    general: [rule('comms', { kinds: ['city'], issuer: '市指挥部办公室', clause: '3.2、3.3' })],
    note: '预案未划分预警级别，也未按级别规定发布主体；市指挥部办公室发布预警信息、发出预警指令（3.2、3.3）',
  },
  radiation: {
    byLevel: {
      一级: rule('radiation', {
        kinds: ['province'],
        issuer: '省指挥部（经省政府授权）',
        clause: '3.1.2',
        alsoReport: '同时向国务院及生态环境部（国家核安全局）报告',
      }),
      二级: rule('radiation', {
        kinds: ['province'],
        issuer: '省指挥部（经省政府授权）',
        clause: '3.1.2',
        alsoReport: '同时向生态环境部（国家核安全局）报告',
      }),
      三级: rule('radiation', { kinds: ['city'], issuer: '朔州市政府', clause: '3.1.2' }),
      四级: rule('radiation', { kinds: ['county'], issuer: '事发地县级政府', clause: '3.1.2' }),
    },
    general: [],
    note: '红色、橙色预警由省指挥部经省政府授权发布，黄色由朔州市政府发布，蓝色由事发地县级政府发布（3.1.2）',
  },
  environment: {
    byLevel: {},
    general: [
      rule('environment', { kinds: ['city'], issuer: '市指挥部或其授权的相关部门', clause: '4.2.2' }),
      rule('environment', {
        kinds: ['county'],
        issuer: '县级（按照国家、省级，比照市级预警信息发布要求，结合本地区实际确定）',
        clause: '4.2.2',
      }),
    ],
    note: '预案未按级别规定发布主体；预警级别的具体划分标准按生态环境部相关规定执行（4.2.1、4.2.2）',
  },
};

export type IssuerCheck =
  | { ok: true; verified: boolean; rule: IssuerRule | null; message: string }
  | { ok: false; rule: IssuerRule; error: string };

function assertKind(kind: unknown, field = 'issuerKind'): asserts kind is IssuerKind {
  if (!isOneOf(ISSUER_KINDS, kind)) {
    throw new Error(`${field} 无效：${String(kind)}（应为 province、city、county 或 other）`);
  }
}

/**
 * Whether an issuer of this kind may issue this level under the plan: strict for B 3.1.2; for A and
 * C, which assign no issuer per level, the answer is ok but unverified, with the clause to check.
 */
export function checkIssuer(plan: ChecklistPlanId, level: WarningLevel, issuerKind: IssuerKind): IssuerCheck {
  assertChecklistPlan(plan);
  assertWarningLevel(level);
  assertKind(issuerKind);
  const p = WARNING_ISSUERS[plan];
  const r = p.byLevel[level];
  if (r) {
    if (r.kinds.includes(issuerKind)) {
      return { ok: true, verified: true, rule: r, message: `${warningLabel(level)}由${r.issuer}发布（${r.citation}）` };
    }
    return {
      ok: false,
      rule: r,
      error: `${warningLabel(level)}应由${r.issuer}发布，${ISSUER_KIND_LABELS[issuerKind]}无权发布（${r.citation}）`,
    };
  }
  const g = p.general.find((x) => x.kinds.includes(issuerKind)) ?? null;
  const where = `《${PLANS[plan].name}》`;
  return {
    ok: true,
    verified: false,
    rule: g,
    message: g
      ? `${where}未按级别规定发布主体；${ISSUER_KIND_LABELS[issuerKind]}预警由${g.issuer}发布（${g.citation}），请核对发布文件`
      : `${where}未规定${ISSUER_KIND_LABELS[issuerKind]}发布此类预警，请核对发布文件`,
  };
}

/** Someone who issues, changes or lifts a warning. */
export interface WarningActor {
  issuerKind: IssuerKind;
  /** Name as on the document, e.g. 朔州市人民政府. */
  issuer: string;
}

export interface WarningLift {
  at: string;
  by: WarningActor;
  /** The lifting document (解除文件), e.g. its number or title. */
  document: string;
}

export interface WarningRecord {
  plan: ChecklistPlanId;
  level: WarningLevel;
  issuerKind: IssuerKind;
  issuer: string;
  area: string;
  issuedAt: string;
  /** Received from another issuer, or issued by the city. */
  direction: 'received' | 'issued';
  document?: string;
  lifted?: WarningLift | null;
}

/** Names compare without spaces and with one width of brackets: "朔州市 人民政府" is "朔州市人民政府". */
/**
 * Forms of one issuer's name met on documents and in calls, the full form first. Beyond these,
 * 人民政府 and 政府 are one word, and 朔州市… is the city's own 市… (朔州市生态环境局 = 市生态环境局).
 */
export const ISSUER_ALIASES: readonly (readonly string[])[] = [
  ['朔州市人民政府', '朔州市政府', '市人民政府', '市政府'],
  ['朔州市人民政府办公室', '朔州市政府办公室', '市政府办公室', '市政府办'],
  ['山西省人民政府', '山西省政府', '省人民政府', '省政府'],
  ['朔州市应急管理局', '市应急管理局', '市应急局'],
  ['朔州市生态环境局', '市生态环境局'],
];

/** Spaces, bracket widths, 人民政府 and the 朔州 prefix set aside. */
function plainName(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/人民政府/g, '政府')
    .replace(/^朔州市/, '市')
    .replace(/^山西省/, '省');
}

const ALIAS_OF = new Map<string, string>(
  ISSUER_ALIASES.flatMap((forms) => forms.map((f) => [plainName(f), plainName(forms[0] ?? f)] as const)),
);

/** The one form of an issuer's name that its aliases share. */
export function issuerKey(name: string): string {
  const plain = plainName(name);
  return ALIAS_OF.get(plain) ?? plain;
}

function sameName(a: string, b: string): boolean {
  return issuerKey(a) === issuerKey(b);
}

const LIFT_CLAUSE: Record<ChecklistPlanId, { clause: string; condition: string }> = {
  comms: { clause: '3.4', condition: '当突发事件经评估认为符合预警解除' },
  radiation: { clause: '3.3', condition: '当判定辐射事故隐患已排除时' },
  environment: { clause: '4.2.4', condition: '当判定突发环境事件危险已经消除时' },
};

/** When a warning may be lifted, as the plan words it (A 3.4, B 3.3, C 4.2.4). */
export function liftCondition(plan: ChecklistPlanId): { text: string; clause: string; citation: string } {
  assertChecklistPlan(plan);
  const c = LIFT_CLAUSE[plan];
  return { text: c.condition, clause: c.clause, citation: citationOf(plan, c.clause) };
}

function assertActor(by: unknown, field: string): asserts by is WarningActor {
  if (!by || typeof by !== 'object') throw new Error(`${field} 不能为空`);
  // an object of unknown shape: each field is asserted below before the assertion holds
  const a = by as WarningActor;
  assertKind(a.issuerKind, `${field}.issuerKind`);
  assertText(a.issuer, `${field}.issuer`);
}

export type WarningCheck = { ok: true } | { ok: false; error: string };

function issuerOnly(warning: WarningRecord, by: WarningActor, verb: '解除' | '调整'): WarningCheck {
  if (by.issuerKind === warning.issuerKind && sameName(by.issuer, warning.issuer)) return { ok: true };
  const c = LIFT_CLAUSE[warning.plan];
  const rule = warning.plan === 'comms' ? '按照“谁发布、谁解除”原则' : '由发布预警信息的政府或有关部门调整和解除';
  return {
    ok: false,
    error: `${by.issuer}不能${verb}此预警：${rule}，本预警由${warning.issuer}发布（${citationOf(warning.plan, c.clause)}）`,
  };
}

function assertWarning(w: unknown): asserts w is WarningRecord {
  if (!w || typeof w !== 'object') throw new Error('warning 不能为空');
  // an object of unknown shape: each field is asserted below before the assertion holds
  const x = w as WarningRecord;
  assertChecklistPlan(x.plan, 'warning.plan');
  assertWarningLevel(x.level, 'warning.level');
  assertKind(x.issuerKind, 'warning.issuerKind');
  assertText(x.issuer, 'warning.issuer');
  parseTime(x.issuedAt, 'warning.issuedAt');
}

/** 谁发布、谁解除 (A 3.4; B 3.3; C 4.2.4): only the issuer may lift, and only once. */
export function checkLift(warning: WarningRecord, by: WarningActor): WarningCheck {
  assertWarning(warning);
  assertActor(by, 'by');
  if (warning.lifted) return { ok: false, error: `此预警已于${warning.lifted.at}解除` };
  return issuerOnly(warning, by, '解除');
}

/** Records a lift with its time and lifting document, after checkLift; throws with the reason otherwise. */
export function liftWarning(warning: WarningRecord, lift: WarningLift): WarningRecord {
  // Typed as unknown so the check stays for a caller that passes nothing.
  const given: unknown = lift;
  if (!given || typeof given !== 'object') throw new Error('lift 不能为空');
  const at = parseTime(lift.at, 'lift.at');
  assertText(lift.document, 'lift.document（解除文件）');
  const r = checkLift(warning, lift.by);
  if (!r.ok) throw new Error(r.error);
  if (at < parseTime(warning.issuedAt, 'warning.issuedAt')) throw new Error('lift.at 早于预警发布时间');
  return {
    ...warning,
    lifted: { at: lift.at, by: { ...lift.by, issuer: lift.by.issuer.trim() }, document: lift.document.trim() },
  };
}

/**
 * A level change (A 3.3(2), B 3.3, C 4.2.4): only by the issuer, on a warning still in force, and
 * the issuer must also be entitled to issue the new level (B 3.1.2: a city yellow warning cannot
 * become orange by the city's own act).
 */
export function checkChange(warning: WarningRecord, by: WarningActor, newLevel: WarningLevel): WarningCheck {
  assertWarning(warning);
  assertActor(by, 'by');
  assertWarningLevel(newLevel, 'newLevel');
  if (warning.lifted) return { ok: false, error: `此预警已于${warning.lifted.at}解除，不能调整级别` };
  if (newLevel === warning.level) return { ok: false, error: `预警已是${warningLabel(newLevel)}` };
  const own = issuerOnly(warning, by, '调整');
  if (!own.ok) return own;
  const entitled = checkIssuer(warning.plan, newLevel, by.issuerKind);
  if (!entitled.ok) return { ok: false, error: `不能调整为${warningLabel(newLevel)}：${entitled.error}` };
  return { ok: true };
}

/** Validates a warning for the board and checks its issuer; throws on missing fields. */
export function validateWarning(input: WarningRecord): { warning: WarningRecord; issuer: IssuerCheck } {
  assertWarning(input);
  assertText(input.area, 'area（区域）');
  // Widened so the check stays for a caller that passes another direction.
  const direction: string = input.direction;
  if (direction !== 'received' && direction !== 'issued') {
    throw new Error(`direction 无效：${direction}（应为 received 或 issued）`);
  }
  const warning: WarningRecord = {
    ...input,
    issuer: input.issuer.trim(),
    area: input.area.trim(),
    ...(input.document?.trim() ? { document: input.document.trim() } : {}),
  };
  return { warning, issuer: checkIssuer(input.plan, input.level, input.issuerKind) };
}
