import { App, Button, Descriptions, Divider, Drawer, List, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { STATUS_TRANSITIONS, categoryLabel } from '../../../../shared/domain/incident';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import { api, call } from '../../api/api';
import { DrillTag } from '../../components/DrillTag';
import { LevelTag } from '../../components/LevelTag';
import { fmtDateTime } from '../../lib/format';
import { reportingOf } from '../../../../shared/incidents/reporting-view';
import { ClockList } from './ClockList';
import { EditIncidentModal } from './EditIncidentModal';
import { NoteForm } from './NoteForm';
import { INCIDENT_SECTIONS } from './sections';
import { Timeline } from './Timeline';
import { confirmUnsent, unsentClocks } from '../alarms/confirm-unsent';
import { Cite } from '../law/LawPanel';
import { messageOf } from '../../../../shared/errors';

export function IncidentDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const [incident, setIncident] = useState<IncidentDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const { message, modal } = App.useApp();

  // Newest wins: a reload still in flight must not overwrite a newer result (from an action or a
  // later reload), or the drawer would show stale data until the next change.
  const seq = useRef(0);
  const update = useCallback((d: IncidentDetail | null) => {
    seq.current++;
    setIncident(d);
  }, []);
  useEffect(() => {
    if (id === null) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- closing clears the shown incident and, through seq, discards a load still in flight
      update(null);
      return;
    }
    const load = () => {
      const mine = ++seq.current;
      call('incidents:get', { id }).then(
        (d) => {
          if (mine === seq.current) setIncident(d);
        },
        (e: unknown) => message.error(e instanceof Error ? e.message : String(e)),
      );
    };
    load();
    return api.on('data:changed', load);
  }, [id, message, update]);

  const setStatus = async (status: IncidentDetail['status']) => {
    // Closing with unsent reports asks first and names them; the service refuses without the confirmation.
    if (!incident) return;
    const unsent = status === '已终止' || status === '已归档' ? unsentClocks(incident.clocks) : [];
    if (unsent.length > 0 && !(await confirmUnsent(modal, `改为「${status}」`, unsent))) return;
    try {
      update(
        await call('incidents:set-status', { id: incident.id, status, note: '', confirmUnsent: unsent.length > 0 }),
      );
    } catch (err) {
      message.error(messageOf(err));
    }
  };

  const i = incident;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={980}
      title={
        i ? (
          <Space>
            <DrillTag drill={i.drill} />
            <span data-testid="incident-title">{i.title}</span>
            <LevelTag level={i.grading.level} />
            <Typography.Text type="secondary">{i.serial}</Typography.Text>
          </Space>
        ) : (
          '加载中'
        )
      }
      extra={
        i && (
          <Space>
            <Typography.Text data-testid="incident-status">状态：{i.status}</Typography.Text>
            {STATUS_TRANSITIONS[i.status].map((s) => (
              <Button key={s} size="small" onClick={() => void setStatus(s)} data-testid={`status-${s}`}>
                {s}
              </Button>
            ))}
            <Button size="small" onClick={() => setEditing(true)} data-testid="edit-incident">
              修改要素
            </Button>
          </Space>
        )
      }
    >
      {i && (
        <>
          {i.drill && (
            <Typography.Title level={4} type="warning">
              【演练】本事件为演练，不计入真实事件统计
            </Typography.Title>
          )}
          <Descriptions size="small" bordered column={2} styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="类别">{categoryLabel(i.category)}</Descriptions.Item>
            <Descriptions.Item label="地点">{i.places.join('、')}</Descriptions.Item>
            <Descriptions.Item label="发生时间">
              {/* 不详: the time typed at registration is not a known time, and the clocks count from discovery. */}
              {reportingOf(i.timeline).occurredUnknown ? (
                <span data-testid="occurred-unknown-shown">
                  不详（以发现时间计时；登记时填写 {fmtDateTime(i.occurredAt)}）
                </span>
              ) : (
                fmtDateTime(i.occurredAt)
              )}
            </Descriptions.Item>
            <Descriptions.Item label="发现时间">{fmtDateTime(i.discoveredAt)}</Descriptions.Item>
            <Descriptions.Item label="接报时间">{fmtDateTime(i.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label="接报方式">{i.receiveChannel}</Descriptions.Item>
            <Descriptions.Item label="报告单位">{i.reporterUnit || '—'}</Descriptions.Item>
            <Descriptions.Item label="报告人">
              {[i.reporterName, i.reporterPhone].filter(Boolean).join(' ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="事件级别" span={2}>
              <LevelTag level={i.grading.level} /> {i.levelOverride ? '（人工定级）' : ''} 响应：
              {i.grading.response ?? '待定'}
              {i.grading.planName && (
                <Typography.Text type="secondary">
                  {' '}
                  <Cite text={`依据《${i.grading.planName}》（${i.grading.planDocument}）`} />
                </Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="简要情况" span={2}>
              {/* A long narrative is folded so the clocks below stay in view; 展开 shows all of it. */}
              <Typography.Paragraph
                key={i.id}
                data-testid="incident-narrative"
                style={{ whiteSpace: 'pre-wrap', margin: 0 }}
                ellipsis={{
                  rows: 6,
                  expandable: 'collapsible',
                  symbol: (expanded) => (expanded ? '收起' : '展开全文'),
                }}
              >
                {i.narrative || '—'}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          {i.grading.reasons.length + i.grading.responseReasons.length + i.grading.notices.length > 0 && (
            <List
              size="small"
              header="定级与响应依据"
              data-testid="grading-reasons"
              dataSource={[
                ...i.grading.reasons.map((r) => `${r.level}：${r.text}（依据《${i.grading.planName}》${r.clause}）`),
                ...i.grading.responseReasons.map(
                  (r) => `${r.response}响应：${r.text}（依据《${i.grading.planName}》${r.clause}）`,
                ),
                ...i.grading.notices.map((n) => `${n.text}（依据《${i.grading.planName}》${n.clause}）`),
              ]}
              renderItem={(t) => (
                <List.Item>
                  <span>
                    <Cite text={t} />
                  </span>
                </List.Item>
              )}
            />
          )}
          <Divider titlePlacement="start">报告时限</Divider>
          <ClockList incident={i} onChanged={update} />
          {i.orphanClockRecords.length > 0 && (
            <Typography.Paragraph type="secondary">
              已记录但按现有要素不再适用的时限：{i.orphanClockRecords.map((r) => r.clockId).join('、')}（记录保留）
            </Typography.Paragraph>
          )}
          {/* eslint-disable-next-line react-hooks/refs -- sections get update as a save callback; it touches its ref only after a save, never while rendering */}
          {INCIDENT_SECTIONS.map((sec) => (
            <div key={sec.key} data-testid={`section-${sec.key}`}>
              <Divider titlePlacement="start">{sec.title}</Divider>
              {sec.render(i, update)}
            </div>
          ))}
          <Divider titlePlacement="start">记录续报信息 / 领导批示</Divider>
          <NoteForm incident={i} onChanged={update} />
          <Divider titlePlacement="start">事件经过</Divider>
          <Timeline incident={i} onChanged={update} />
          <EditIncidentModal incident={i} open={editing} onClose={() => setEditing(false)} onChanged={update} />
        </>
      )}
    </Drawer>
  );
}
