import '../dial/dial.css';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { describeError } from '../../graphql/errors';
import { SimulateIncomingCallMutation } from './operations';
import { parseTestCallInput } from './testCallInput';

/**
 * A supervisor's test call: an incoming call from the typed number rings on the main line through the real PBX, so
 * the whole chain shows on the board. The API turns it off outside Development; its refusal is shown in words.
 */
export function TestCallPanel() {
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [state, simulate] = useMutation(SimulateIncomingCallMutation);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    setError(null);
    const input = parseTestCallInput(from, to);
    if (!input.ok) {
      setError(input.reason);
      return;
    }
    const result = await simulate({ from: input.from, to: input.to });
    if (result.error) setError(`Test call failed: ${describeError(result.error)}`);
    else if (result.data) setMessage(`Test call from ${result.data.simulateIncomingCall.from} is ringing on ${result.data.simulateIncomingCall.to}.`);
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="test-call">
      <h2 id={`${id}-title`}>Test call</h2>
      <form onSubmit={submit} className="inline-form">
        <label htmlFor={`${id}-from`} className="field">
          Caller number
          <input id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)} inputMode="tel" placeholder="e.g. 998901234567" required />
        </label>
        <label htmlFor={`${id}-to`} className="field">
          Number to ring
          <input id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)} inputMode="tel" placeholder="main line" size={10} />
        </label>
        <button type="submit" disabled={state.fetching}>Place test call</button>
      </form>
      {message && <p role="status" className="muted">{message}</p>}
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
