import { useState } from 'react';
import { useMutation } from 'urql';
import { useSession } from '../../auth/AuthContext';
import { isSupervisor } from '../../auth/token';
import { describeError } from '../../graphql/errors';
import { OriginateCallMutation } from './operations';
import { useOriginExtension } from './originExtension';

export interface ClickToCall {
  /** Supervisors call from an extension they give; agents from their own (the API knows it). */
  needsExtension: boolean;
  extension: string | null;
  setExtension: (extension: string | null) => void;
  call: (to: string) => Promise<void>;
  busy: boolean;
  message: string | null;
  error: string | null;
}

/** originateCall: the caller's own phone rings first; when it is answered, the PBX dials the number. */
export function useClickToCall(): ClickToCall {
  const supervisor = isSupervisor(useSession());
  const [extension, setExtension] = useOriginExtension();
  const [state, originate] = useMutation(OriginateCallMutation);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function call(to: string) {
    setMessage(null);
    setError(null);
    const result = await originate({ to, fromExtension: supervisor ? extension : null });
    if (result.error) {
      setError(`Call failed: ${describeError(result.error)}`);
      return;
    }
    const placed = result.data?.originateCall;
    if (placed) setMessage(`Your phone (${placed.fromExtension}) is ringing: answer it to call ${placed.to}.`);
  }

  return { needsExtension: supervisor, extension, setExtension, call, busy: state.fetching, message, error };
}
