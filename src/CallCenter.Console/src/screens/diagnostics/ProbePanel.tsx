import { useCallback, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeError } from '../../graphql/errors';
import { ErrorMessage } from '../../components/States';
import { CallPathProbeQuery, RunCallPathProbeMutation } from './operations';
import { ProbeHops } from './ProbeHops';
import { useRefetchEvery } from './useRefetchEvery';

/** "Run test call": starts the probe, then polls it so the hops appear as they complete. */
export function ProbePanel() {
  const [started, run] = useMutation(RunCallPathProbeMutation);
  const [probeId, setProbeId] = useState<string | null>(null);
  const [progress, refetch] = useQuery({
    query: CallPathProbeQuery,
    variables: { id: probeId ?? '' },
    pause: probeId === null,
    requestPolicy: 'network-only',
  });
  const probe = progress.data?.callPathProbe ?? started.data?.runCallPathProbe ?? null;
  const running = probeId !== null && probe !== null && !probe.finished;
  const poll = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchEvery(poll, 500, running);

  const start = async () => {
    const result = await run({});
    if (result.data) setProbeId(result.data.runCallPathProbe.id);
  };

  return (
    <section className="probe" aria-labelledby="probe-title">
      <h2 id="probe-title">Test call</h2>
      <p className="muted">
        Places a synthetic call into the inbound route and follows it through Asterisk, ingestion, Redis, the worker and
        this API. It stays in the call log marked as a test and is left out of statistics.
      </p>
      <button type="button" onClick={start} disabled={started.fetching || running}>
        {running ? 'Test call running…' : 'Run test call'}
      </button>
      {started.error && <ErrorMessage>{describeError(started.error)}</ErrorMessage>}
      {progress.error && <ErrorMessage>{describeError(progress.error)}</ErrorMessage>}
      {probe && (
        <div data-testid="probe-result" data-finished={probe.finished} data-completed={probe.completed}>
          <p role="status">
            {!probe.finished && `Calling ${probe.number}@${probe.context}…`}
            {probe.finished && probe.completed && 'The test call went through every hop.'}
            {probe.finished && !probe.completed && `The test call stopped at: ${probe.stoppedAt ?? 'an unknown hop'}.`}
          </p>
          <ProbeHops probe={probe} />
        </div>
      )}
    </section>
  );
}
