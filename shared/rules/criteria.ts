/** A criterion table row: one clause of a plan and the test of the facts it names. */
import type { Level, Notice, Reason, ResponseLevel, ResponseReason } from './types';

export interface LevelCriterion<F> {
  level: Level;
  clause: string;
  text: string;
  test: (f: F) => boolean;
}

export interface ResponseCriterion<F> {
  response: ResponseLevel;
  clause: string;
  text: string;
  test: (f: F, level: Level | null) => boolean;
}

export interface NoticeRule<F> {
  clause: string;
  text: string;
  test: (f: F, level: Level | null) => boolean;
}

export const matchLevels = <F>(table: readonly LevelCriterion<F>[], f: F): Reason[] =>
  table.filter((c) => c.test(f)).map(({ level, clause, text }) => ({ level, clause, text }));

export const matchResponses = <F>(
  table: readonly ResponseCriterion<F>[],
  f: F,
  level: Level | null,
): ResponseReason[] =>
  table.filter((c) => c.test(f, level)).map(({ response, clause, text }) => ({ response, clause, text }));

export const matchNotices = <F>(table: readonly NoticeRule<F>[], f: F, level: Level | null): Notice[] =>
  table.filter((c) => c.test(f, level)).map(({ clause, text }) => ({ clause, text }));

/** lo ≤ n < hi ("lo以上hi以下": 以上 includes, 以下 excludes); absent counts as 0. */
export const within = (n: number | undefined, lo: number, hi = Infinity): boolean => (n ?? 0) >= lo && (n ?? 0) < hi;

/** 0 < n < hi: "hi以下" for a harm that happened at all. */
export const someBelow = (n: number | undefined, hi: number): boolean => (n ?? 0) > 0 && (n ?? 0) < hi;
