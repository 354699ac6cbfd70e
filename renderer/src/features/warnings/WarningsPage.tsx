import { Alert, App, Button, Card, Empty, Input, List, Modal, Segmented, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { WarningActionView, WarningView } from '../../../../shared/ipc/channels/response';
import {
  ISSUER_KINDS,
  ISSUER_KIND_LABELS,
  WARNING_LEVELS,
  type IssuerKind,
  type WarningLevel,
} from '../../../../shared/warnings';
import { call } from '../../api/api';
import { DateTimeField } from '../../components/DateTimeField';
import { fmtDateTime } from '../../lib/format';
import { useLoad } from '../../hooks/useApi';
import { RecordModal } from '../response/RecordModal';
import { grantedBy } from '../response/ResponsePanel';
import { IssueWarningDrawer } from './IssueWarningDrawer';
import { WarningTag } from './WarningTag';
import { errorText } from '../../lib/errors';
import { instantOf, nowField } from '../../lib/beijing-fields';

/** 预警: warnings received or issued, by plan, with their actions, changes, lifting and linked incidents. */
export function WarningsPage({ openIncident }: { openIncident?: (id: number) => void }) {
  const [activeOnly, setActiveOnly] = useState(true);
  const [issuing, setIssuing] = useState(false);
  const { data, error } = useLoad(() => call('warnings:list', { activeOnly }), [activeOnly]);
  return (
    <div data-testid="warnings-page">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" onClick={() => setIssuing(true)} data-testid="warning-new">
          登记预警
        </Button>
        <Segmented
          value={activeOnly ? 'active' : 'all'}
          onChange={(v) => setActiveOnly(v === 'active')}
          options={[
            { value: 'active', label: '生效中' },
            { value: 'all', label: '全部（含已解除）' },
          ]}
        />
      </Space>
      {error && <Alert type="error" title={error.message} />}
      {data && data.length === 0 && <Empty description={activeOnly ? '当前没有生效的预警' : '没有预警记录'} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {data?.map((w) => (
          <WarningCard key={w.id} warning={w} openIncident={openIncident} />
        ))}
      </Space>
      <IssueWarningDrawer open={issuing} onClose={() => setIssuing(false)} />
    </div>
  );
}

function WarningCard({ warning: w, openIncident }: { warning: WarningView; openIncident?: (id: number) => void }) {
  const { message } = App.useApp();
  const [act, setAct] = useState<'lift' | 'change' | null>(null);
  const [ticking, setTicking] = useState<WarningActionView | null>(null);
  const [linkId, setLinkId] = useState<number | undefined>();
  const incidents = useLoad(
    // The newest 500 incidents (the list pages on the server) to link a warning to.
    async () => (await call('incidents:list', { drills: 'include', limit: 500 })).items,
    [],
  );

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      return true;
    } catch (err) {
      message.error(errorText(err));
      return false;
    }
  };

  return (
    <Card
      size="small"
      style={{ borderLeft: `6px solid ${w.hex}`, opacity: w.lifted ? 0.7 : 1 }}
      data-testid="warning-card"
      data-warning-id={w.id}
      title={
        <Space wrap>
          <WarningTag level={w.level} />
          <Typography.Text>{w.area}</Typography.Text>
          <Typography.Text type="secondary">{w.planName}</Typography.Text>
          {w.lifted && <Tag>已解除</Tag>}
        </Space>
      }
      extra={
        !w.lifted && (
          <Space>
            <Button size="small" onClick={() => setAct('change')} data-testid="warning-change">
              调整级别
            </Button>
            <Button size="small" danger onClick={() => setAct('lift')} data-testid="warning-lift">
              解除
            </Button>
          </Space>
        )
      }
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text>
          {w.direction === 'received' ? '收到' : '本级发布'}：{w.issuer}（{ISSUER_KIND_LABELS[w.issuerKind]}），
          {fmtDateTime(w.issuedAt)}
          {w.document ? `，${w.document}` : ''}；值班员{w.officer}登记，{grantedBy(w.leader)}
        </Typography.Text>
        {w.content && <Typography.Text>{w.content}</Typography.Text>}
        <Typography.Text
          type={w.issuerCheck.ok && w.issuerCheck.verified ? 'secondary' : 'warning'}
          style={{ fontSize: 12 }}
        >
          {w.issuerCheck.ok ? w.issuerCheck.message : w.issuerCheck.error}
        </Typography.Text>
        {w.changes.map((c, i) => (
          <Typography.Text key={i} type="secondary" style={{ fontSize: 12 }}>
            {fmtDateTime(c.at)} {c.by}调整：{c.from} → {c.to}（{c.document}；{grantedBy(c.leader)}）
          </Typography.Text>
        ))}
        {w.lifted && (
          <Typography.Text data-testid="warning-lifted">
            {fmtDateTime(w.lifted.at)} 由{w.lifted.by}解除（{w.lifted.document}；{grantedBy(w.lifted.leader)}）
          </Typography.Text>
        )}
        <Space wrap>
          <Typography.Text>关联事件：</Typography.Text>
          {w.incidents.length === 0 && <Typography.Text type="secondary">无</Typography.Text>}
          {w.incidents.map((i) => (
            <Tag
              key={i.id}
              closable
              onClose={(e) => (
                e.preventDefault(),
                void run(() => call('warnings:link', { id: w.id, incidentId: i.id, unlink: true }))
              )}
            >
              <a onClick={() => openIncident?.(i.id)}>
                {i.serial} {i.title}
              </a>
            </Tag>
          ))}
          <Select
            size="small"
            style={{ width: 260 }}
            placeholder="选择事件关联"
            value={linkId}
            onChange={setLinkId}
            options={(incidents.data ?? [])
              .filter((i) => !w.incidents.some((x) => x.id === i.id))
              .map((i) => ({ value: i.id, label: `${i.serial} ${i.title}` }))}
          />
          <Button
            size="small"
            disabled={!linkId}
            onClick={() => {
              if (linkId === undefined) return;
              void run(() => call('warnings:link', { id: w.id, incidentId: linkId })).then((ok) => {
                if (ok) setLinkId(undefined);
              });
            }}
          >
            关联
          </Button>
        </Space>
        <Typography.Text strong>
          预警措施：{w.actionsPreamble.text}（{w.actionsPreamble.citation}）
        </Typography.Text>
        <List
          size="small"
          dataSource={w.actions}
          renderItem={(a) => (
            <List.Item
              data-testid="warning-action"
              data-done={a.done ? 'yes' : 'no'}
              actions={
                !a.done && !w.lifted
                  ? [
                      <Button key="t" size="small" onClick={() => setTicking(a)} data-testid="warning-tick">
                        完成
                      </Button>,
                    ]
                  : []
              }
            >
              <Space orientation="vertical" size={0}>
                <Space wrap size={4}>
                  <Tag color={a.done ? 'green' : 'blue'}>{a.done ? '已完成' : '待办'}</Tag>
                  <Typography.Text>{a.text}</Typography.Text>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.unit ?? ''} {a.citation}
                  {a.done ? `；${fmtDateTime(a.done.at)} ${a.done.by}${a.done.note ? `：${a.done.note}` : ''}` : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
        {!w.lifted && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            解除条件：{w.liftCondition.text}，由发布单位解除（{w.liftCondition.citation}）
          </Typography.Text>
        )}
      </Space>
      <RecordModal
        open={ticking !== null}
        title="完成预警措施"
        subject={ticking?.text}
        timeLabel="完成时间"
        textLabel="备注"
        onCancel={() => setTicking(null)}
        onSubmit={async (v) => {
          if (!ticking) return;
          if (await run(() => call('warnings:tick-action', { id: w.id, itemId: ticking.id, at: v.at, note: v.text })))
            setTicking(null);
        }}
      />
      {/* Keyed by the act: each opening starts blank, never with a refused attempt's document. */}
      <IssuerActModal key={act ?? 'closed'} warning={w} mode={act} onClose={() => setAct(null)} run={run} />
    </Card>
  );
}

/** Lift or change: the officer records who did it as on the document; the service refuses anyone but the issuer. */
function IssuerActModal({
  warning: w,
  mode,
  onClose,
  run,
}: {
  warning: WarningView;
  mode: 'lift' | 'change' | null;
  onClose: () => void;
  run: (fn: () => Promise<unknown>) => Promise<boolean>;
}) {
  const [kind, setKind] = useState<IssuerKind>(w.issuerKind);
  const [issuer, setIssuer] = useState(w.issuer);
  const [at, setAt] = useState<Dayjs>(nowField());
  const [doc, setDoc] = useState('');
  const [level, setLevel] = useState<WarningLevel | undefined>();
  const submit = async () => {
    const by = { issuerKind: kind, issuer };
    let ok: boolean;
    if (mode === 'lift')
      ok = await run(() => call('warnings:lift', { id: w.id, at: instantOf(at), by, document: doc }));
    else if (level !== undefined)
      ok = await run(() => call('warnings:change', { id: w.id, at: instantOf(at), by, level, document: doc }));
    else return; // the OK button stays disabled until a level is chosen
    if (ok) {
      onClose();
      setDoc('');
    }
  };
  return (
    <Modal
      open={mode !== null}
      title={mode === 'lift' ? '解除预警（谁发布、谁解除）' : '调整预警级别'}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="确定"
      cancelText="取消"
      okButtonProps={{ id: 'warning-act-ok', disabled: !doc.trim() || !issuer.trim() || (mode === 'change' && !level) }}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          本预警由{w.issuer}发布；{mode === 'lift' ? w.liftCondition.citation : '调整须由原发布单位作出'}
        </Typography.Text>
        {mode === 'change' && (
          <Select
            placeholder="新级别"
            aria-label="新级别"
            style={{ width: 200 }}
            value={level}
            onChange={setLevel}
            options={WARNING_LEVELS.filter((l) => l.level !== w.level).map((l) => ({
              value: l.level,
              label: `${l.level}（${l.colourName}）`,
            }))}
          />
        )}
        <Space wrap>
          <Select
            style={{ width: 120 }}
            aria-label="解除/调整单位类别"
            value={kind}
            onChange={setKind}
            options={ISSUER_KINDS.map((k) => ({ value: k, label: ISSUER_KIND_LABELS[k] }))}
          />
          <Input
            style={{ width: 260 }}
            value={issuer}
            onChange={(e) => setIssuer(e.target.value)}
            placeholder="解除/调整单位"
            aria-label="解除/调整单位"
            id="warning-act-by"
          />
        </Space>
        <DateTimeField value={at} onChange={(v) => v && setAt(v)} allowClear={false} aria-label="解除/调整时间" />
        <Input
          value={doc}
          onChange={(e) => setDoc(e.target.value)}
          placeholder={mode === 'lift' ? '解除文件（文号或标题）' : '调整文件（文号或标题）'}
          aria-label={mode === 'lift' ? '解除文件' : '调整文件'}
          id="warning-act-doc"
        />
      </Space>
    </Modal>
  );
}
