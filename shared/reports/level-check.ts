/**
 * A report drafted at one level and signed or sent after the incident's level changed would report
 * the old level (43号 5.1.1(6): 按照变化后的级别报告信息). The officer is told and asked to confirm,
 * or to draft again.
 */
import { LEVELS } from '../domain/incident';
import type { FormInput } from '../forms/types';

/** The start of the refusal's message: the UI asks the officer to confirm when it sees it. */
export const LEVEL_CHANGED_PREFIX = '事件级别已变化';

const levelIn = (text: string): string | null => LEVELS.find((l) => text.trim().startsWith(l)) ?? null;

/**
 * The level a version reports: its form's own 事故级别 (radiation 后续报告表 and 终结报告) or a
 * 事件级别 text that names a level (communications plan); otherwise the incident's level when its
 * report was drafted. undefined when unknown (a version saved before the draft's basis was kept).
 */
export function reportedLevel(content: FormInput, draftedLevel: string | null | undefined): string | null | undefined {
  if (content.kind === 'radiation-follow-up' || content.kind === 'radiation-final') return content.data.level ?? null;
  if (content.kind === 'info-report' && content.data.plan === 'comms') {
    const named = levelIn(content.data.content.level);
    if (named) return named;
  }
  return draftedLevel;
}

/** The officer's warning when a version's level is not the incident's level in force; null when they agree. */
export function levelChangedMessage(args: {
  label: string;
  version: number;
  reported: string | null | undefined;
  current: string | null;
  act: '签发' | '报送';
}): string | null {
  const { reported, current, act } = args;
  if (reported === undefined || reported === current) return null;
  const name = (l: string | null) => (l ? `${l}级` : '尚未定级');
  return `${LEVEL_CHANGED_PREFIX}：${args.label}（第${args.version}稿）所报级别为${name(reported)}，事件现为${name(current)}。请按现级别重新起草或修改后再${act}；确认仍按此稿${act}时请再次确认`;
}
