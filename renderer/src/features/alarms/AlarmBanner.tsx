import { App, Button, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { NOTICES_SHOWN, noticeMessage } from '../../../../shared/clocks/alarm-notices';
import type { AlarmNotice } from '../../../../shared/clocks/alarm-notices';
import type { AlarmState } from '../../../../shared/domain/alarm-state';
import { api, call, RECONNECTED } from '../../api/api';
import { CriticalBanner } from '../../components/CriticalBanner';
import { fmtDateTime } from '../../lib/format';
import { useConnection } from '../../hooks/useConnection';
import { useDialogOpen } from '../../hooks/useDialogOpen';
import { setAlarmSound } from './alarm-sound';

const MORE_KEY = 'alarm-more';
const noticeKey = (n: AlarmNotice): string => `alarm-${n.incidentId}`;

/** A notice's words at this second: the countdown runs on instead of freezing at the alarm. */
function LiveNotice({ notice, part }: { notice: AlarmNotice; part: 'title' | 'body' }) {
  // Notices render outside the page's NowProvider (antd's holder), so they keep their own ticker.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const msg = noticeMessage(notice, now);
  return (
    <span data-testid={`alarm-notice-${part}`} data-incident={notice.incidentId}>
      {part === 'title' ? msg.title : msg.body}
    </span>
  );
}

/**
 * The alarm as the officer sees it: a red banner for everything overdue, a sound that repeats until
 * acknowledged, and one live notice per incident (the first three; the rest fold into 另有N项), out
 * of the way while a dialog or drawer is open. Acknowledging stops the sound, not the clock. The
 * state comes from the main process's alarm engine, which reads every open clock whatever the
 * incident's status (clocks:upcoming), never the board's filtered list.
 */
export function AlarmBanner({ sound = true }: { sound?: boolean }) {
  const [state, setState] = useState<AlarmState | null>(null);
  // incidentId → firedAt of a notice the officer closed: it stays closed until a newer alarm.
  const dismissed = useRef(new Map<string, string>());
  const openKeys = useRef(new Set<string>());
  // Bumped when a notice is closed, so a folded one moves up at once.
  const [closedCount, setClosedCount] = useState(0);
  const { notification } = App.useApp();
  const conn = useConnection();
  // The notices sit over the page's lower right, where a dialog's 确定 and a drawer's row actions
  // are: while one is open they step aside (the banner and the sound stay) and come back after.
  const working = useDialogOpen();

  useEffect(() => {
    const load = () => call('alarms:state', {}).then(setState, () => undefined);
    void load();
    // the main process pushes alarms:state with an AlarmState
    const offState = api.on('alarms:state', (p) => setState(p as AlarmState));
    // Pushes sent while the connection was down are lost: read the state again.
    const offReconnect = api.on('data:changed', (p) => {
      // a data:changed push of any shape; only what is compared
      if ((p as { what?: string } | null)?.what === RECONNECTED) void load();
    });
    return () => {
      offState();
      offReconnect();
    };
  }, []);

  useEffect(() => {
    // Only the main window sounds and shows notices; the always-on-top strip would double them.
    if (!sound) return;
    setAlarmSound(Boolean(state?.status.soundOn));
    const notices = working
      ? []
      : (state?.notices ?? []).filter((n) => dismissed.current.get(n.incidentId) !== n.firedAt);
    const shown = notices.slice(0, NOTICES_SHOWN);
    const rest = notices.slice(NOTICES_SHOWN);
    const keys = new Set<string>();
    for (const n of shown) {
      const key = noticeKey(n);
      keys.add(key);
      // The same key updates the open notice in place: one per incident, never a stack.
      notification.open({
        key,
        type: n.kind === 'due_soon' && Date.parse(n.clock.dueAt) > Date.now() ? 'warning' : 'error',
        title: <LiveNotice notice={n} part="title" />,
        description: <LiveNotice notice={n} part="body" />,
        duration: 0,
        placement: 'bottomRight',
        onClose: () => {
          dismissed.current.set(n.incidentId, n.firedAt);
          openKeys.current.delete(key);
          setClosedCount((c) => c + 1);
        },
        props: { 'data-testid': 'alarm-notice' },
      });
    }
    if (rest.length > 0) {
      keys.add(MORE_KEY);
      notification.open({
        key: MORE_KEY,
        type: 'error',
        title: `另有${rest.length}项报告时限告警`,
        description: rest.map((n) => `${n.clock.incidentTitle ?? ''}：${n.clock.title}`).join('；'),
        duration: 0,
        placement: 'bottomRight',
        onClose: () => {
          for (const n of rest) dismissed.current.set(n.incidentId, n.firedAt);
          openKeys.current.delete(MORE_KEY);
          setClosedCount((c) => c + 1);
        },
        props: { 'data-testid': 'alarm-notice-more' },
      });
    }
    // A notice whose clock closed (reported, 不适用) goes away by itself; all step aside for a dialog.
    for (const key of openKeys.current) if (!keys.has(key)) notification.destroy(key);
    openKeys.current = keys;
  }, [state, notification, sound, closedCount, working]);

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
