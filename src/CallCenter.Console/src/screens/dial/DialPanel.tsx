import './dial.css';
import { useId, useState, type FormEvent } from 'react';
import { normalizeNumber } from './dialing';
import { ExtensionField } from './ExtensionField';
import { useClickToCall } from './useClickToCall';

/** Click-to-call a typed number: the user's phone rings, then the PBX dials the number through the trunk. */
export function DialPanel() {
  const dial = useClickToCall();
  const id = useId();
  const [number, setNumber] = useState('');
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const normalized = normalizeNumber(number);
    setInvalid(normalized === null);
    if (normalized !== null) void dial.call(normalized);
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="dial-panel">
      <h2 id={`${id}-title`}>Make a call</h2>
      <form onSubmit={submit} className="inline-form">
        <label htmlFor={`${id}-number`} className="field">
          Number
          <input id={`${id}-number`} value={number} onChange={(e) => setNumber(e.target.value)} inputMode="tel"
            placeholder="e.g. 998901234567" aria-invalid={invalid} required />
        </label>
        {dial.needsExtension && <ExtensionField extension={dial.extension} onChange={dial.setExtension} />}
        <button type="submit" disabled={dial.busy || (dial.needsExtension && !dial.extension)}>Call</button>
      </form>
      {invalid && <p role="alert" className="error">Type a phone number: digits, optionally with a leading +.</p>}
      {dial.message && <p role="status" className="muted">{dial.message}</p>}
      {dial.error && <p role="alert" className="error">{dial.error}</p>}
    </section>
  );
}
