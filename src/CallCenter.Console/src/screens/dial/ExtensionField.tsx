import { useId, useState } from 'react';
import { normalizeExtension } from './dialing';

interface Props {
  extension: string | null;
  onChange: (extension: string | null) => void;
  /** Take the focus when shown in place of the button that asked for it. */
  autoFocus?: boolean;
}

/** "Your extension": the phone a supervisor's click-to-call rings first. */
export function ExtensionField({ extension, onChange, autoFocus = false }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(extension ?? '');
  const invalid = draft.trim() !== '' && normalizeExtension(draft) === null;
  return (
    <label htmlFor={id} className="field">
      Your extension
      <input id={id} value={draft} inputMode="numeric" size={6} placeholder="e.g. 1001" aria-invalid={invalid} autoFocus={autoFocus}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(normalizeExtension(e.target.value));
        }} />
    </label>
  );
}
