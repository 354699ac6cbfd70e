import { Tag } from 'antd';

const COLOURS: Record<string, string> = { 特别重大: 'red', 重大: 'orange', 较大: 'gold', 一般: 'blue' };

export const LevelTag = ({ level }: { level: string | null }) =>
  level ? <Tag color={COLOURS[level]}>{level}</Tag> : <Tag>未定级</Tag>;
