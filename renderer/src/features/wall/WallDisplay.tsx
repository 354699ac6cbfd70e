/**
 * The wall display (值班大屏, issue 17): a read-only board for the duty room's big screen, readable
 * from 5 m. Open incidents with level and place, the running report clocks large with their state
 * (the shared clock wording of shared/clocks), warnings in force and who is on duty. Nothing to
 * click, no idle lock, no log-in of its own: the Electron wall window is a display seat, and the
 * kiosk page of the web host presents the administrator's read-only wall key.
 */
import { useEffect, useState } from 'react';
import { compareUrgency, clockState } from '../../../../shared/clocks/state';
import type { ClockStateKind } from '../../../../shared/clocks/state';
import type { OpenClock } from '../../../../shared/ipc/channels/incidents';
import type { WallBoard } from '../../../../shared/ipc/channels/seats';
import { toTracked } from '../../../../shared/incidents/tracked';
import { api, call } from '../../api/api';
import { fmtDate, fmtTime, ZONE } from '../../lib/format';
import { useNow } from '../../hooks/useNow';
import { errorText } from '../../lib/errors';
import './wall.css';

/** What fits on a 1080-line screen at this type size; the rest is counted, never silently dropped. */
const MAX_INCIDENTS = 8;
const MAX_CLOCKS = 7;
/** A fallback reload in case an event was missed; changes arrive by data:changed at once. */
const REFRESH_MS = 30_000;

const seconds = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

const LEVEL_CLASS: Record<string, string> = { 特别重大: 'l1', 重大: 'l2', 较大: 'l3', 一般: 'l4' };

function useBoard(): { board: WallBoard | null; error: string | null } {
  const [board, setBoard] = useState<WallBoard | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    let running = false;
    let again = false;
    const load = async (): Promise<void> => {
      // One load at a time; a change during a load triggers one more, never a pile of them.
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        const b = await call('wall:board', {});
        if (alive) {
          setBoard(b);
          setError(null);
        }
      } catch (err) {
        if (alive) setError(errorText(err));
      } finally {
        running = false;
        if (again && alive) {
          again = false;
          void load();
        }
      }
    };
    void load();
    const off = api.on('data:changed', () => void load());
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      alive = false;
      off();
      clearInterval(timer);
    };
  }, []);
  return { board, error };
}

function ClockRow({ clock, now, dueSoonMinutes }: { clock: OpenClock; now: number; dueSoonMinutes: number }) {
  const st = clockState(toTracked(clock), now, { dueSoonMinutes });
  const kind: ClockStateKind = st.state;
  return (
    <li className={`wall-clock s-${kind}`} data-testid="wall-clock" data-clock-state={kind}>
      <div className="wall-clock-state">{st.label}</div>
      <div className="wall-clock-body">
        <div className="wall-clock-text">{st.text}</div>
        <div className="wall-clock-what">
          {clock.title} · {clock.drill ? '【演练】' : ''}
          {clock.incidentTitle}
        </div>
      </div>
    </li>
  );
}

export function WallDisplay() {
  const { board, error } = useBoard();
  const now = useNow();
  useEffect(() => {
    const before = document.title;
    document.title = '值班大屏 · 朔州应急值班台';
    // The page behind the board is dark too, so no light edge shows on an odd-sized screen.
    document.documentElement.classList.add('wall-page');
    return () => {
      document.title = before;
      document.documentElement.classList.remove('wall-page');
    };
  }, []);
  const clocks = board ? [...board.clocks].sort((a, b) => compareUrgency(toTracked(a), toTracked(b))) : [];
  const incidents = board?.incidents ?? [];
  return (
    <div className="wall" data-testid="wall">
      <header className="wall-head">
        <div className="wall-title">朔州市应急值班室</div>
        <div className="wall-duty" data-testid="wall-duty">
          带班领导 <b>{board?.duty?.leader ?? '未登记'}</b>
          <span className="wall-gap" />
          值班员 <b>{board?.duty?.officer ?? '未登记'}</b>
        </div>
        <div className="wall-time">
          <span className="wall-time-hms">{seconds.format(now)}</span>
          <span className="wall-time-date">{fmtDate(new Date(now).toISOString())}</span>
        </div>
      </header>
      {board && board.warnings.length > 0 && (
        <section className="wall-warnings" data-testid="wall-warnings">
          <span className="wall-label">生效预警</span>
          {board.warnings.map((w) => (
            <span
              key={w.id}
              className="wall-warning"
              data-testid="wall-warning"
              style={{ background: w.hex, color: w.textHex }}
            >
              {w.label} · {w.area}
            </span>
          ))}
        </section>
      )}
      <main className="wall-main">
        <section className="wall-panel">
          <h2>
            正在处理的事件{' '}
            <span className="wall-count" data-testid="wall-incident-count">
              {incidents.length}
            </span>
          </h2>
          {board && incidents.length === 0 && <div className="wall-empty">当前没有正在处理的事件</div>}
          <ul className="wall-list">
            {incidents.slice(0, MAX_INCIDENTS).map((i) => (
              <li key={i.id} className="wall-incident" data-testid="wall-incident">
                <span className={`wall-level ${i.level ? (LEVEL_CLASS[i.level] ?? '') : 'l0'}`}>
                  {i.level ?? '未定级'}
                </span>
                <div className="wall-incident-body">
                  <div className="wall-incident-title">
                    {i.drill ? '【演练】' : ''}
                    {i.title}
                  </div>
                  <div className="wall-incident-meta">
                    {i.places.join('、') || '地点未登记'} · {i.status} · {i.serial} · 接报 {fmtTime(i.receivedAt)}
                  </div>
                </div>
              </li>
            ))}
          </ul>
          {incidents.length > MAX_INCIDENTS && (
            <div className="wall-more">另有 {incidents.length - MAX_INCIDENTS} 起，见值班台事件看板</div>
          )}
        </section>
        <section className="wall-panel">
          <h2>
            报告时限{' '}
            <span className="wall-count" data-testid="wall-clock-count">
              {clocks.length}
            </span>
          </h2>
          {board && clocks.length === 0 && <div className="wall-empty">没有未完成的报告时限</div>}
          <ul className="wall-list">
            {clocks.slice(0, MAX_CLOCKS).map((c) => (
              <ClockRow key={c.key} clock={c} now={now} dueSoonMinutes={board?.dueSoonMinutes ?? 10} />
            ))}
          </ul>
          {clocks.length > MAX_CLOCKS && <div className="wall-more">另有 {clocks.length - MAX_CLOCKS} 项时限</div>}
        </section>
      </main>
      <footer className="wall-foot">
        <span data-testid="wall-seats">
          {board && board.seats.length > 0 ? board.seats.map((s) => `${s.seatName}：${s.officer}`).join('　') : ''}
        </span>
        <span className={error ? 'wall-error' : ''} data-testid="wall-status">
          {error ? `无法更新：${error}` : board ? `数据更新于 ${seconds.format(Date.parse(board.now))}` : '正在读取…'}
        </span>
      </footer>
    </div>
  );
}
