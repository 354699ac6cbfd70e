import { Space, Tooltip, Typography } from 'antd';
import { call } from '../../api/api';
import { fmtDateTime } from '../../lib/format';
import { useLoad } from '../../hooks/useApi';
import { WarningTag } from './WarningTag';

/** Warnings in force, one line for the main board; renders nothing when there are none. */
export function ActiveWarningsStrip({ onOpen }: { onOpen?: () => void }) {
  const { data } = useLoad(() => call('warnings:list', { activeOnly: true }), []);
  if (!data || data.length === 0) return null;
  return (
    <Space
      wrap
      size={4}
      data-testid="active-warnings"
      style={{ cursor: onOpen ? 'pointer' : undefined }}
      onClick={onOpen}
    >
      <Typography.Text strong>生效预警：</Typography.Text>
      {data.map((w) => (
        <Tooltip
          key={w.id}
          title={`${w.planName}；${w.issuer}${w.direction === 'received' ? '发布（收到）' : '发布'}，${fmtDateTime(w.issuedAt)}`}
        >
          <span data-testid="active-warning">
            <WarningTag level={w.level} suffix={` · ${w.area}`} />
          </span>
        </Tooltip>
      ))}
    </Space>
  );
}
