import { Alert, App, Button, Input, List, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import { RESPONSE_LEVELS, type IncidentResponse } from '../../../../shared/domain/incident';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import { CALL_RESULTS, type CallListViewItem, type CallResult } from '../../../../shared/domain/roster';
import { call } from '../../api/api';
import { DateTimeField } from '../../components/DateTimeField';
import { fmtDateTime } from '../../lib/format';
import { useLoad } from '../../hooks/useApi';
import { numbersOf, Phones } from './phones';
import { errorText } from '../../lib/errors';
import { instantOf, nowField } from '../../lib/beijing-fields';

const RESULT_COLOR: Record<CallResult, string> = { 接通: 'green', 已通知: 'blue', 回电: 'cyan', 未接: 'red' };

/** Who to call for this incident under its plan and response level, with each call recorded in the timeline. */
export function CallListPanel({
  incident,
  onChanged,
}: {
  incident: IncidentDetail;
  onChanged: (d: IncidentDetail) => void;
}) {
  const [response, setResponse] = useState<IncidentResponse | undefined>(undefined);
  const { data, error } = useLoad(
    () => call('rosters:call-list', { incidentId: incident.id, ...(response ? { response } : {}) }),
    [incident.id, response, incident.updatedAt, incident.timeline.length],
  );
  const [calling, setCalling] = useState<CallListViewItem | null>(null);

  if (error) return <Alert type="error" title={error.message} />;
  if (!data) return <Typography.Text type="secondary">加载中</Typography.Text>;
  return (
    <div data-testid="call-list">
      <Space style={{ marginBottom: 8 }} wrap>
        {data.planName && <Typography.Text>依据《{data.planName}》</Typography.Text>}
        {data.plan && data.plan !== 'forest_fire' && (
          <>
            <Typography.Text>响应级别：</Typography.Text>
            <Select
              size="small"
              style={{ width: 100 }}
              value={response ?? data.response ?? undefined}
              placeholder="请选择"
              onChange={(v) => setResponse(v)}
              options={RESPONSE_LEVELS.map((r) => ({ value: r, label: r }))}
              data-testid="call-list-response"
              aria-label="响应级别"
            />
            {response && response !== incident.grading.response && (
              <Typography.Text type="warning">
                （按所选级别预览，事件响应级别为{incident.grading.response ?? '待定'}）
              </Typography.Text>
            )}
          </>
        )}
        {data.plan === 'forest_fire' && <Typography.Text type="secondary">（该方案不分响应级别）</Typography.Text>}
      </Space>
      {data.notice && <Alert type="info" title={data.notice} />}
      <List
        size="small"
        dataSource={data.items}
        renderItem={(item) => (
          <List.Item
            data-testid="call-item"
            actions={[
              <Button
                key="rec"
                size="small"
                type="primary"
                ghost
                onClick={() => setCalling(item)}
                data-testid="record-call"
              >
                记录呼叫
              </Button>,
            ]}
          >
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{item.order}.</Typography.Text>
                <Typography.Text>{item.label}</Typography.Text>
                {item.conditional && <Tag color="orange">视情</Tag>}
                {item.calls[0] && (
                  <Tag color={RESULT_COLOR[item.calls[0].result]} data-testid="last-call">
                    {item.calls[0].result} {fmtDateTime(item.calls[0].at)}
                  </Tag>
                )}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.citation}
              </Typography.Text>
              {item.contacts.length > 0 ? (
                item.contacts.map((c) => (
                  <Space key={c.id} wrap>
                    <Typography.Text type="secondary">
                      {c.role} {c.name}
                    </Typography.Text>
                    <Phones contact={c} />
                  </Space>
                ))
              ) : item.targetKind !== 'external' ? (
                <Typography.Text type="secondary">未登记号码（请在通讯录中添加）</Typography.Text>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
      <CallModal incident={incident} item={calling} onClose={() => setCalling(null)} onChanged={onChanged} />
    </div>
  );
}

function CallModal({
  incident,
  item,
  onClose,
  onChanged,
}: {
  incident: IncidentDetail;
  item: CallListViewItem | null;
  onClose: () => void;
  onChanged: (d: IncidentDetail) => void;
}) {
  const { message } = App.useApp();
  const [result, setResult] = useState<CallResult>('接通');
  const [number, setNumber] = useState('');
  const [at, setAt] = useState<Dayjs>(nowField());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const numbers = item
    ? item.contacts.flatMap((c) =>
        numbersOf(c).map((n) => ({ value: n.number, label: `${c.name} ${n.label} ${n.number}` })),
      )
    : [];
  const target = item?.target ?? '';

  // Fresh fields for each call, set before the dialog paints: resetting after its opening
  // animation would wipe what a quick officer already chose or typed.
  const firstNumber = numbers[0]?.value ?? '';
  useLayoutEffect(() => {
    if (!item) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the fields must be reset before the dialog paints (see above)
    setResult('接通');
    setNumber(firstNumber);
    setAt(nowField());
    setNote('');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset for a different call (item.key), not when the parent re-renders the same one
  }, [item?.key]);

  const save = async () => {
    if (!item) return;
    setBusy(true);
    try {
      onChanged(
        await call('rosters:record-call', {
          incidentId: incident.id,
          key: item.key,
          target,
          number,
          result,
          at: instantOf(at),
          note,
        }),
      );
      message.success('已记入事件经过');
      onClose();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!item}
      title={`记录呼叫：${target}`}
      onOk={() => void save()}
      okText="记入事件经过"
      confirmLoading={busy}
      onCancel={onClose}
      okButtonProps={{ id: 'call-save' }}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {/* antd's onChange value is typed any; the radios are CALL_RESULTS */}
        <Radio.Group value={result} onChange={(e) => setResult(e.target.value as CallResult)} data-testid="call-result">
          {CALL_RESULTS.map((r) => (
            <Radio.Button key={r} value={r}>
              {r}
            </Radio.Button>
          ))}
        </Radio.Group>
        <Select
          showSearch={{
            filterOption: false,
            onSearch: (v) => {
              if (v) setNumber(v);
            },
          }}
          style={{ width: '100%' }}
          placeholder="号码（可直接输入）"
          aria-label="号码"
          value={number || undefined}
          options={numbers}
          onChange={(v) => setNumber(v)}
        />
        <DateTimeField
          value={at}
          onChange={(v) => {
            if (v) setAt(v);
          }}
          aria-label="呼叫时间"
          id="callAt"
        />
        <Input.TextArea
          rows={2}
          maxLength={300}
          placeholder="备注（如：已传达指挥长指示）"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="call-note"
        />
      </Space>
    </Modal>
  );
}
