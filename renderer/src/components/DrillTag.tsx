import { Tag } from 'antd';

/** Drills are marked everywhere so nobody mistakes them for a real incident. */
export const DrillTag = ({ drill }: { drill: boolean }) =>
  drill ? (
    <Tag color="purple" data-drill="1">
      演练
    </Tag>
  ) : null;
