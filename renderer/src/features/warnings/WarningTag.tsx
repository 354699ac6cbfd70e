import { Tag } from 'antd';
import { warningLabel, warningLevelInfo, type WarningLevel } from '../../../../shared/warnings';

/** 三级（黄色）预警 in its colour (B 3.1.1, C 4.2.1). */
export function WarningTag({ level, suffix = '' }: { level: WarningLevel; suffix?: string }) {
  const info = warningLevelInfo(level);
  return (
    <Tag color={info.hex} style={{ color: info.textHex }} data-warning-level={level}>
      {warningLabel(level)}
      {suffix}
    </Tag>
  );
}
