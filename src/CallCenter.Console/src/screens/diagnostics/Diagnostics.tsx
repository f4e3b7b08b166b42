import { useCallback } from 'react';
import { useQuery } from 'urql';
import { formatTime } from '../../format/format';
import { describeError } from '../../graphql/errors';
import { ErrorMessage, Loading } from '../../components/States';
import { CheckCard } from './CheckCard';
import { DiagnosticsQuery } from './operations';
import { ProbePanel } from './ProbePanel';
import { useRefetchEvery } from './useRefetchEvery';
import './diagnostics.css';

/** How often the checks are run again while the screen is open. */
const RefreshMilliseconds = 5000;

/** "Why aren't my calls showing up?": the call-path checks, refreshed live, and the test call. */
export function Diagnostics() {
  const [result, refetch] = useQuery({ query: DiagnosticsQuery, requestPolicy: 'network-only' });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchEvery(refresh, RefreshMilliseconds, true);
  const checks = result.data?.diagnostics ?? [];
  const checkedAt = checks[0]?.checkedAt;

  return (
    <div className="diagnostics">
      <h1>Diagnostics</h1>
      <p className="muted">
        The call's way from Asterisk to this console, checked every {RefreshMilliseconds / 1000} s
        {checkedAt ? ` (last at ${formatTime(checkedAt)})` : ''}.
      </p>
      {result.error && <ErrorMessage>{describeError(result.error)}</ErrorMessage>}
      {!result.data && result.fetching && <Loading what="checks" />}
      <div className="checks">
        {checks.map((check) => <CheckCard key={check.name} check={check} />)}
      </div>
      <ProbePanel />
    </div>
  );
}
