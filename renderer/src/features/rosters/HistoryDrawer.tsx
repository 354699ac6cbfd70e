import { Drawer, List, Tag, Typography } from 'antd';
import { call } from '../../api/api';
import { fmtDateTime } from '../../lib/format';
import { useLoad } from '../../hooks/useApi';
import { changeText } from '../../../../shared/rosters/change-text';

/** Who changed what and when, for one roster (newest first). */
export function HistoryDrawer({ rosterId, open, onClose }: { rosterId: string; open: boolean; onClose: () => void }) {
  const { data } = useLoad(
    () => (open ? call('rosters:history', { rosterId }) : Promise.resolve([])),
    [rosterId, open],
  );
  return (
    <Drawer open={open} onClose={onClose} title="通讯录修改记录" size={640} destroyOnHidden>
      <List
        size="small"
        dataSource={data ?? []}
        locale={{ emptyText: '暂无修改记录' }}
        renderItem={(h) => (
          <List.Item data-testid="history-entry">
            <div>
              <Typography.Text type="secondary">
                {fmtDateTime(h.at)} · {h.officer} · <Tag>{h.action}</Tag> {h.contactName}
              </Typography.Text>
              <div>
                {h.changes.map(changeText).join('；')}
                {h.reason && <Typography.Text type="secondary">（{h.reason}）</Typography.Text>}
              </div>
            </div>
          </List.Item>
        )}
      />
    </Drawer>
  );
}
