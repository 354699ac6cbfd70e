/**
 * The wall display (值班大屏, issue 17): a read-only board for the duty room's big screen, readable
 * from 5 m. Open incidents with level and place, the running report clocks large with their state
 * (the shared clock wording of shared/clocks), warnings in force and who is on duty. Nothing to
 * click, no idle lock, no log-in of its own: the Electron wall window is a display seat, and the
 * kiosk page of the web host presents the administrator's read-only wall key.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
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

/**
 * How many rows of a list fit its panel whole, on this screen: every row is laid out once, those
 * reaching past the list's foot are counted, and only the whole ones are shown; the rest is
 * counted in 另有…, never cut or silently dropped. Laid out again when the rows or the screen change.
 */
function useRowsThatFit(rows: string): [RefObject<HTMLUListElement | null>, number | null] {
  const ref = useRef<HTMLUListElement>(null);
  const [fit, setFit] = useState<{ rows: string; n: number } | null>(null);
  useEffect(() => {
    const again = () => setFit(null);
    window.addEventListener('resize', again);
    return () => window.removeEventListener('resize', again);
  }, []);
  const measured = fit?.rows === rows ? fit.n : null;
  useLayoutEffect(() => {
    const list = ref.current;
    if (measured !== null || !list) return;
    const foot = list.getBoundingClientRect().bottom + 0.5;
    const whole = Array.from(list.children).filter((li) => li.getBoundingClientRect().bottom <= foot).length;
    setFit({ rows, n: whole });
  }, [measured, rows]);
  return [ref, measured];
}

function ClockRow({ clock, now, dueSoonMinutes }: { clock: OpenClock; now: number; dueSoonMinutes: number }) {
  const st = clockState(toTracked(clock), now, { dueSoonMinutes });
  const kind: ClockStateKind = st.state;
  return (
    <li className={`wall-clock s-${kind}`} data-testid="wall-clock" data-clock-state={kind}>
      <div className="wall-clock-state">{st.label}</div>
      <div className="wall-clock-body">
        <div className="wall-clock-text">{st.text}</div>
        {/* The incident first: a long clock title is cut at the end, never the incident's name. */}
        <div className="wall-clock-what">
          {clock.drill ? '【演练】' : ''}
          {clock.incidentTitle} · {clock.title}
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
  const incidentTotal = board?.incidentTotal ?? incidents.length;
  const [incidentList, incidentsShown] = useRowsThatFit(incidents.map((i) => i.id).join(','));
  const [clockList, clocksShown] = useRowsThatFit(clocks.map((c) => c.key).join(','));
  // While a list is being laid out (null) every row is there; once measured, the whole rows only.
  const shownIncidents = incidents.slice(0, incidentsShown ?? incidents.length);
  const shownClocks = clocks.slice(0, clocksShown ?? clocks.length);
  const moreIncidents = incidentTotal - shownIncidents.length;
  const moreClocks = clocks.length - shownClocks.length;
  return (
    <div className="wall" data-testid="wall">
      <header className="wall-head">
        <div className="wall-title" data-testid="wall-title">
          {board?.station ?? '值班大屏'}
        </div>
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
              {incidentTotal}
            </span>
          </h2>
          {board && incidents.length === 0 && <div className="wall-empty">当前没有正在处理的事件</div>}
          <ul className="wall-list" ref={incidentList}>
            {shownIncidents.map((i) => (
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
          {/* Always laid out, so the list's room is the same with and without it. */}
          <div className={`wall-more${moreIncidents > 0 ? '' : ' wall-more-none'}`} data-testid="wall-incident-more">
            另有 {moreIncidents} 起，见值班台事件看板
          </div>
        </section>
        <section className="wall-panel">
          <h2>
            报告时限{' '}
            <span className="wall-count" data-testid="wall-clock-count">
              {clocks.length}
            </span>
          </h2>
          {board && clocks.length === 0 && <div className="wall-empty">没有未完成的报告时限</div>}
          <ul className="wall-list" ref={clockList}>
            {shownClocks.map((c) => (
              <ClockRow key={c.key} clock={c} now={now} dueSoonMinutes={board?.dueSoonMinutes ?? 10} />
            ))}
          </ul>
          <div className={`wall-more${moreClocks > 0 ? '' : ' wall-more-none'}`} data-testid="wall-clock-more">
            另有 {moreClocks} 项时限，见值班台
          </div>
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
