import { describe, expect, it } from 'vitest';
import type { ChecklistPlanId } from '../../../shared/plans';
import { POST_RESPONSE_CLOCKS_ELSEWHERE, postResponseTasks, taskReminder } from '../../../shared/response';
import { clauseSpan, quotedIn } from './gazette-text';

const END = '2021-09-20T16:30:00+08:00';

describe('post-response tasks', () => {
  it.each<ChecklistPlanId>(['comms', 'radiation', 'environment'])('%s: every task quotes its clause', (plan) => {
    const tasks = postResponseTasks(plan, END);
    expect(tasks.length).toBeGreaterThan(0);
    for (const t of tasks) expect(quotedIn(plan, t.clause, t.quote), t.id).toBe(true);
  });

  it('C 6.1–6.3 appear for an event of unknown grade, starting at the end time', () => {
    const tasks = postResponseTasks('environment', END);
    expect(tasks.map((t) => t.clause)).toEqual(['6.1', '6.2', '6.3']);
    for (const t of tasks) expect(t.startsAt).toBe('2021-09-20T08:30:00.000Z');
  });

  it('the gazette gives C 6.1–6.3 no deadline: dueAt stays null and the help says so', () => {
    for (const t of postResponseTasks('environment', END)) {
      expect(t.dueAt).toBeNull();
      expect(t.deadlineNote).toMatch(/未规定/);
      // No number of days or hours in the clause itself.
      expect(clauseSpan('environment', t.clause)).not.toMatch(/\d+(个月|日|天|小时)内/);
    }
    expect(postResponseTasks('environment', END).find((t) => t.id === 'env.6.1')!.deadlineNote).toContain('及时');
  });

  it('the grade decides who assesses (6.1, 较大) and who investigates (6.2, 一般)', () => {
    expect(postResponseTasks('environment', END, { level: '较大' }).map((t) => t.id)).toEqual(['env.6.1', 'env.6.3']);
    expect(postResponseTasks('environment', END, { level: '一般' }).map((t) => t.id)).toEqual(['env.6.2', 'env.6.3']);
    expect(postResponseTasks('environment', END, { level: '重大' }).map((t) => t.id)).toEqual(['env.6.3']);
  });

  it('deadlines assigned by the leader are computed from the end time', () => {
    const [assess] = postResponseTasks('environment', END, {
      level: '较大',
      assigned: { 'env.6.1': { daysAfterEnd: 30 } },
    });
    expect(assess!.dueAt).toBe('2021-10-20T08:30:00.000Z');
    expect(assess!.dueSource).toBe('assigned');
    const abs = postResponseTasks('comms', END, { assigned: { 'comms.5.1': { at: '2021-09-30T17:00:00+08:00' } } });
    expect(abs[0]!.dueAt).toBe('2021-09-30T09:00:00.000Z');
    expect(abs[1]!.dueAt).toBeNull();
  });

  it('rejects bad input', () => {
    expect(() => postResponseTasks('environment', 'not a time')).toThrow(/endedAt/);
    expect(() => postResponseTasks('environment', END, { assigned: { 'env.9.9': { daysAfterEnd: 1 } } })).toThrow(
      /任务编号/,
    );
    expect(() => postResponseTasks('environment', END, { assigned: { 'env.6.3': { daysAfterEnd: 0 } } })).toThrow(
      /正整数/,
    );
    expect(() =>
      postResponseTasks('environment', END, { assigned: { 'env.6.3': { at: '2021-09-01T00:00:00Z' } } }),
    ).toThrow(/早于/);
    // a deliberately invalid input for the refusal test
    expect(() => postResponseTasks('environment', END, { level: '很大' as never })).toThrow(/facts\.level/);
  });

  it('radiation: 5.1(1) and 5.3(2) are clocks elsewhere; the other duties are tasks', () => {
    const ids = postResponseTasks('radiation', END).map((t) => t.clause);
    expect(ids).toEqual(['5.1(2)', '5.2', '5.3(1)', '5.3(3)']);
    expect(ids).not.toContain('5.1(1)');
    expect(ids).not.toContain('5.3(2)');
    expect(postResponseTasks('radiation', END, { contamination: false }).map((t) => t.clause)).not.toContain('5.1(2)');
    expect(POST_RESPONSE_CLOCKS_ELSEWHERE.map((c) => c.clause)).toEqual(['5.1(1)', '5.3(2)']);
    expect(clauseSpan('radiation', '5.3(2)')).toContain('1个月内');
  });
});

describe('task reminders', () => {
  const task = { dueAt: '2021-10-01T00:00:00.000Z' };
  it('is overdue after the deadline, due soon within a day, open before', () => {
    expect(taskReminder(task, '2021-10-01T00:00:01Z')).toBe('overdue');
    expect(taskReminder(task, '2021-09-30T00:00:00Z')).toBe('dueSoon');
    expect(taskReminder(task, '2021-09-29T23:59:59Z')).toBe('open');
    expect(taskReminder(task, '2021-10-05T00:00:00Z', '2021-09-30T00:00:00Z')).toBe('done');
    expect(taskReminder({ dueAt: null }, '2021-10-05T00:00:00Z')).toBe('noDeadline');
    expect(() => taskReminder(task, 'now')).toThrow(/now/);
  });
});
