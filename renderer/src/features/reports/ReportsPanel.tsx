import { Alert, App, Button, Checkbox, Form, Input, List, Modal, Select, Space, Tabs, Tag, Typography } from 'antd';
import { validValues } from '../../lib/form-values';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { CLOCK_CHANNELS } from '../../../../shared/domain/incident';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import type { Report } from '../../../../shared/domain/report';
import { dutyLabel, openDuties } from '../../../../shared/reports/duties';
import { LEVEL_CHANGED_PREFIX } from '../../../../shared/reports/level-check';
import { changeLine } from '../../../../shared/reports/prefill';
import { printableReport } from '../../../../shared/reports/printable';
import { api, ApiError, call } from '../../api/api';
import { DateTimeField } from '../../components/DateTimeField';
import { fmtDateTime } from '../../lib/format';
import { iso } from '../incident/form-values';
import { PrintPreview } from '../print/PrintPreview';
import { RecipientSelect } from './RecipientSelect';
import { ReportForm, isReportForm } from './ReportForm';
import { StaleReportNotice, STALE_REPORT_MESSAGE } from './StaleReportNotice';
import { messageOf } from '../../../../shared/errors';
import { nowField } from '../../lib/beijing-fields';

const STATUS: Record<Report['status'], { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  signed: { label: '已签发', color: 'blue' },
  sent: { label: '已报送', color: 'green' },
};

/**
 * One report opened: a form view of the latest version's fields and table rows (drafts only),
 * and a preview of the saved version as it prints. Saving makes a new version; the preview then
 * shows that version.
 */
function ReportEditor({
  report,
  chain,
  incident,
  onSaved,
  onEdited,
}: {
  report: Report;
  chain: Report[];
  incident: IncidentDetail;
  onSaved: (r: Report) => void;
  onEdited: () => void;
}) {
  const { message } = App.useApp();
  const last = report.versions.at(-1);
  const editable = report.status === 'draft' && last !== undefined && isReportForm(last.content);
  const [tab, setTab] = useState(editable ? 'form' : 'preview');
  // A newer draft another seat saved (issue 17), shown once a save was refused; and that draft's
  // version once the officer has seen it and keeps their input over it.
  const [newer, setNewer] = useState<Report | null>(null);
  const [over, setOver] = useState<number | null>(null);
  // The version the form's unsaved edits were typed over: the preview shows that saved version,
  // not what is typed, so it must not be printed as if it were.
  const [editedOver, setEditedOver] = useState<number | null>(null);
  // Every stored report has at least its first version; nothing to show otherwise.
  if (!last) return null;
  const unsaved = editable && editedOver === last.version;
  const printable = printableReport(report, chain);
  const content = last.content;
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      destroyOnHidden={false}
      items={[
        ...(editable && isReportForm(content)
          ? [
              {
                key: 'form',
                label: '填写',
                children: (
                  <>
                    {newer && (
                      <StaleReportNotice
                        latest={newer}
                        from={last}
                        onReload={() => {
                          setNewer(null);
                          setOver(null);
                          onSaved(newer);
                        }}
                        onKeepMine={() => {
                          // The officer has seen the newer draft and saves their input over it knowingly.
                          setOver(newer.versions.at(-1)?.version ?? null);
                          setNewer(null);
                        }}
                      />
                    )}
                    <ReportForm
                      key={`${report.id}-${last.version}`}
                      content={content}
                      onEdited={() => {
                        setEditedOver(last.version);
                        onEdited();
                      }}
                      onSave={async (next) => {
                        try {
                          const saved = await call('reports:save', {
                            reportId: report.id,
                            content: next,
                            // The draft this input is based on: the one opened, or the newer one seen.
                            version: over ?? last.version,
                          });
                          message.success(`已保存为第${saved.versions.at(-1)?.version ?? ''}稿`);
                          setNewer(null);
                          setOver(null);
                          onSaved(saved);
                        } catch (err) {
                          if (err instanceof ApiError && err.error.message === STALE_REPORT_MESSAGE) {
                            // Nothing typed is lost: the form keeps it, and the newer draft is shown above it.
                            const list = await call('reports:list', { incidentId: incident.id }).catch(() => []);
                            setNewer(list.find((r) => r.id === report.id) ?? null);
                          }
                          message.error(messageOf(err));
                          throw err;
                        }
                      }}
                    />
                  </>
                ),
              },
            ]
          : []),
        {
          key: 'preview',
          label: `预览（第${last.version}稿）`,
          children: (
            <PrintPreview
              form={printable}
              title={`${incident.title}-${report.label}`}
              drill={incident.drill}
              incidentId={incident.id}
              reportId={report.id}
              reportVersion={last.version}
              blocked={
                unsaved && (
                  <Alert
                    type="warning"
                    showIcon
                    data-testid="preview-unsaved"
                    title={`填写页有未保存的修改：此处预览的是已保存的第${last.version}稿，与填写页不同`}
                    description="保存为新稿后才能打印或导出PDF。"
                    action={
                      <Button size="small" onClick={() => setTab('form')} data-testid="preview-back-to-form">
                        返回填写
                      </Button>
                    }
                  />
                )
              }
            />
          ),
        },
      ]}
    />
  );
}

interface SignValues {
  signedBy: string;
  signedAt: Dayjs;
}

interface SendValues {
  sentAt: Dayjs;
  /** One 报送 may go to several recipients at once. */
  sentTo: string[];
  channel: (typeof CLOCK_CHANNELS)[number];
  confirmedBy: string;
  clockIds: string[];
}

/** The report chain of one incident: draft, fill in, preview, sign, dispatch, correct. */
export function ReportsPanel({
  incident,
  onChanged,
}: {
  incident: IncidentDetail;
  onChanged: (d: IncidentDetail) => void;
}) {
  const { message, modal } = App.useApp();
  const [reports, setReports] = useState<Report[]>([]);
  const [editing, setEditing] = useState<Report | null>(null);
  // Edits typed in the form view and not yet saved as a version: closing asks first.
  const unsaved = useRef(false);
  const closeEditor = () => {
    if (!unsaved.current) {
      setEditing(null);
      return;
    }
    modal.confirm({
      title: '有未保存的修改',
      content: '关闭后，本次在表单中填写的内容不会保存。确定关闭吗？',
      okText: '放弃修改并关闭',
      cancelText: '继续填写',
      onOk: () => {
        unsaved.current = false;
        setEditing(null);
      },
    });
  };
  const [signing, setSigning] = useState<Report | null>(null);
  const [sending, setSending] = useState<Report | null>(null);
  const [signForm] = Form.useForm<SignValues>();
  const [sendForm] = Form.useForm<SendValues>();

  const seq = useRef(0);
  const load = useCallback(() => {
    const mine = ++seq.current;
    return call('reports:list', { incidentId: incident.id }).then(
      (r) => {
        if (mine === seq.current) setReports(r);
      },
      (e: unknown) => {
        message.error(e instanceof Error ? e.message : String(e));
      },
    );
  }, [incident.id, message]);
  useEffect(() => {
    void load();
    return api.on('data:changed', () => void load());
  }, [load]);

  /** Runs one change; a refusal because the level changed goes to `onLevelChanged` when given. */
  const act = async (fn: () => Promise<unknown>, onLevelChanged?: (warning: string) => void) => {
    try {
      await fn();
      await load();
      onChanged(await call('incidents:get', { id: incident.id }));
    } catch (err) {
      if (onLevelChanged && err instanceof ApiError && err.error.message.startsWith(LEVEL_CHANGED_PREFIX))
        onLevelChanged(err.error.message);
      else message.error(messageOf(err));
    }
  };

  /** 43号 5.1.1(6): a version at another level than the incident's is signed or sent only once confirmed. */
  const askLevel = (what: '签发' | '报送', confirmed: () => void) => (warning: string) => {
    modal.confirm({
      title: `${what}：事件级别已变化`,
      content: <div data-testid="level-changed">{warning}</div>,
      okText: `仍按此稿${what}`,
      cancelText: '返回',
      okButtonProps: { 'data-testid': 'level-changed-confirm' },
      onOk: confirmed,
    });
  };

  const openClocks = incident.clocks.filter((c) => !c.record);
  // One checkbox per duty and recipient: an upgrade's old and new obligations complete together.
  const duties = openDuties(incident.clocks);
  const hasFinal = reports.some((r) => r.kind === '终报');
  const hasInitial = reports.some((r) => r.kind === '初报');

  const sign = async () => {
    const v = await validValues(signForm);
    const report = signing;
    if (!v || !report) return;
    const signedAt = iso(v.signedAt);
    if (!signedAt) return;
    // The dialog stays open until the 签发 is recorded: a refused time can be corrected in it.
    const run = (confirmLevel: boolean): Promise<void> =>
      act(
        async () => {
          await call('reports:sign', { reportId: report.id, signedBy: v.signedBy, signedAt, confirmLevel });
          setSigning(null);
        },
        confirmLevel ? undefined : askLevel('签发', () => void run(true)),
      );
    await run(false);
  };

  const dispatch = async () => {
    const v = await validValues(sendForm);
    const report = sending;
    if (!v || !report) return;
    const sentAt = iso(v.sentAt);
    if (!sentAt) return;
    const send = (confirmMismatch: boolean, confirmLevel = false): Promise<void> =>
      act(
        async () => {
          await call('reports:dispatch', {
            reportId: report.id,
            sentAt,
            sentTo: v.sentTo,
            channel: v.channel,
            confirmedBy: v.confirmedBy,
            clockIds: v.clockIds,
            confirmMismatch,
            confirmLevel,
          });
          setSending(null);
        },
        confirmLevel ? undefined : askLevel('报送', () => void send(confirmMismatch, true)),
      );
    // A ticked clock owed to a recipient this dispatch does not go to: ask before completing anything.
    const mismatched = duties.filter((d) => v.clockIds.includes(d.id) && !v.sentTo.includes(d.to));
    if (!mismatched.length) return send(false);
    modal.confirm({
      title: '报送对象与时限不符',
      content: (
        <div data-testid="dispatch-mismatch">
          本次报送单位：{v.sentTo.join('、')}。以下时限应报送的单位不在其中：
          <ul>
            {mismatched.map((c) => (
              <li key={c.id}>
                {c.title}（应报{c.to}）
              </li>
            ))}
          </ul>
          确认仍按本次报送完成这些时限吗？
        </div>
      ),
      okText: '确认完成',
      cancelText: '返回修改',
      onOk: () => send(true),
    });
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        {!hasInitial && (
          <Button
            onClick={() => void act(() => call('reports:draft', { incidentId: incident.id, kind: '初报' }))}
            data-testid="draft-初报"
          >
            起草初报
          </Button>
        )}
        {hasInitial && !hasFinal && (
          <>
            <Button
              onClick={() => void act(() => call('reports:draft', { incidentId: incident.id, kind: '续报' }))}
              data-testid="draft-续报"
            >
              起草续报
            </Button>
            <Button
              onClick={() => void act(() => call('reports:draft', { incidentId: incident.id, kind: '终报' }))}
              data-testid="draft-终报"
            >
              起草终报
            </Button>
          </>
        )}
        {reports[0] && <Typography.Text type="secondary">{reports[0].basis}</Typography.Text>}
      </Space>
      <List
        size="small"
        bordered
        dataSource={reports}
        locale={{ emptyText: '尚无报告' }}
        data-testid="report-list"
        renderItem={(r) => {
          const last = r.versions.at(-1);
          return (
            <List.Item
              data-testid={`report-${r.label}`}
              actions={[
                <Button
                  key="view"
                  size="small"
                  onClick={() => {
                    unsaved.current = false;
                    setEditing(r);
                  }}
                  data-testid="open-report"
                >
                  {r.status === 'draft' ? '填写 / 预览' : '预览 / 打印'}
                </Button>,
                r.status === 'draft' && (
                  <Button
                    key="sign"
                    size="small"
                    onClick={() => {
                      // Now, each time the dialog opens: the form keeps a field's value between openings.
                      signForm.setFieldsValue({ signedAt: nowField() });
                      setSigning(r);
                    }}
                    data-testid="sign-button"
                  >
                    签发
                  </Button>
                ),
                r.status === 'signed' && (
                  <Button
                    key="send"
                    size="small"
                    type="primary"
                    onClick={() => {
                      setSending(r);
                      // Now, each time the dialog opens: the form keeps a field's value between openings.
                      sendForm.setFieldsValue({ sentAt: nowField(), clockIds: [], sentTo: [] });
                    }}
                    data-testid="send-button"
                  >
                    报送
                  </Button>
                ),
                r.status === 'sent' && (
                  <Button
                    key="correct"
                    size="small"
                    onClick={() => void act(() => call('reports:correct', { reportId: r.id }))}
                  >
                    更正
                  </Button>
                ),
              ].filter(Boolean)}
            >
              <Space orientation="vertical" size={0}>
                <Space>
                  <strong>{r.label}</strong>
                  <Tag color={STATUS[r.status].color}>{STATUS[r.status].label}</Tag>
                  {last && (
                    <Typography.Text type="secondary">
                      第{last.version}稿 · {fmtDateTime(last.savedAt)} · {last.savedBy}
                    </Typography.Text>
                  )}
                </Space>
                {r.signedBy && (
                  <Typography.Text type="secondary">
                    签发：{r.signedBy}（{fmtDateTime(r.signedAt)}）
                  </Typography.Text>
                )}
                {r.sentAt && (
                  <Typography.Text type="secondary">
                    报送：{fmtDateTime(r.sentAt)} {r.sentChannel} → {r.sentTo}，{r.confirmedBy}确认收到（第
                    {r.sentVersion}稿）
                  </Typography.Text>
                )}
                {r.changesSincePrevious.length > 0 && (
                  <Typography.Text type="warning">
                    {r.correctsId === null ? '较上一份报告的变化：' : '较所更正报告的变化：'}
                    {r.changesSincePrevious.map((c) => changeLine(c)).join('；')}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          );
        }}
      />
      <Modal
        title={editing ? `${editing.label}（${STATUS[editing.status].label}）` : ''}
        open={!!editing}
        width={1100}
        onCancel={closeEditor}
        destroyOnHidden
        footer={null}
      >
        {editing && (
          <ReportEditor
            report={editing}
            chain={reports}
            incident={incident}
            onEdited={() => {
              unsaved.current = true;
            }}
            onSaved={(saved) => {
              unsaved.current = false;
              setEditing(saved);
              void load();
            }}
          />
        )}
      </Modal>
      <Modal
        title={`签发：${signing?.label ?? ''}`}
        open={!!signing}
        onCancel={() => setSigning(null)}
        destroyOnHidden
        onOk={() => void sign()}
      >
        <Form form={signForm} layout="vertical" preserve={false}>
          <Form.Item name="signedBy" label="签发人" rules={[{ required: true, message: '请填写签发人' }]}>
            <Input data-testid="signed-by" />
          </Form.Item>
          <Form.Item name="signedAt" label="签发时间" rules={[{ required: true }]}>
            <DateTimeField />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={`报送：${sending?.label ?? ''}`}
        open={!!sending}
        onCancel={() => setSending(null)}
        destroyOnHidden
        onOk={() => void dispatch()}
      >
        <Form form={sendForm} layout="vertical" preserve={false} initialValues={{ channel: '书面' }}>
          <Form.Item name="sentAt" label="报送时间" rules={[{ required: true }]}>
            <DateTimeField />
          </Form.Item>
          <Form.Item
            name="sentTo"
            label="报送单位（可多选，也可输入）"
            rules={[{ required: true, message: '请填写报送单位' }]}
          >
            <RecipientSelect
              options={[...new Set(openClocks.map((c) => c.to))]}
              // The clocks this dispatch completes follow its recipients: exactly those owed to them.
              onChange={(to: string[]) =>
                sendForm.setFieldsValue({ clockIds: duties.filter((d) => to.includes(d.to)).map((d) => d.id) })
              }
            />
          </Form.Item>
          <Form.Item name="channel" label="报送方式" rules={[{ required: true }]}>
            <Select data-testid="sent-channel" options={CLOCK_CHANNELS.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item
            name="confirmedBy"
            label="电话确认接收人"
            rules={[{ required: true, message: '请填写接收人姓名' }]}
          >
            <Input data-testid="confirmed-by" />
          </Form.Item>
          <Form.Item name="clockIds" label="本次报送完成的时限（勾选）" data-testid="send-clocks">
            <Checkbox.Group
              options={duties.map((d) => ({ value: d.id, label: dutyLabel(d) }))}
              style={{ display: 'flex', flexDirection: 'column' }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
