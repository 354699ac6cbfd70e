import { App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { validValues } from '../../lib/form-values';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { CLOCK_CHANNELS } from '../../../../shared/domain/incident';
import type { IncidentClock, IncidentDetail } from '../../../../shared/domain/incident-view';
import { closureName, closureText } from '../../../../shared/incidents/closure';
import { TASK_CLOCK_PREFIX } from '../../../../shared/incidents/derive';
import { levelHistoryLines, levelHistoryOf } from '../../../../shared/incidents/level-history';
import { PENDING_LEVEL_CLOCK } from '../../../../shared/incidents/obligations';
import { call } from '../../api/api';
import { ClockBadge } from '../../components/ClockBadge';
import { DateTimeField } from '../../components/DateTimeField';
import { fmtDateTime } from '../../lib/format';
import { iso } from './form-values';
import { Cite } from '../law/LawPanel';
import { ReportingSettings } from './ReportingSettings';
import { messageOf } from '../../../../shared/errors';
import { nowField } from '../../lib/beijing-fields';

interface CompleteValues {
  completedAt: Dayjs;
  channel: (typeof CLOCK_CHANNELS)[number];
  recipientUnit: string;
  recipientName: string;
}

/** The colour of a closure's name: 迟报 and a late 级别调整 stand out from the ones closed in time. */
const CLOSURE_COLOURS: Record<string, string> = {
  已完成: 'green',
  迟报: 'red',
  不适用: 'default',
  级别调整: 'purple',
  '级别调整（已超时）': 'magenta',
};

/** Why a clock has no 完成 button: it closes by itself, or elsewhere. */
function closesElsewhere(c: IncidentClock): string | null {
  if (c.clockId === PENDING_LEVEL_CLOCK) return '初步判定级别后自动关闭';
  if (c.clockId.startsWith(TASK_CLOCK_PREFIX)) return '在“应急响应”的善后任务中办结';
  return null;
}

/**
 * Every reporting obligation of the incident: who owes it to whom, the level it serves, its window
 * and clause, the live state, and how it closed (met by which report, 不适用, or 级别调整 with its
 * reason and lateness; 43号 5.1.1(6)). Above it, the level history the clocks follow.
 */
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
    const v = await validValues(form);
    if (!v) return;
    // The dialog is open only for a clock, and its time is a required field.
    const completedAt = iso(v.completedAt);
    if (!completing || !completedAt) return;
    try {
      onChanged(
        await call('clocks:complete', {
          incidentId: incident.id,
          // The obligation itself (the level it serves), so an old and a new one are never mixed.
          clockId: completing.obligationKey ?? completing.clockId,
          completedAt,
          channel: v.channel,
          recipientUnit: v.recipientUnit,
          recipientName: v.recipientName,
        }),
      );
      setCompleting(null);
      form.resetFields();
    } catch (err) {
      message.error(messageOf(err));
    }
  };

  const markNa = async () => {
    const v = await validValues(naForm);
    if (!v) return;
    if (!naFor) return;
    try {
      onChanged(
        await call('clocks:not-applicable', {
          incidentId: incident.id,
          clockId: naFor.obligationKey ?? naFor.clockId,
          reason: v.reason,
        }),
      );
      setNaFor(null);
      naForm.resetFields();
    } catch (err) {
      message.error(messageOf(err));
    }
  };

  const history = levelHistoryLines(levelHistoryOf(incident.timeline));

  return (
    <>
      {history.length > 0 && (
        <div data-testid="level-history" style={{ marginBottom: 8 }}>
          <Typography.Text strong>级别变化：</Typography.Text>
          {history.map((h) => (
            <div key={h}>
              <Typography.Text type="secondary">
                {h}；
                <Cite text="依据《朔州市突发环境事件应急预案》5.1.1(6)：级别发生变化的，应当按照变化后的级别报告信息" />
              </Typography.Text>
            </div>
          ))}
        </div>
      )}
      {incident.grading.planName && <ReportingSettings incident={incident} onChanged={onChanged} />}
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
              <div
                data-testid={`clock-row-${c.clockId}`}
                data-obligation={c.obligationKey ?? c.clockId}
                data-level={c.levelLabel ?? ''}
              >
                <div>
                  {c.title}
                  {c.optional ? <Typography.Text type="secondary">（紧急情况适用）</Typography.Text> : null}
                  {c.owner && (
                    <Tag
                      color={c.owner.kind === 'room' ? 'blue' : 'default'}
                      style={{ marginLeft: 6 }}
                      data-testid="clock-owner"
                    >
                      {c.owner.kind === 'room' ? '本值班室' : `督促：${c.owner.unit}`}
                    </Tag>
                  )}
                </div>
                <Typography.Text type="secondary">
                  {c.from} → {c.to}，{c.window ?? `${c.minutes} 分钟内`}；
                  {c.source === 'room' ? (
                    <span data-testid="clock-room-rule">{c.citation}</span>
                  ) : (
                    <Cite text={c.citation} />
                  )}
                </Typography.Text>
                {c.anchorNote && (
                  <div>
                    <Typography.Text type="warning">{c.anchorNote}</Typography.Text>
                  </div>
                )}
                {c.phonedAt && !c.record && (
                  <div>
                    <Typography.Text type="warning">
                      已于 {fmtDateTime(c.phonedAt)} 电话报告，书面报告仍需报送（42号 4.1.1(1) 随即报送书面信息）
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: '服务级别',
            key: 'level',
            width: 84,
            render: (_, c) => <Tag data-testid="clock-level">{c.levelLabel ?? '—'}</Tag>,
          },
          { title: '起算', key: 'startsAt', width: 118, render: (_, c) => fmtDateTime(c.startsAt) },
          { title: '截止', key: 'dueAt', width: 118, render: (_, c) => fmtDateTime(c.dueAt) },
          {
            title: '状态与办结',
            key: 'state',
            width: 260,
            render: (_, c) => {
              const name = closureName(c);
              return (
                <Space orientation="vertical" size={0}>
                  <Space size={4}>
                    <ClockBadge clock={c} />
                    {name && name !== '已完成' && name !== '级别调整' && name !== '不适用' && (
                      <Tag color={CLOSURE_COLOURS[name]} data-testid="clock-closure-name">
                        {name}
                      </Tag>
                    )}
                  </Space>
                  {name && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="clock-closure">
                      {closureText(c)}
                    </Typography.Text>
                  )}
                </Space>
              );
            },
          },
          {
            title: '操作',
            key: 'ops',
            width: 140,
            render: (_, c) => {
              if (c.record) return null;
              const elsewhere = closesElsewhere(c);
              return (
                <Space orientation="vertical" size={2}>
                  {elsewhere && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {elsewhere}
                    </Typography.Text>
                  )}
                  <Space>
                    {!elsewhere && (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => setCompleting(c)}
                        data-testid={`complete-${c.clockId}`}
                      >
                        完成
                      </Button>
                    )}
                    {!c.clockId.startsWith(TASK_CLOCK_PREFIX) && (
                      <Button size="small" onClick={() => setNaFor(c)}>
                        不适用
                      </Button>
                    )}
                  </Space>
                </Space>
              );
            },
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
          initialValues={{ completedAt: nowField(), channel: completing?.channel === 'phone' ? '电话' : '书面' }}
          preserve={false}
        >
          <Form.Item name="completedAt" label="报送时间" rules={[{ required: true, message: '请填写报送时间' }]}>
            <DateTimeField />
          </Form.Item>
          <Form.Item name="channel" label="报送方式" rules={[{ required: true }]}>
            <Select
              // A written report cannot be discharged by phone (42号 4.1.1(1)); the service refuses it too.
              options={CLOCK_CHANNELS.map((c) => ({
                value: c,
                label: c,
                disabled: completing?.channel === 'written' && c === '电话',
              }))}
              data-testid="complete-channel"
            />
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
