import { Alert, App, Button, Space } from 'antd';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AlarmState } from '../../../../shared/domain/alarm-state';
import { api, call } from '../../api/api';
import { fmtDateTime } from '../../format';
import { setAlarmSound } from './alarm-sound';

/**
 * The alarm as the officer sees it: a red banner for everything overdue, a sound that repeats until
 * acknowledged, and a notice for each alarm. Acknowledging stops the sound, not the clock.
 */
export function AlarmBanner({ sound = true }: { sound?: boolean }) {
  const [state, setState] = useState<AlarmState | null>(null);
  const lastShown = useRef<string | null>(null);
  const { notification } = App.useApp();

  useEffect(() => {
    call('alarms:state', {}).then(setState, () => undefined);
    return api.on('alarms:state', (p) => setState(p as AlarmState));
  }, []);

  useEffect(() => {
    // Only the main window sounds; the always-on-top strip would otherwise double it.
    if (sound) setAlarmSound(Boolean(state?.status.soundOn));
    const a = state?.lastAlarm;
    if (a && a.at !== lastShown.current) {
      lastShown.current = a.at;
      notification.open({ type: a.kind === 'due_soon' ? 'warning' : 'error', title: a.title, description: a.body, duration: 0, placement: 'bottomRight' });
    }
  }, [state, notification, sound]);

  useEffect(() => () => setAlarmSound(false), []);

  // Drawers and dialogs start below the banner (styles.css reads --alarm-banner-height), so the
  // alarm never hides what the officer is reading.
  const box = useRef<HTMLDivElement>(null);
  const visible = !!state && (state.overdue.length > 0 || state.status.activeKeys.length > 0);
  useLayoutEffect(() => {
    const root = document.documentElement;
    const el = box.current;
    if (!visible || !el) {
      root.style.setProperty('--alarm-banner-height', '0px');
      return;
    }
    // Its bottom edge, not its height: below the app header at the top of the page, at 0 once scrolled.
    const update = () => root.style.setProperty('--alarm-banner-height', `${Math.max(0, el.getBoundingClientRect().bottom)}px`);
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    window.addEventListener('scroll', update, { passive: true });
    return () => {
      ro.disconnect();
      window.removeEventListener('scroll', update);
      root.style.setProperty('--alarm-banner-height', '0px');
    };
  }, [visible]);

  if (!state || (state.overdue.length === 0 && state.status.activeKeys.length === 0)) return null;
  const ack = () => call('alarms:ack', {}).then(setState, () => undefined);
  return (
    // Above drawers and dialogs (antd uses z-index 1000): an alarm is never hidden behind a form.
    <div ref={box} style={{ position: 'sticky', top: 0, zIndex: 2100 }}>
    <Alert
      type="error"
      banner
      data-testid="alarm-banner"
      title={
        <Space wrap>
          <strong>报告时限告警</strong>
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
          <Button danger size="small" onClick={ack} data-testid="alarm-ack">
            确认告警（停止响铃）
          </Button>
        ) : undefined
      }
    />
    </div>
  );
}
