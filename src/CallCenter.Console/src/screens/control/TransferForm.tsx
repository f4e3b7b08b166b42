import { useId, useState, type FormEvent } from 'react';

interface Props {
  busy: boolean;
  onTransfer: (destination: string) => void;
}

/** Blind transfer to an extension or a number. */
export function TransferForm({ busy, onTransfer }: Props) {
  const [destination, setDestination] = useState('');
  const id = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = destination.trim();
    if (trimmed) onTransfer(trimmed);
  }
  return (
    <form className="transfer" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">Transfer to extension or number</label>
      <input id={id} value={destination} onChange={(e) => setDestination(e.target.value)} placeholder="ext. or number"
        inputMode="tel" pattern="[0-9*#+]+" title="Digits, *, # or +" size={10} required />
      <button type="submit" disabled={busy}>Transfer</button>
    </form>
  );
}
