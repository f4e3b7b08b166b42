import { useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { describeError } from '../../graphql/errors';
import type { LiveCall } from '../live/liveBoardState';
import { HangupCallMutation, HoldCallMutation, MuteCallMutation, TransferCallMutation, UnholdCallMutation, UnmuteCallMutation } from './operations';
import { TransferForm } from './TransferForm';

/** Hang up, hold/unhold, mute/unmute and blind transfer on a live call; each failure is shown in words. */
export function CallControls({ call }: { call: LiveCall }) {
  const [hangup, runHangup] = useMutation(HangupCallMutation);
  const [hold, runHold] = useMutation(HoldCallMutation);
  const [unhold, runUnhold] = useMutation(UnholdCallMutation);
  const [mute, runMute] = useMutation(MuteCallMutation);
  const [unmute, runUnmute] = useMutation(UnmuteCallMutation);
  const [transfer, runTransfer] = useMutation(TransferCallMutation);
  // The schema has no mute state; the console remembers what it asked for.
  const [muted, setMuted] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const busy = hangup.fetching || hold.fetching || unhold.fetching || mute.fetching || unmute.fetching || transfer.fetching;
  const onHold = call.legs.some((leg) => leg.onHold);
  const variables = { callId: call.id };

  async function run(action: string, execute: () => Promise<{ error?: CombinedError | undefined }>, after?: () => void) {
    setError(null);
    const result = await execute();
    if (result.error) setError(`${action} failed: ${describeError(result.error)}`);
    else after?.();
  }

  const who = call.callerName ?? call.callerNumber ?? 'the caller';
  return (
    <div className="controls" role="group" aria-label={`Control the call with ${who}`}>
      <button type="button" className="danger" disabled={busy} onClick={() => run('Hang up', () => runHangup(variables))}>Hang up</button>
      {call.status === 'ANSWERED' && (
        <>
          {onHold
            ? <button type="button" disabled={busy} onClick={() => run('Unhold', () => runUnhold(variables))}>Unhold</button>
            : <button type="button" disabled={busy} onClick={() => run('Hold', () => runHold(variables))}>Hold</button>}
          {muted
            ? <button type="button" aria-pressed="true" disabled={busy} onClick={() => run('Unmute', () => runUnmute(variables), () => setMuted(false))}>Unmute</button>
            : <button type="button" aria-pressed="false" disabled={busy} onClick={() => run('Mute', () => runMute(variables), () => setMuted(true))}>Mute</button>}
          <TransferForm busy={busy} onTransfer={(destination) => run('Transfer', () => runTransfer({ ...variables, destination }))} />
        </>
      )}
      {onHold && <span className="badge status-hold">On hold</span>}
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}
