import { App, Button, Input, List, Listy, Modal, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { TimelineEntry } from '../../../../shared/domain/incident';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import { call } from '../../api/api';
import { fmtDateTime } from '../../lib/format';
import { LONG_LIST, useListHeight } from '../../hooks/useLongList';
import { messageOf } from '../../../../shared/errors';

const KIND_LABELS: Record<string, string> = {
  created: '接报',
  status: '状态',
  note: '记录',
  instruction: '批示',
  update: '修改',
  level: '定级',
  clock: '时限',
  call: '通话',
  report: '报告',
  void: '作废',
  print: '打印',
  action: '措施',
  warning: '预警',
};

/** Everything that happened to the incident; voided entries stay, struck through, with the reason. */
export function Timeline({
  incident,
  onChanged,
}: {
  incident: IncidentDetail;
  onChanged: (d: IncidentDetail) => void;
}) {
  const { message } = App.useApp();
  const [voiding, setVoiding] = useState<TimelineEntry | null>(null);
  const [reason, setReason] = useState('');
  // Inside the incident's drawer, under the banners and its own header.
  const listHeight = useListHeight(360);
  const entries = [...incident.timeline].reverse();

  const confirmVoid = async () => {
    if (!reason.trim()) return message.error('作废必须说明原因');
    if (!voiding) return;
    try {
      onChanged(await call('incidents:void-entry', { incidentId: incident.id, entryId: voiding.id, reason }));
      setVoiding(null);
      setReason('');
    } catch (err) {
      message.error(messageOf(err));
    }
  };

  const voidAction = (e: TimelineEntry): ReactNode =>
    !e.voided && e.kind !== 'created' && e.kind !== 'void' ? (
      <Button key="void" size="small" type="link" danger onClick={() => setVoiding(e)} data-testid="void-button">
        作废
      </Button>
    ) : null;

  return (
    <>
      {entries.length > LONG_LIST ? (
        // A long timeline shows only the entries in view (issue 14), in a list of its own height.
        <div role="list" aria-label="事件经过" data-testid="timeline" data-virtual="yes">
          <Listy
            virtual
            height={listHeight}
            items={entries}
            rowKey="id"
            itemRender={(e) => (
              <div role="listitem" className="timeline-entry-row" {...entryProps(e)}>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <EntryText e={e} />
                </div>
                {voidAction(e)}
              </div>
            )}
          />
        </div>
      ) : (
        <List
          size="small"
          data-testid="timeline"
          dataSource={entries}
          renderItem={(e) => {
            const act = voidAction(e);
            return (
              <List.Item {...entryProps(e)} actions={act ? [act] : []}>
                <EntryText e={e} />
              </List.Item>
            );
          }}
        />
      )}
      <Modal
        title="作废记录"
        open={!!voiding}
        onOk={() => void confirmVoid()}
        onCancel={() => setVoiding(null)}
        okText="确认作废"
        destroyOnHidden
      >
        <p>{voiding?.text}</p>
        <Input.TextArea
          rows={3}
          placeholder="作废原因（必填）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="void-reason-input"
        />
      </Modal>
    </>
  );
}

const entryProps = (e: TimelineEntry) => ({
  'data-testid': 'timeline-entry',
  'data-entry-id': e.id,
  'data-voided': e.voided ? '1' : '0',
});

/** One entry: when, who, where, what kind; the text, struck through with the reason once voided. */
function EntryText({ e }: { e: TimelineEntry }) {
  return (
    <div style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {fmtDateTime(e.at)} · {e.officer}
        {/* The seat it was recorded at (issue 17); entries from before seats were named show none. */}
        {e.seatName ? <span data-testid="entry-seat">（{e.seatName}）</span> : null} ·{' '}
        <Tag>{KIND_LABELS[e.kind] ?? e.kind}</Tag>
      </Typography.Text>
      <div>
        <Typography.Text delete={!!e.voided}>{e.text}</Typography.Text>
      </div>
      {e.voided && (
        <Typography.Text type="danger" data-testid="void-reason">
          已作废（{e.voided.by}，{fmtDateTime(e.voided.at)}）：{e.voided.reason}
        </Typography.Text>
      )}
    </div>
  );
}
