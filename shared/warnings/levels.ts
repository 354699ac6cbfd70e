/** Warning levels and colours (B 3.1.1, C 4.2.1; plan A names no levels). */
import type { ChecklistPlanId } from '../plans/plans';
import { isOneOf } from '../one-of';

export type WarningLevel = '一级' | '二级' | '三级' | '四级';

export interface WarningLevelInfo {
  level: WarningLevel;
  colourName: '红色' | '橙色' | '黄色' | '蓝色';
  hex: string;
  /** Readable text colour on `hex` (dark on yellow). */
  textHex: string;
}

/** 一级 red, 二级 orange, 三级 yellow, 四级 blue: B 3.1.1 and C 4.2.1 ("依次用红色、橙色、黄色和蓝色表示"). */
export const WARNING_LEVELS: readonly WarningLevelInfo[] = [
  { level: '一级', colourName: '红色', hex: '#D9001B', textHex: '#FFFFFF' },
  { level: '二级', colourName: '橙色', hex: '#F07800', textHex: '#FFFFFF' },
  { level: '三级', colourName: '黄色', hex: '#F5C400', textHex: '#1F1F1F' },
  { level: '四级', colourName: '蓝色', hex: '#0057B8', textHex: '#FFFFFF' },
];

export const WARNING_LEVEL_IDS: readonly WarningLevel[] = WARNING_LEVELS.map((l) => l.level);

export function warningLevelInfo(level: WarningLevel): WarningLevelInfo {
  const info = WARNING_LEVELS.find((l) => l.level === level);
  if (!info) throw new Error(`level 无效：${level}（应为一级、二级、三级或四级）`);
  return info;
}

/** "三级（黄色）预警" as the plans write it. */
export function warningLabel(level: WarningLevel): string {
  return `${level}（${warningLevelInfo(level).colourName}）预警`;
}

export function assertWarningLevel(level: unknown, field = 'level'): asserts level is WarningLevel {
  if (!isOneOf(WARNING_LEVEL_IDS, level)) {
    throw new Error(`${field} 无效：${String(level)}（应为一级、二级、三级或四级）`);
  }
}

/** What each level means under the plan, and where the plan says so. */
export const WARNING_LEVEL_MEANING: Record<
  ChecklistPlanId,
  { clause: string | null; note: string; byLevel: Partial<Record<WarningLevel, string>> }
> = {
  comms: {
    clause: null,
    note: '《朔州市通信保障应急预案》未划分预警级别；3.3 只规定“根据分析评估结论调整预警级别”',
    byLevel: {},
  },
  radiation: {
    clause: '3.1.1',
    note: '按辐射事故可能造成的危害、紧急程度和影响范围划分',
    byLevel: {
      一级: '可能发生或引发特别重大辐射事故',
      二级: '可能发生或引发重大辐射事故',
      三级: '可能发生或引发较大辐射事故',
      四级: '可能发生或引发一般辐射事故',
    },
  },
  environment: {
    clause: '4.2.1',
    note: '预警级别的具体划分标准，按生态环境部相关规定执行',
    byLevel: {},
  },
};
