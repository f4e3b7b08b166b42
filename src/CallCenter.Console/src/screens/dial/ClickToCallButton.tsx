import './dial.css';
import { useState, type FormEvent } from 'react';
import { ExtensionField } from './ExtensionField';
import { useClickToCall } from './useClickToCall';

interface Props {
  number: string;
  /** "Call back" for a missed call, "Call" for a contact. */
  label?: string;
}

/** Calls a number from the signed-in user's phone; a supervisor without a known extension is asked for it first. */
export function ClickToCallButton({ number, label = 'Call' }: Props) {
  const dial = useClickToCall();
  const [asking, setAsking] = useState(false);

  function start() {
    if (dial.needsExtension && !dial.extension) setAsking(true);
    else void dial.call(number);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!dial.extension) return;
    setAsking(false);
    void dial.call(number);
  }

  return (
    <div className="click-to-call">
      {asking
        ? (
          <form onSubmit={submit} className="inline-form" aria-label={`${label} ${number}`}>
            <ExtensionField extension={dial.extension} onChange={dial.setExtension} autoFocus />
            <button type="submit" disabled={!dial.extension || dial.busy}>{label}</button>
            <button type="button" onClick={() => setAsking(false)}>Cancel</button>
          </form>
        )
        : <button type="button" disabled={dial.busy} onClick={start} aria-label={`${label} ${number}`}>{label}</button>}
      {dial.message && <p role="status" className="muted">{dial.message}</p>}
      {dial.error && <p role="alert" className="error">{dial.error}</p>}
    </div>
  );
}
