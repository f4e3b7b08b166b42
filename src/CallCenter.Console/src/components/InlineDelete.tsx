import { useState } from 'react';

interface Props {
  /** What is deleted, for the labels ("Ali Valiyev"). */
  name: string;
  /** What happens to related data, shown with the question. */
  note?: string;
  /** Deletes; resolves to an error in words, or null when done. */
  onConfirm: () => Promise<string | null>;
}

/** Delete with an inline "are you sure" (no blocking browser dialog), then the failure in words if any. */
export function InlineDelete({ name, note, onConfirm }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    const problem = await onConfirm();
    setBusy(false);
    setError(problem === null ? null : `Deleting failed: ${problem}`);
    if (problem !== null) setConfirming(false);
  }

  return (
    <>
      {confirming ? (
        <>
          <span>Delete {name}?{note ? ` ${note}` : ''}</span>
          <button type="button" className="danger" onClick={confirm} disabled={busy}>Confirm delete</button>
          <button type="button" onClick={() => setConfirming(false)}>Keep</button>
        </>
      ) : <button type="button" className="danger" onClick={() => setConfirming(true)} aria-label={`Delete ${name}`}>Delete</button>}
      {error && <p role="alert" className="error">{error}</p>}
    </>
  );
}
