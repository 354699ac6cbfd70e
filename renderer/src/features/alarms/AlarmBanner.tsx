import { App, Button, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { AlarmState } from '../../../../shared/domain/alarm-state';
import { api, call, RECONNECTED } from '../../api/api';
import { CriticalBanner } from '../../components/CriticalBanner';
import { fmtDateTime } from '../../format';
import { useConnection } from '../../hooks/useConnection';
import { setAlarmSound } from './alarm-sound';

/**
 * The alarm as the officer sees it: a red banner for everything overdue, a sound that repeats until
 * acknowledged, and a notice for each alarm. Acknowledging stops the sound, not the clock. The
 * state comes from the main process's alarm engine, which reads every open clock whatever the
 * incident's status (clocks:upcoming), never the board's filtered list.
 */
export function AlarmBanner({ sound = true }: { sound?: boolean }) {
  const [state, setState] = useState<AlarmState | null>(null);
  const lastShown = useRef<string | null>(null);
  const { notification } = App.useApp();
  const conn = useConnection();

  useEffect(() => {
    const load = () => call('alarms:state', {}).then(setState, () => undefined);
    void load();
    const offState = api.on('alarms:state', (p) => setState(p as AlarmState));
    // Pushes sent while the connection was down are lost: read the state again.
    const offReconnect = api.on('data:changed', (p) => {
      if ((p as { what?: string } | null)?.what === RECONNECTED) void load();
    });
    return () => {
      offState();
      offReconnect();
    };
  }, []);

  useEffect(() => {
    // Only the main window sounds; the always-on-top strip would otherwise double it.
    if (sound) setAlarmSound(Boolean(state?.status.soundOn));
    const a = state?.lastAlarm;
    if (a && a.at !== lastShown.current) {
      lastShown.current = a.at;
      notification.open({
        type: a.kind === 'due_soon' ? 'warning' : 'error',
        title: a.title,
        description: a.body,
        duration: 0,
        placement: 'bottomRight',
      });
    }
  }, [state, notification, sound]);

  useEffect(() => () => setAlarmSound(false), []);

  if (!state || (state.overdue.length === 0 && state.status.activeKeys.length === 0)) return null;
  const ack = () => call('alarms:ack', {}).then(setState, () => undefined);
  return (
    <CriticalBanner
      testId="alarm-banner"
      title={
        <Space wrap>
          <strong>报告时限告警</strong>
          {conn.status !== 'online' && <strong>（连接中断，以下为中断前的告警）</strong>}
          {state.overdue.slice(0, 5).map((o) => (
            <span key={o.key}>
              {o.incidentTitle}：{o.title}（截止 {fmtDateTime(o.dueAt)}，{o.citation}）
            </span>
          ))}
          {state.overdue.length > 5 && <strong>等共 {state.overdue.length} 项已超时</strong>}
          {state.overdue.length === 0 && <span>有即将到期的报告时限</span>}
        </Space>
      }
      action={
        state.status.activeKeys.length > 0 ? (
          // An acknowledgement needs the services: while cut off it could not be recorded.
          <Button
            danger
            size="small"
            onClick={() => void ack()}
            disabled={conn.status !== 'online'}
            data-testid="alarm-ack"
          >
            确认告警（停止响铃）
          </Button>
        ) : undefined
      }
    />
  );
}
