import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Input,
  List,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { DutyRemark } from '../../../../shared/ipc/channels/duty';
import { DUTY_LOG_EXPORT_FORMATS } from '../../../../shared/ipc/channels/duty';
import { monitoredClockSummary, roomClockSummary, type DutyLogRow } from '../../../../shared/stats/duty-log';
import { call } from '../../api/api';
import { dayjs, fmtDateTime } from '../../lib/format';
import { useLoad } from '../../hooks/useApi';
import { PrintPreview } from '../print/PrintPreview';
import { ExportButtons } from './ExportButtons';
import { errorText } from '../../lib/errors';

/** 值班日志: the day's facts compiled from the records (read-only) and the officers' remarks. */
export function DutyLogPage({ openIncident }: { openIncident: (id: number) => void }) {
  const { message } = App.useApp();
  const [day, setDay] = useState<string | undefined>();
  const { data, error } = useLoad(() => call('duty-log:get', day ? { day } : {}), [day]);
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<{ id: number; text: string } | null>(null);
  const [printing, setPrinting] = useState(false);

  if (error) return <Alert type="error" title={error.message} />;
  if (!data) return <Card loading />;
  const { log, remarks } = data;
  const c = log.counts;

  const addRemark = async () => {
    try {
      await call('duty-log:add-remark', { day: log.day, text });
      setText('');
      message.success('备注已保存');
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const saveEdit = async () => {
    if (!editing) return;
    try {
      await call('duty-log:edit-remark', editing);
      setEditing(null);
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const columns = [
    { title: '时间', dataIndex: 'time', width: 100 },
    { title: '类别', dataIndex: 'kind', width: 70 },
    {
      title: '事件',
      dataIndex: 'incidentTitle',
      width: 260,
      render: (v: string | null, r: DutyLogRow) =>
        v && r.incidentId ? <a onClick={() => openIncident(Number(r.incidentId))}>{v}</a> : '—',
    },
    { title: '内容', dataIndex: 'text' },
    { title: '记录人', dataIndex: 'officer', width: 90 },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          值班日志
        </Typography.Title>
        <DatePicker
          id="dutyLogDay"
          allowClear={false}
          value={dayjs(log.day)}
          onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))}
          data-testid="duty-log-day"
        />
        {log.day !== data.today && <Button onClick={() => setDay(data.today)}>回到今天</Button>}
        <Button onClick={() => setPrinting(true)} data-testid="duty-log-print">
          打印预览
        </Button>
      </Space>
      <Descriptions size="small" bordered column={3} data-testid="duty-log-summary">
        <Descriptions.Item label="值班时段">
          {log.startLabel} 至 {log.endLabel}
        </Descriptions.Item>
        <Descriptions.Item label="带班领导">{data.form.leader || '—'}</Descriptions.Item>
        <Descriptions.Item label="值班员">{data.form.officers.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="接报事件">
          {c.incidentsReceived} 起{c.drillsReceived > 0 ? `，另有演练 ${c.drillsReceived} 起` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="电话 / 报送 / 批示">
          {c.calls} / {c.reports} / {c.instructions}
        </Descriptions.Item>
        <Descriptions.Item label="报告时限（本值班室）">
          <span data-testid="duty-log-clocks-room">{roomClockSummary(c)}</span>
          {c.drillClocks > 0 ? `（演练 ${c.drillClocks} 项不计）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="督促他方报告" span={2}>
          <span data-testid="duty-log-clocks-monitored">{monitoredClockSummary(c)}</span>
        </Descriptions.Item>
      </Descriptions>
      <ExportButtons
        formats={DUTY_LOG_EXPORT_FORMATS}
        rows={c.total}
        testId="duty-log-export"
        run={(format) => call('duty-log:export', { day: log.day, format })}
      />
      <Typography.Text type="secondary">
        以下内容由系统根据事件记录自动汇总，不可修改；需要说明的情况请在“值班备注”中补记。
      </Typography.Text>
      {log.sections.map((s) => (
        <Card
          key={s.key}
          size="small"
          title={`${s.title}（${s.rows.length}）`}
          data-testid={`duty-log-section-${s.key}`}
        >
          {s.rows.length === 0 ? (
            <Typography.Text type="secondary">无</Typography.Text>
          ) : (
            <Table
              size="small"
              rowKey={(r) => `${r.at}-${r.kind}-${r.text}`}
              pagination={false}
              columns={columns}
              dataSource={s.rows}
            />
          )}
        </Card>
      ))}
      <Card size="small" title="值班备注" data-testid="duty-log-remarks">
        {remarks.length === 0 ? (
          <Empty description="暂无备注" image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <List
            size="small"
            dataSource={remarks}
            renderItem={(r: DutyRemark) => (
              <List.Item
                data-testid="duty-remark"
                actions={[
                  <a key="edit" onClick={() => setEditing({ id: r.id, text: r.text })}>
                    修改
                  </a>,
                ]}
              >
                {editing?.id === r.id ? (
                  <Space.Compact style={{ width: '100%' }}>
                    <Input.TextArea
                      autoSize
                      value={editing.text}
                      onChange={(e) => setEditing({ id: r.id, text: e.target.value })}
                    />
                    <Button type="primary" onClick={() => void saveEdit()}>
                      保存
                    </Button>
                  </Space.Compact>
                ) : (
                  <List.Item.Meta
                    title={<span data-testid="duty-remark-text">{r.text}</span>}
                    description={`${fmtDateTime(r.at)} · ${r.officer}${r.editedAt ? `（${r.editedBy ?? ''}于${fmtDateTime(r.editedAt)}修改，原文已保留）` : ''}`}
                  />
                )}
              </List.Item>
            )}
          />
        )}
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input.TextArea
            autoSize={{ minRows: 2 }}
            placeholder="补记需要说明的情况（如设备故障、来访、临时交办事项）"
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="remark-text"
          />
          <Button type="primary" disabled={!text.trim()} onClick={() => void addRemark()} data-testid="remark-add">
            添加备注
          </Button>
        </Space.Compact>
      </Card>
      <Drawer
        title={`值班日志 ${log.day}`}
        size="large"
        open={printing}
        onClose={() => setPrinting(false)}
        destroyOnHidden
      >
        <PrintPreview form={{ kind: 'duty-log', data: data.form }} title={`值班日志-${log.day}`} />
      </Drawer>
    </Space>
  );
}
