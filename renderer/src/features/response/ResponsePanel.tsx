import { Alert, App, AutoComplete, Button, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import type { ResponseItemView, ResponseView } from '../../../../shared/ipc/channels/response';
import {
  ITEM_STATE_LABELS,
  terminationConditions,
  terminationRefusal,
  type ItemState,
  type ResponseLevel,
} from '../../../../shared/response';
import { call } from '../../api/api';
import { ClockBadge } from '../../components/ClockBadge';
import { fmtDateTime } from '../../lib/format';
import { useLoad } from '../../hooks/useApi';
import { PostResponseTasks } from './PostResponseTasks';
import { RecordModal, type RecordValues } from './RecordModal';
import { confirmUnsent, unsentClocks } from '../alarms/confirm-unsent';
import { Cite } from '../law/LawPanel';
import { messageOf } from '../../../../shared/errors';

/** Who usually decides a start, change or end (B 4.3 / C 5.3: 指挥长; A 4.4: 市指挥部 …); free text is allowed. */
export const DECIDERS = [
  '指挥长',
  '市指挥部',
  '市指挥部办公室',
  '市应急救援总指挥部总指挥',
  '省指挥部',
  '县（市、区）指挥部',
  '事发地县级政府',
];
const deciderOptions = DECIDERS.map((d) => ({ value: d }));

/**
 * The leader whose password granted a leader-only act (issue 18), named from the account the
 * record carries; a record made before it was kept says so rather than guess.
 */
export const grantedBy = (leader: string | null): string =>
  leader ? `带班领导 ${leader} 确认` : '确认的带班领导未记录';

const STATE_COLOUR: Record<ItemState, string> = {
  open: 'blue',
  done: 'green',
  notApplicable: 'default',
  notRequired: 'default',
};

type Pending = { kind: 'tick' | 'na'; item: ResponseItemView } | { kind: 'confirm'; id: string; text: string } | null;

/** 应急响应 in the incident drawer: start a level, work the checklist, confirm the end conditions, end, then the post-response tasks. */
export function ResponsePanel({
  incident,
  onChanged,
}: {
  incident: IncidentDetail;
  onChanged: (d: IncidentDetail) => void;
}) {
  const { message, modal } = App.useApp();
  const { data, error, reload } = useLoad(() => call('response:get', { incidentId: incident.id }), [incident.id]);
  const [pending, setPending] = useState<Pending>(null);
  const [level, setLevel] = useState<ResponseLevel | undefined>();
  const [decidedBy, setDecidedBy] = useState('指挥长');
  const [endBy, setEndBy] = useState('指挥长');
  const [endRefused, setEndRefused] = useState<string | null>(null);

  const act = async (fn: () => Promise<unknown>): Promise<boolean> => {
    try {
      await fn();
      reload();
      onChanged(await call('incidents:get', { id: incident.id }));
      return true;
    } catch (err) {
      message.error(messageOf(err));
      return false;
    }
  };

  if (error) return <Alert type="error" title={error.message} />;
  if (!data) return <Typography.Text type="secondary">加载中</Typography.Text>;
  if (!data.plan) {
    return (
      <Typography.Text type="secondary">
        该类事件没有收录响应预案的行动措施（只收录通信保障、辐射事故、突发环境事件三个预案）。
      </Typography.Text>
    );
  }

  const chosen =
    level ??
    (data.state === 'none'
      ? data.gradedResponse && data.availableLevels.includes(data.gradedResponse)
        ? data.gradedResponse
        : undefined
      : undefined);
  const info = data.levelInfo.find((l) => l.level === chosen);

  const submit = async (v: RecordValues) => {
    const p = pending;
    if (!p) return;
    let ok: boolean;
    if (p.kind === 'confirm') {
      ok = await act(() =>
        call('response:confirm-condition', { incidentId: incident.id, conditionId: p.id, at: v.at, by: v.text }),
      );
    } else if (p.kind === 'tick') {
      ok = await act(() =>
        call('response:tick', { incidentId: incident.id, itemId: p.item.id, at: v.at, note: v.text }),
      );
    } else {
      ok = await act(() =>
        call('response:not-applicable', { incidentId: incident.id, itemId: p.item.id, reason: v.text }),
      );
    }
    if (ok) {
      setPending(null);
      setEndRefused(null);
    }
  };

  const end = async () => {
    // Refused before the leader's password is asked, as the service would refuse it after.
    if (data.plan && data.termination.missing.length > 0) {
      const missing = terminationConditions(data.plan).filter((c) => data.termination.missing.includes(c.id));
      setEndRefused(terminationRefusal(data.plan, missing));
      return;
    }
    // Unsent reports are named and confirmed first; the service refuses without the confirmation.
    const unsent = data.termination.missing.length === 0 ? unsentClocks(incident.clocks) : [];
    if (unsent.length > 0 && !(await confirmUnsent(modal, '终止应急响应', unsent))) return;
    try {
      await call('response:end', { incidentId: incident.id, decidedBy: endBy, confirmUnsent: unsent.length > 0 });
      setEndRefused(null);
      reload();
      onChanged(await call('incidents:get', { id: incident.id }));
    } catch (err) {
      setEndRefused(messageOf(err));
    }
  };

  const levelPicker = (
    <>
      <Select
        size="small"
        style={{ width: 100 }}
        placeholder="响应级别"
        aria-label="响应级别"
        value={chosen}
        onChange={(v) => setLevel(v)}
        options={data.availableLevels.filter((l) => l !== data.level).map((l) => ({ value: l, label: l }))}
        data-testid="response-level"
      />
      <Typography.Text>决定：</Typography.Text>
      <AutoComplete
        size="small"
        style={{ width: 200 }}
        value={decidedBy}
        onChange={setDecidedBy}
        options={deciderOptions}
        data-testid="response-decided-by"
        aria-label="决定人"
      />
    </>
  );

  return (
    <div data-testid="response-panel" data-state={data.state}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        依据《{data.planName}》{data.gradedResponse ? `；按事件要素应为${data.gradedResponse}响应` : ''}
      </Typography.Paragraph>

      {data.state === 'none' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            {levelPicker}
            <Button
              type="primary"
              size="small"
              disabled={!chosen || !decidedBy.trim()}
              onClick={() => {
                if (chosen)
                  void act(() => call('response:start', { incidentId: incident.id, level: chosen, decidedBy }));
              }}
              data-testid="response-start"
            >
              启动应急响应
            </Button>
          </Space>
          {info && (
            <Typography.Text type="secondary">
              {info.level}：{info.lead}；{info.startedBy}（<Cite text={info.citation} />）
            </Typography.Text>
          )}
        </Space>
      )}

      {data.state !== 'none' && (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <Tag color={data.state === 'ended' ? 'default' : 'red'} data-testid="response-current">
              {data.level}响应{data.state === 'ended' ? '（已终止）' : ''}
            </Tag>
            <Typography.Text type="secondary" data-testid="response-record">
              <span data-testid="response-started">
                {fmtDateTime(data.startedAt)} 由{data.startedBy}决定启动（{grantedBy(data.startedLeader)}）
              </span>
              {data.endedAt && (
                <span data-testid="response-ended">
                  ；{fmtDateTime(data.endedAt)} 由{data.endedBy}宣布终止（{grantedBy(data.endedLeader)}）
                </span>
              )}
            </Typography.Text>
          </Space>
          {data.levels.length > 1 && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="response-levels">
              级别变化：
              {data.levels
                .slice(1)
                .map(
                  (l) =>
                    `${fmtDateTime(l.at)} ${l.from} → ${l.to}（${l.decidedBy}决定，${grantedBy(l.leader)}，值班员${l.officer}）`,
                )
                .join('；')}
            </Typography.Paragraph>
          )}
          {data.state === 'active' && (
            <Space wrap style={{ marginBottom: 8 }}>
              <Typography.Text>调整级别：</Typography.Text>
              {levelPicker}
              <Button
                size="small"
                disabled={!level || level === data.level || !decidedBy.trim()}
                onClick={() => {
                  if (!level) return;
                  void act(() => call('response:change-level', { incidentId: incident.id, level, decidedBy })).then(
                    (ok) => {
                      if (ok) setLevel(undefined);
                    },
                  );
                }}
                data-testid="response-change-level"
              >
                调整
              </Button>
            </Space>
          )}
          <Checklist
            view={data}
            onTick={(item) => setPending({ kind: 'tick', item })}
            onNa={(item) => setPending({ kind: 'na', item })}
          />
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            终止条件（须全部确认）
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {data.termination.authority}（<Cite text={data.termination.citation} />）
          </Typography.Text>
          <List
            size="small"
            dataSource={data.conditions}
            renderItem={(c) => (
              <List.Item
                data-testid="termination-condition"
                data-confirmed={c.confirmed ? 'yes' : 'no'}
                actions={
                  !c.confirmed && data.state === 'active'
                    ? [
                        <Button
                          key="c"
                          size="small"
                          onClick={() => setPending({ kind: 'confirm', id: c.id, text: c.text })}
                          data-testid="confirm-condition"
                        >
                          确认
                        </Button>,
                      ]
                    : []
                }
              >
                <Space orientation="vertical" size={0}>
                  <Space wrap>
                    <Tag color={c.confirmed ? 'green' : 'orange'}>{c.confirmed ? '已确认' : '未确认'}</Tag>
                    <Typography.Text>{c.text}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      <Cite text={c.citation} />
                    </Typography.Text>
                  </Space>
                  {c.confirmed && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {fmtDateTime(c.confirmed.at)} 确认人：{c.confirmed.by}（{grantedBy(c.confirmed.leader)}，值班员
                      {c.confirmed.officer}记录）
                    </Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
          {data.state === 'active' && (
            <Space wrap style={{ marginTop: 8 }}>
              <Typography.Text>宣布终止：</Typography.Text>
              <AutoComplete
                size="small"
                style={{ width: 200 }}
                value={endBy}
                onChange={setEndBy}
                options={deciderOptions}
                data-testid="response-end-by"
              />
              <Button
                danger
                size="small"
                disabled={!endBy.trim()}
                onClick={() => void end()}
                data-testid="response-end"
              >
                终止应急响应
              </Button>
            </Space>
          )}
          {endRefused && <Alert type="error" title={endRefused} style={{ marginTop: 8 }} data-testid="end-refused" />}
          {data.state === 'ended' && (
            <>
              <Typography.Title level={5} style={{ marginTop: 12 }}>
                善后工作
              </Typography.Title>
              <PostResponseTasks view={data} onChanged={() => void act(async () => undefined)} />
            </>
          )}
          {data.clocks.length > 0 && (
            <Space wrap style={{ marginTop: 8 }} data-testid="post-response-clocks">
              {data.clocks.map((c) => (
                <ClockBadge key={c.key} clock={c} showTitle />
              ))}
            </Space>
          )}
          {data.state === 'ended' && data.clocks.length === 0 && data.clocksElsewhere.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
              {data.clocksElsewhere.map((c) => `${c.title}（${c.citation}）`).join('；')}：按事件要素暂不适用。
            </Typography.Paragraph>
          )}
        </>
      )}

      <RecordModal
        open={pending !== null}
        title={pending?.kind === 'tick' ? '完成措施' : pending?.kind === 'na' ? '标记不适用' : '确认终止条件'}
        subject={pending ? (pending.kind === 'confirm' ? pending.text : pending.item.text) : ''}
        withTime={pending?.kind !== 'na'}
        timeLabel={pending?.kind === 'confirm' ? '确认时间' : '完成时间'}
        textLabel={
          pending?.kind === 'tick' ? '备注' : pending?.kind === 'na' ? '不适用理由' : '确认人（如指挥长、技术组）'
        }
        textRequired={pending?.kind !== 'tick'}
        onCancel={() => setPending(null)}
        onSubmit={submit}
      />
    </div>
  );
}

function Checklist({
  view,
  onTick,
  onNa,
}: {
  view: ResponseView;
  onTick: (i: ResponseItemView) => void;
  onNa: (i: ResponseItemView) => void;
}) {
  const [showSetAside, setShowSetAside] = useState(false);
  const active = view.items.filter((i) => i.state !== 'notRequired');
  const setAside = view.items.filter((i) => i.state === 'notRequired');
  const done = active.filter((i) => i.state !== 'open').length;
  return (
    <>
      <Typography.Title level={5}>
        行动措施{' '}
        <Typography.Text type="secondary">
          （{done}/{active.length} 已办结）
        </Typography.Text>
      </Typography.Title>
      <List
        size="small"
        dataSource={showSetAside ? [...active, ...setAside] : active}
        renderItem={(item) => (
          <List.Item
            data-testid="response-item"
            data-item-id={item.id}
            data-state={item.state}
            actions={
              item.state === 'open'
                ? [
                    <Button
                      key="t"
                      size="small"
                      type="primary"
                      ghost
                      onClick={() => onTick(item)}
                      data-testid="tick-item"
                    >
                      完成
                    </Button>,
                    <Button key="n" size="small" onClick={() => onNa(item)} data-testid="na-item">
                      不适用
                    </Button>,
                  ]
                : []
            }
          >
            <Space orientation="vertical" size={0} style={{ width: '100%' }}>
              <Space wrap size={4}>
                <Tag color={STATE_COLOUR[item.state]}>{ITEM_STATE_LABELS[item.state]}</Tag>
                {item.firstResponse && <Tag>先期处置</Tag>}
                {item.when && <Tag color="orange">{item.when}</Tag>}
                <Typography.Text delete={item.state === 'notRequired'}>{item.text}</Typography.Text>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                责任单位：{item.unit ?? '—'}
                {item.group ? `（${item.group.name}，组长：${item.group.leader}）` : ''}　<Cite text={item.citation} />
              </Typography.Text>
              {item.state === 'done' && (
                <Typography.Text type="success" style={{ fontSize: 12 }}>
                  {fmtDateTime(item.at)} {item.by}
                  {item.note ? `：${item.note}` : ''}
                </Typography.Text>
              )}
              {item.state === 'notApplicable' && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmtDateTime(item.at)} {item.by} 判定不适用：{item.reason}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
      {setAside.length > 0 && (
        <Button type="link" size="small" onClick={() => setShowSetAside(!showSetAside)}>
          {showSetAside ? '隐藏' : '显示'}现级别不要求的措施（{setAside.length}项）
        </Button>
      )}
    </>
  );
}
