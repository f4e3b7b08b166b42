import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../auth/AuthContext';
import { isSupervisor } from '../../auth/token';
import { ErrorMessage } from '../../components/States';
import { formatDuration, formatPercent, formatTime } from '../../format/format';
import { ConnectionIndicator } from '../../shell/ConnectionIndicator';
import { liveFigures, orderedLiveCalls } from '../live/liveBoardState';
import { useLiveBoard } from '../live/useLiveBoard';
import { useNow } from '../live/useNow';
import { useTodayStats } from '../live/useTodayStats';
import { levelAbove, levelBelow, missedShare, thresholdsFromSearch } from './thresholds';
import { useFullscreen } from './useFullscreen';
import { WallboardTile } from './WallboardTile';
import './wallboard.css';

const waitingShown = 6;

/** Full-screen tiles for a screen on the wall: now (ringing, talking, longest wait) and today (answered, missed, service level). */
export function Wallboard() {
  const supervisor = isSupervisor(useSession());
  const [search] = useSearchParams();
  const t = useMemo(() => thresholdsFromSearch(search), [search]);
  const { state, loading, error } = useLiveBoard();
  const now = useNow();
  const figures = liveFigures(state, now);
  const today = useTodayStats(supervisor, state.ended.length);
  const [fullscreen, toggleFullscreen] = useFullscreen();
  const waiting = orderedLiveCalls(state).filter((c) => c.status === 'RINGING').slice(0, waitingShown);
  const day = today.day;
  const missed = day ? missedShare(day.answered, day.missed) : null;
  const ratio = day?.serviceLevel;
  const serviceLevel = ratio === null || ratio === undefined ? null : ratio * 100;
  const pending = loading ? '…' : null;

  return (
    <main className="wallboard" id="main" data-testid="wallboard">
      <header className="wb-header">
        <h1>Wallboard</h1>
        <span className="wb-clock" aria-label="Time now">{formatTime(new Date(now).toISOString())}</span>
        <ConnectionIndicator />
        <button type="button" onClick={toggleFullscreen}>{fullscreen ? 'Leave full screen' : 'Full screen'}</button>
        <Link to="/live">Back to the console</Link>
      </header>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <div className="wb-grid">
        <WallboardTile label="Ringing now" testId="wb-ringing" value={pending ?? String(figures.ringing)}
          level={loading ? 'neutral' : levelAbove(figures.ringing, t.ringingWarn, t.ringingAlert)} />
        <WallboardTile label="Talking now" testId="wb-talking" value={pending ?? String(figures.talking)} level="neutral" />
        <WallboardTile label="Longest wait" testId="wb-longest-wait" value={formatDuration(figures.longestWaitSeconds)}
          level={levelAbove(figures.longestWaitSeconds, t.waitWarn, t.waitAlert)} detail={figures.longestWaitSeconds === null ? 'nobody waiting' : undefined} />
        {supervisor && (
          <>
            <WallboardTile label="Answered today" testId="wb-answered" value={day ? String(day.answered) : today.fetching ? '…' : '0'} level="neutral" />
            <WallboardTile label="Missed today" testId="wb-missed" value={day ? String(day.missed) : today.fetching ? '…' : '0'}
              level={levelAbove(missed, t.missedWarn, t.missedAlert)} detail={missed === null ? undefined : `${Math.round(missed)}% of today's calls`} />
            <WallboardTile label="Service level today" testId="wb-service-level" value={formatPercent(day?.serviceLevel)}
              level={levelBelow(serviceLevel, t.serviceLevelWarn, t.serviceLevelAlert)} detail={`target ${t.serviceLevelWarn}%`} />
          </>
        )}
      </div>
      {waiting.length > 0 && (
        <section className="wb-waiting" aria-label="Waiting callers">
          <h2>Waiting</h2>
          <ol>
            {waiting.map((call) => {
              const wait = Math.max(0, (now - Date.parse(call.startedAt)) / 1000);
              const level = levelAbove(wait, t.waitWarn, t.waitAlert);
              return (
                <li key={call.id} className={`wb-${level}`}>
                  <span>{call.contact?.name ?? call.callerName ?? call.callerNumber ?? 'unknown'}</span>
                  <span className="wb-wait">{formatDuration(wait)}</span>
                </li>
              );
            })}
          </ol>
        </section>
      )}
      {today.error && <p role="alert" className="error">Today's figures could not be read.</p>}
    </main>
  );
}
