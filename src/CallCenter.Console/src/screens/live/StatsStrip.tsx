import { formatDuration, formatPercent } from '../../format/format';
import { describeError } from '../../graphql/errors';
import type { LiveFigures } from './liveBoardState';
import { useTodayStats } from './useTodayStats';

interface Props {
  figures: LiveFigures;
  supervisor: boolean;
  endedCount: number;
  longWaitSeconds: number;
}

export function Tile({ label, value, testId, warn }: { label: string; value: string; testId: string; warn?: boolean }) {
  return (
    <div className={`tile${warn ? ' tile-warn' : ''}`}>
      <span className="tile-value" data-testid={testId}>{value}</span>
      <span className="tile-label">{label}{warn ? ' (long wait)' : ''}</span>
    </div>
  );
}

export function StatsStrip({ figures, supervisor, endedCount, longWaitSeconds }: Props) {
  const today = useTodayStats(supervisor, endedCount);
  const wait = figures.longestWaitSeconds;
  return (
    <section className="strip" aria-label="Now and today">
      <Tile label="Ringing now" value={String(figures.ringing)} testId="strip-ringing" />
      <Tile label="Talking now" value={String(figures.talking)} testId="strip-talking" />
      <Tile label="Longest wait" value={formatDuration(wait)} testId="strip-longest-wait" warn={wait !== null && wait >= longWaitSeconds} />
      {supervisor && (
        <>
          <Tile label="Answered today" value={today.day ? String(today.day.answered) : today.fetching ? '…' : '0'} testId="strip-answered" />
          <Tile label="Missed today" value={today.day ? String(today.day.missed) : today.fetching ? '…' : '0'} testId="strip-missed" />
          <Tile label="Service level today" value={formatPercent(today.day?.serviceLevel)} testId="strip-service-level" />
          {today.error && <p role="alert" className="error">Today's figures: {describeError(today.error)}</p>}
        </>
      )}
    </section>
  );
}
