/**
 * Duties after a response ends (A 5, B 5, C 6) as dated tasks. The gazette gives these duties no
 * deadline (only "及时" or none), so dueAt is null unless the leader on duty assigns one; the two
 * radiation duties that do carry a deadline (B 5.1(1) half a year, B 5.3(2) one month) are reporting
 * clocks computed in shared/rules and are not repeated here.
 */
import { assertChecklistPlan, citationOf, type ChecklistPlanId } from '../plans/plans';
import { parseTime } from './plans';

export type IncidentGrade = '特别重大' | '重大' | '较大' | '一般';
const GRADES: readonly IncidentGrade[] = ['特别重大', '重大', '较大', '一般'];

export interface PostResponseFacts {
  /** The incident's grade; decides who runs C's assessment (6.1) and investigation (6.2). */
  level?: IncidentGrade;
  /** B 5.1(2) applies to radiation accidents that caused environmental contamination. */
  contamination?: boolean;
  /** Deadlines set by the leader on duty (领导批示): an absolute time or whole days after the end. */
  assigned?: Record<string, { at: string } | { daysAfterEnd: number }>;
}

export interface PostResponseTask {
  id: string;
  /** Short label (the clause heading where there is one). */
  title: string;
  /** The duty as the gazette words it. */
  quote: string;
  /** Who the clause makes responsible. */
  unit: string;
  /** When the task becomes due; null when neither the gazette nor the leader set a deadline. */
  dueAt: string | null;
  dueSource: 'assigned' | null;
  /** What the gazette says about timing, shown as help text. */
  deadlineNote: string;
  startsAt: string;
  clause: string;
  citation: string;
}

interface TaskDef {
  id: string;
  title: string;
  quote: string;
  unit: string;
  clause: string;
  /** The clause's own word on timing. */
  timing: '及时' | null;
  applies?: (f: PostResponseFacts) => boolean;
}

const isGrade = (f: PostResponseFacts, ...g: IncidentGrade[]) => f.level === undefined || g.includes(f.level);

const TASKS: Record<ChecklistPlanId, TaskDef[]> = {
  comms: [
    {
      id: 'comms.5.1',
      title: '总结评估',
      quote: '做好突发事件中公众电信网络设施损失情况的统计、汇总及任务完成情况的总结和评估……提出改进意见并上报',
      unit: '市指挥部办公室',
      clause: '5.1',
      timing: null,
    },
    {
      id: 'comms.5.2',
      title: '征用补偿',
      quote: '应及时归还征用的应急通信物资和装备；造成损失或无法归还的，应按有关规定予以适当补偿',
      unit: '县级及以上政府及有关部门',
      clause: '5.2',
      timing: '及时',
    },
  ],
  radiation: [
    {
      id: 'rad.5.1.2',
      title: '辐射污染场地清理与环境恢复对策',
      quote:
        '市生态环境局指导事发地县级生态环境部门对辐射污染场地清理、放射性废物处理、后续的辐射环境监测、辐射污染环境恢复等提出对策、措施和建议',
      unit: '市生态环境局',
      clause: '5.1(2)',
      timing: null,
      applies: (f) => f.contamination !== false,
    },
    {
      id: 'rad.5.2',
      title: '善后处置',
      quote:
        '由事发地人民政府负责组织实施辐射事故的善后处置工作。善后处置包括人员安置补偿、征用物资补偿、受污染环境恢复等',
      unit: '事发地人民政府',
      clause: '5.2',
      timing: null,
    },
    {
      id: 'rad.5.3.1',
      title: '查明事故原因',
      quote: '市、县级指挥部指导有关部门及事故责任单位查出原因，防止类似事故的发生',
      unit: '市、县级指挥部',
      clause: '5.3(1)',
      timing: null,
    },
    {
      id: 'rad.5.3.3',
      title: '预案评估修订',
      quote: '市、县级指挥部办公室对本级预案进行评估，并及时修订预案',
      unit: '市、县级指挥部办公室',
      clause: '5.3(3)',
      timing: '及时',
    },
  ],
  environment: [
    {
      // 6.1 names 较大 events; for 重大/特别重大 the city only assists the province (5.3.3(3)).
      id: 'env.6.1',
      title: '损害评估',
      quote: '市指挥部要及时组织开展较大突发环境事件污染损害评估，并将评估结果向社会公布',
      unit: '市指挥部',
      clause: '6.1',
      timing: '及时',
      applies: (f) => isGrade(f, '较大'),
    },
    {
      // 6.2 names 一般 events; larger ones are investigated by the province or ministry (5.3.2(7), 5.3.3(2)).
      id: 'env.6.2',
      title: '事件调查',
      quote: '市指挥部组织相关部门开展一般突发环境事件调查',
      unit: '市指挥部',
      clause: '6.2',
      timing: null,
      applies: (f) => isGrade(f, '一般'),
    },
    {
      id: 'env.6.3',
      title: '善后处置',
      quote:
        '事发地人民政府要组织专家对受影响地区进行科学评估，及时制定补助、补偿、抚慰、抚恤、安置和生态环境恢复等善后工作方案并组织实施',
      unit: '事发地人民政府',
      clause: '6.3',
      timing: '及时',
    },
  ],
};

const DAY_MS = 24 * 60 * 60 * 1000;

function validateFacts(facts: PostResponseFacts): void {
  const raw: unknown = facts; // may arrive unvalidated over IPC
  if (typeof raw !== 'object' || raw === null) throw new Error('facts 必须是对象');
  if (facts.level !== undefined && !GRADES.includes(facts.level)) throw new Error(`facts.level 无效：${facts.level}`);
  if (facts.contamination !== undefined && typeof facts.contamination !== 'boolean') {
    throw new Error('facts.contamination 必须是 true 或 false');
  }
}

/** Post-response tasks with their deadlines: A 5.1–5.2, B 5.1(2)/5.2/5.3(1)/5.3(3), C 6.1–6.3. */
export function postResponseTasks(
  plan: ChecklistPlanId,
  endedAt: string,
  facts: PostResponseFacts = {},
): PostResponseTask[] {
  assertChecklistPlan(plan);
  const end = parseTime(endedAt, 'endedAt');
  validateFacts(facts);
  const defs = TASKS[plan].filter((d) => !d.applies || d.applies(facts));
  const ids = new Set(TASKS[plan].map((d) => d.id));
  for (const id of Object.keys(facts.assigned ?? {})) {
    if (!ids.has(id)) throw new Error(`facts.assigned 中的任务编号无效：${id}`);
  }
  return defs.map((d) => {
    const a = facts.assigned?.[d.id];
    let dueAt: string | null = null;
    if (a && 'at' in a) {
      const t = parseTime(a.at, `facts.assigned[${d.id}].at`);
      if (t < end) throw new Error(`facts.assigned[${d.id}].at 早于响应终止时间`);
      dueAt = new Date(t).toISOString();
    } else if (a && 'daysAfterEnd' in a) {
      if (!Number.isInteger(a.daysAfterEnd) || a.daysAfterEnd < 1) {
        throw new Error(`facts.assigned[${d.id}].daysAfterEnd 必须是正整数`);
      }
      dueAt = new Date(end + a.daysAfterEnd * DAY_MS).toISOString();
    }
    const deadlineNote = d.timing === '及时' ? '预案要求“及时”办理，未规定具体时限' : '预案未规定时限';
    return {
      id: d.id,
      title: d.title,
      quote: d.quote,
      unit: d.unit,
      dueAt,
      dueSource: dueAt ? 'assigned' : null,
      deadlineNote: dueAt ? `${deadlineNote}；时限由领导批示确定` : deadlineNote,
      startsAt: new Date(end).toISOString(),
      clause: d.clause,
      citation: citationOf(plan, d.clause),
    };
  });
}

export type TaskReminder = 'done' | 'overdue' | 'dueSoon' | 'open' | 'noDeadline';

/**
 * Reminder state of a post-response task at `now`: overdue past dueAt, dueSoon within `soonHours`
 * (default 24) of it, noDeadline when none was set (the duty room keeps it on the handover list).
 */
export function taskReminder(
  task: Pick<PostResponseTask, 'dueAt'>,
  now: string,
  doneAt: string | null = null,
  soonHours = 24,
): TaskReminder {
  const t = parseTime(now, 'now');
  if (doneAt !== null) {
    parseTime(doneAt, 'doneAt');
    return 'done';
  }
  if (task.dueAt === null) return 'noDeadline';
  const due = parseTime(task.dueAt, 'task.dueAt');
  if (!(soonHours >= 0)) throw new Error('soonHours 必须是非负数');
  if (t > due) return 'overdue';
  if (due - t <= soonHours * 60 * 60 * 1000) return 'dueSoon';
  return 'open';
}

/** The radiation plan's post-response clocks kept in shared/rules, for cross-reference in the UI. */
export const POST_RESPONSE_CLOCKS_ELSEWHERE: readonly {
  plan: ChecklistPlanId;
  clause: string;
  title: string;
  citation: string;
}[] = [
  {
    plan: 'radiation',
    clause: '5.1(1)',
    title: '丢失、被盗放射源半年内未追回或未查清下落的，公安机关做出阶段报告',
    citation: citationOf('radiation', '5.1(1)'),
  },
  {
    plan: 'radiation',
    clause: '5.3(2)',
    title: '评价应急期间所采取的行动并进行总结，1个月内将总结报告报本级政府和上级有关部门',
    citation: citationOf('radiation', '5.3(2)'),
  },
];
