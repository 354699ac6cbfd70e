import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { dutyPairOf } from '../../../../shared/accounts/roles';
import type { Handover, HandoverDraft } from '../../../../shared/ipc/channels/duty';
import { useAuth } from '../auth/AuthGate';
import { call } from '../../api/api';
import { fmtDateTime } from '../../lib/format';
import { useLoad } from '../../hooks/useApi';
import { PrintPreview } from '../print/PrintPreview';
import { errorText } from '../../lib/errors';

const STATUS: Record<Handover['status'], { label: string; color: string }> = {
  pending: { label: '待接班确认', color: 'orange' },
  acknowledged: { label: '已接班', color: 'green' },
  cancelled: { label: '已撤回', color: 'default' },
};

/** The sheet's four lists: open incidents, running clocks, unsent reports, instructions. */
function SheetView({ sheet }: { sheet: HandoverDraft['sheet'] }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        title={() => `未办结事件（${sheet.openIncidents.length}）`}
        dataSource={sheet.openIncidents}
        locale={{ emptyText: '无' }}
        data-testid="handover-incidents"
        columns={[
          { title: '事件', render: (_: unknown, i) => `${i.title}（${i.serial}）${i.drill ? '【演练】' : ''}` },
          { title: '级别', dataIndex: 'level', width: 90, render: (l: string | null) => l ?? '未定级' },
          { title: '状态', dataIndex: 'status', width: 90 },
          { title: '下一步工作', dataIndex: 'nextStep' },
        ]}
      />
      <Table
        size="small"
        pagination={false}
        rowKey={(c) => `${c.incidentId}-${c.title}-${c.dueAt}`}
        title={() => `计时中的报告时限（${sheet.clocks.length}）`}
        dataSource={sheet.clocks}
        locale={{ emptyText: '无' }}
        columns={[
          { title: '事件', dataIndex: 'incident' },
          { title: '事项', dataIndex: 'title' },
          {
            title: '截止时间',
            dataIndex: 'dueAt',
            width: 190,
            render: (d: string, c) => (c.overdue ? <Tag color="red">{fmtDateTime(d)} 已超时</Tag> : fmtDateTime(d)),
          },
          { title: '依据', dataIndex: 'basis' },
        ]}
      />
      {sheet.pendingReports.length > 0 && (
        <Alert
          type="warning"
          title={`待报送的报告：${sheet.pendingReports.map((r) => `${r.incident} ${r.label}（${r.status === 'signed' ? '已签发未报送' : '草稿'}）`).join('；')}`}
        />
      )}
    </Space>
  );
}

/** 交接班: the outgoing officers hand over the sheet; the incoming officers acknowledge it here. */
interface HandoverValues {
  toLeader: string;
  toOfficer: string;
  pendingInstructions: string;
  equipment: string;
  notes: string;
}

interface AckValues {
  note?: string;
}

export function HandoverPage() {
  const { message } = App.useApp();
  const auth = useAuth();
  const draft = useLoad(() => call('handover:draft', {}), []);
  const list = useLoad(() => call('handover:list', {}), []);
  const [printing, setPrinting] = useState<Handover | null>(null);
  const [form] = Form.useForm<HandoverValues>();
  const [ackForm] = Form.useForm<AckValues>();
  const pending = list.data?.find((h) => h.status === 'pending') ?? null;

  const submit = async () => {
    try {
      const v = await form.validateFields();
      await call('handover:create', v);
      message.success('交接班记录已提交，请接班人员确认');
    } catch (err) {
      // A form that does not validate shows its own field messages.
      if (err instanceof Error) message.error(err.message);
    }
  };
  // The acknowledgement is the incoming pair's log-in at this seat: the main process takes the
  // names from the seat's session, so the page shows them instead of asking for them.
  const pair = dutyPairOf(auth.status.seat);
  const atSeat = pair && { officer: pair.officer.name, leader: pair.leader.name };
  // The names the service takes are the accounts' own: the pair must be exactly the record's.
  const incomingHere =
    !!pending && !!atSeat && atSeat.officer === pending.to.officer && atSeat.leader === pending.to.leader;
  const acknowledge = async (h: Handover) => {
    if (!atSeat) return;
    try {
      const v = await ackForm.validateFields();
      const done = await call('handover:acknowledge', { id: h.id, ...atSeat, note: v.note ?? '' });
      const by = done.acknowledgedBy ?? atSeat;
      message.success(`${by.officer}（带班领导${by.leader}）已确认接班，现为当前值班人员`);
    } catch (err) {
      if (err instanceof Error) message.error(err.message);
    }
  };
  const [cancelling, setCancelling] = useState<{ h: Handover; reason: string } | null>(null);
  const cancel = async () => {
    if (!cancelling) return;
    try {
      await call('handover:cancel', { id: cancelling.h.id, reason: cancelling.reason });
      setCancelling(null);
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={4} style={{ margin: 0 }}>
        交接班
      </Typography.Title>
      {pending ? (
        <Card title="等待接班确认" data-testid="handover-pending">
          <Typography.Paragraph>
            {pending.from.officer}（带班领导{pending.from.leader}）于 {fmtDateTime(pending.createdAt)}{' '}
            提交交接班记录，交接给值班员 <b>{pending.to.officer}</b>、带班领导 <b>{pending.to.leader}</b>
            。请接班人员核对下列事项后确认。
          </Typography.Paragraph>
          <SheetView sheet={pending.sheet} />
          <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }} data-testid="handover-pending-notes">
            <Descriptions.Item label="待传达落实的领导批示及待报事项">
              <span style={{ whiteSpace: 'pre-wrap' }}>{pending.pendingInstructions || '无'}</span>
            </Descriptions.Item>
            <Descriptions.Item label="设备运行情况">
              <span style={{ whiteSpace: 'pre-wrap' }}>{pending.equipment || '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label="其他事项">
              <span style={{ whiteSpace: 'pre-wrap' }}>{pending.notes || '无'}</span>
            </Descriptions.Item>
          </Descriptions>
          {atSeat && incomingHere ? (
            <Typography.Paragraph style={{ marginTop: 12 }} data-testid="handover-ack-who">
              本席位已登录：值班员 <b>{atSeat.officer}</b>、带班领导 <b>{atSeat.leader}</b>，确认后即为当前值班人员。
            </Typography.Paragraph>
          ) : (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 12 }}
              data-testid="handover-ack-who"
              title={`接班须由值班员${pending.to.officer}和带班领导${pending.to.leader}登录本席位后确认`}
              description={`本席位现登录：${
                atSeat ? `值班员${atSeat.officer}、带班领导${atSeat.leader}` : (auth.status.seat.officer?.name ?? '无')
              }。交班人员请在页首账户菜单中退出，由接班人员登录。`}
            />
          )}
          <Form form={ackForm} layout="inline" style={{ marginTop: 12 }}>
            <Form.Item name="note" label="接班意见">
              <Input data-testid="ack-note" />
            </Form.Item>
            <Button
              type="primary"
              onClick={() => void acknowledge(pending)}
              data-testid="handover-ack"
              disabled={!incomingHere}
            >
              确认接班
            </Button>
            <Button onClick={() => setPrinting(pending)}>打印预览</Button>
            <Button danger onClick={() => setCancelling({ h: pending, reason: '' })}>
              撤回
            </Button>
          </Form>
        </Card>
      ) : draft.error ? (
        <Alert type="error" title={draft.error.message} />
      ) : !draft.data ? (
        <Card loading />
      ) : (
        <Card
          title={`交班（交班人：${draft.data.from.officer}，带班领导：${draft.data.from.leader}）`}
          data-testid="handover-draft"
        >
          <SheetView sheet={draft.data.sheet} />
          <Form
            key={draft.data.at}
            form={form}
            layout="vertical"
            style={{ marginTop: 12 }}
            initialValues={{
              toLeader: draft.data.suggestedTo?.leader ?? '',
              toOfficer: draft.data.suggestedTo?.officer ?? '',
              pendingInstructions: draft.data.pendingText,
              equipment: '设备运行正常',
              notes: '',
            }}
          >
            {draft.data.suggestedTo && (
              <Typography.Text type="secondary">接班人员已按值班表预填，如有替班请修改。</Typography.Text>
            )}
            <Space wrap>
              <Form.Item
                name="toOfficer"
                label="接班值班员"
                rules={[
                  { required: true, message: '请填写接班值班员' },
                  {
                    // The service refuses it too; saying so at the field saves a round trip.
                    validator: (_, v: string | undefined) =>
                      v && v.replace(/\s+/g, '') === draft.data?.from.officer.replace(/\s+/g, '')
                        ? Promise.reject(new Error(`接班值班员不能是交班值班员本人（${draft.data.from.officer}）`))
                        : Promise.resolve(),
                  },
                ]}
              >
                <Input data-testid="handover-to-officer" />
              </Form.Item>
              <Form.Item
                name="toLeader"
                label="接班带班领导"
                rules={[{ required: true, message: '请填写接班带班领导' }]}
              >
                <Input data-testid="handover-to-leader" />
              </Form.Item>
            </Space>
            <Form.Item name="pendingInstructions" label="待传达落实的领导批示及待报事项">
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Form.Item name="equipment" label="设备运行情况">
              <Input />
            </Form.Item>
            <Form.Item name="notes" label="其他事项">
              <Input.TextArea autoSize={{ minRows: 2 }} data-testid="handover-notes" />
            </Form.Item>
            <Button type="primary" onClick={() => void submit()} data-testid="handover-submit">
              提交交接班记录
            </Button>
          </Form>
        </Card>
      )}
      <Card size="small" title="交接班记录">
        <Table
          size="small"
          rowKey="id"
          dataSource={list.data ?? []}
          loading={!list.data}
          pagination={{ pageSize: 10 }}
          data-testid="handover-history"
          columns={[
            { title: '提交时间', dataIndex: 'createdAt', render: (d: string) => fmtDateTime(d) },
            { title: '交班', render: (_: unknown, h: Handover) => `${h.from.officer}（带班${h.from.leader}）` },
            { title: '接班', render: (_: unknown, h: Handover) => `${h.to.officer}（带班${h.to.leader}）` },
            {
              title: '确认时间',
              dataIndex: 'acknowledgedAt',
              render: (d: string | null) => (d ? fmtDateTime(d) : '—'),
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: Handover['status']) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag>,
            },
            { title: '', render: (_: unknown, h: Handover) => <a onClick={() => setPrinting(h)}>打印</a> },
          ]}
        />
      </Card>
      <Modal
        title="撤回交接班记录"
        open={!!cancelling}
        onOk={() => void cancel()}
        onCancel={() => setCancelling(null)}
        okText="撤回"
        destroyOnHidden
      >
        <Input
          placeholder="撤回原因"
          value={cancelling?.reason ?? ''}
          onChange={(e) => cancelling && setCancelling({ ...cancelling, reason: e.target.value })}
        />
      </Modal>
      <Drawer title="交接班记录" size="large" open={!!printing} onClose={() => setPrinting(null)} destroyOnHidden>
        {printing && (
          <PrintPreview form={{ kind: 'handover', data: printing.record }} title={`交接班记录-${printing.id}`} />
        )}
      </Drawer>
    </Space>
  );
}
