import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { CLOCK_CHANNELS } from '../../../../shared/domain/incident';
import type { IncidentClock, IncidentDetail } from '../../../../shared/domain/incident-view';
import { call } from '../../api/api';
import { ClockBadge } from '../../components/ClockBadge';
import { fmtDateTime } from '../../format';
import { iso } from './form-values';
import { Cite } from '../law/LawPanel';

interface CompleteValues {
  completedAt: Dayjs;
  channel: (typeof CLOCK_CHANNELS)[number];
  recipientUnit: string;
  recipientName: string;
}

/** Every reporting window of the incident, with who reports to whom, the clause and the live state. */
export function ClockList({
  incident,
  onChanged,
}: {
  incident: IncidentDetail;
  onChanged: (d: IncidentDetail) => void;
}) {
  const { message } = App.useApp();
  const [completing, setCompleting] = useState<IncidentClock | null>(null);
  const [naFor, setNaFor] = useState<IncidentClock | null>(null);
  const [form] = Form.useForm<CompleteValues>();
  const [naForm] = Form.useForm<{ reason: string }>();

  const complete = async () => {
    const v = await form.validateFields();
    // The dialog is open only for a clock, and its time is a required field.
    const completedAt = iso(v.completedAt);
    if (!completing || !completedAt) return;
    try {
      onChanged(
        await call('clocks:complete', {
          incidentId: incident.id,
          clockId: completing.clockId,
          completedAt,
          channel: v.channel,
          recipientUnit: v.recipientUnit,
          recipientName: v.recipientName,
        }),
      );
      setCompleting(null);
      form.resetFields();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const markNa = async () => {
    const v = await naForm.validateFields();
    if (!naFor) return;
    try {
      onChanged(
        await call('clocks:not-applicable', { incidentId: incident.id, clockId: naFor.clockId, reason: v.reason }),
      );
      setNaFor(null);
      naForm.resetFields();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <>
      <Table<IncidentClock>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={incident.clocks}
        data-testid="clock-table"
        locale={{ emptyText: '该类事件在已编码的预案中没有报告时限' }}
        columns={[
          {
            title: '时限',
            key: 'title',
            render: (_, c) => (
              <div data-testid={`clock-row-${c.clockId}`}>
                <div>
                  {c.title}
                  {c.optional ? <Typography.Text type="secondary">（紧急情况适用）</Typography.Text> : null}
                </div>
                <Typography.Text type="secondary">
                  {c.from} → {c.to}，{c.minutes} 分钟内；
                  <Cite text={c.citation} />
                </Typography.Text>
              </div>
            ),
          },
          { title: '起算', key: 'startsAt', width: 150, render: (_, c) => fmtDateTime(c.startsAt) },
          { title: '截止', key: 'dueAt', width: 150, render: (_, c) => fmtDateTime(c.dueAt) },
          {
            title: '状态',
            key: 'state',
            width: 200,
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                <ClockBadge clock={c} />
                {c.record?.completedAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fmtDateTime(c.record.completedAt)} {c.record.channel} → {c.record.recipientUnit}（
                    {c.record.recipientName}），{c.record.officer}
                  </Typography.Text>
                )}
                {c.record?.notApplicableReason && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    不适用：{c.record.notApplicableReason}（{c.record.officer}）
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'ops',
            width: 150,
            render: (_, c) =>
              c.record ? null : (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setCompleting(c)}
                    data-testid={`complete-${c.clockId}`}
                  >
                    完成
                  </Button>
                  <Button size="small" onClick={() => setNaFor(c)}>
                    不适用
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        title={`完成：${completing?.title ?? ''}`}
        open={!!completing}
        onOk={() => void complete()}
        onCancel={() => setCompleting(null)}
        okText="确认完成"
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ completedAt: dayjs(), channel: completing?.channel === 'phone' ? '电话' : '书面' }}
          preserve={false}
        >
          <Form.Item name="completedAt" label="报送时间" rules={[{ required: true, message: '请填写报送时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="channel" label="报送方式" rules={[{ required: true }]}>
            <Select options={CLOCK_CHANNELS.map((c) => ({ value: c, label: c }))} data-testid="complete-channel" />
          </Form.Item>
          <Form.Item
            name="recipientUnit"
            label="接收单位"
            initialValue={completing?.to}
            rules={[{ required: true, message: '请填写接收单位' }]}
          >
            <Input data-testid="complete-recipient-unit" />
          </Form.Item>
          <Form.Item
            name="recipientName"
            label="接收人（电话确认）"
            rules={[{ required: true, message: '请填写接收人姓名' }]}
          >
            <Input data-testid="complete-recipient-name" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={`标记不适用：${naFor?.title ?? ''}`}
        open={!!naFor}
        onOk={() => void markNa()}
        onCancel={() => setNaFor(null)}
        okText="确认"
        destroyOnHidden
      >
        <Form form={naForm} layout="vertical" preserve={false}>
          <Form.Item name="reason" label="原因" rules={[{ required: true, message: '标记不适用必须说明原因' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
