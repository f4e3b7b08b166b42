import { useSession } from '../../auth/AuthContext';
import { isSupervisor } from '../../auth/token';
import { Empty, ErrorMessage, Loading } from '../../components/States';
import { DialPanel } from '../dial/DialPanel';
import { TestCallPanel } from '../testcall/TestCallPanel';
import { liveFigures, orderedLiveCalls } from './liveBoardState';
import { LiveCallTable } from './LiveCallTable';
import { StatsStrip } from './StatsStrip';
import { useLiveBoard } from './useLiveBoard';
import { useNow } from './useNow';

/** A ringing call waiting this long is highlighted. */
export const longWaitSeconds = 30;

export function LiveBoard() {
  const session = useSession();
  const supervisor = isSupervisor(session);
  const { state, loading, error } = useLiveBoard();
  const now = useNow();
  const live = orderedLiveCalls(state);
  return (
    <>
      <h1>Live calls</h1>
      <StatsStrip figures={liveFigures(state, now)} supervisor={supervisor} endedCount={state.ended.length} longWaitSeconds={longWaitSeconds} />
      <div className="actions">
        <DialPanel />
        {supervisor && <TestCallPanel />}
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {loading ? <Loading what="live calls" /> : live.length === 0
        ? <Empty>No call in progress{supervisor ? '' : ' on your extension'}.</Empty>
        : <LiveCallTable caption="In progress" calls={live} now={now} longWaitSeconds={longWaitSeconds} controls testId="live-table" />}
      {state.ended.length > 0 && (
        <LiveCallTable caption="Just ended" calls={state.ended} now={now} longWaitSeconds={longWaitSeconds} controls={false} testId="ended-table" />
      )}
    </>
  );
}
