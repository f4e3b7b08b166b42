import { useState, type FormEvent } from 'react';
import { useMutation, type CombinedError } from 'urql';
import type { ContactFieldsFragment } from '../../gql/graphql';
import { describeError } from '../../graphql/errors';
import { CreateContactMutation, UpdateContactMutation } from './operations';

interface Props {
  /** The contact to edit, or the values a new one starts with. */
  contact: ContactFieldsFragment | { phoneNumber: string; name: string | null; company: string | null } | null;
  onDone: (saved: ContactFieldsFragment | null) => void;
}

/** Create or edit a contact; the API keeps the number's digits and refuses a number another contact has. */
export function ContactForm({ contact, onDone }: Props) {
  const [created, create] = useMutation(CreateContactMutation);
  const [updated, update] = useMutation(UpdateContactMutation);
  const [error, setError] = useState<string | null>(null);
  const id = contact && 'id' in contact ? contact.id : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? '').trim() || null;
    const input = { phoneNumber: text('phoneNumber') ?? '', name: text('name'), company: text('company') };
    let saved: ContactFieldsFragment | null = null;
    let failure: CombinedError | undefined;
    if (id) {
      const result = await update({ id, input });
      saved = result.data?.updateContact ?? null;
      failure = result.error;
    } else {
      const result = await create({ input });
      saved = result.data?.createContact ?? null;
      failure = result.error;
    }
    if (failure) return setError(`${id ? 'Saving' : 'Creating'} the contact failed: ${describeError(failure)}`);
    onDone(saved);
  }

  const title = id ? `Edit ${contact?.name ?? contact?.phoneNumber}` : 'New contact';
  return (
    <form className="filters" onSubmit={submit} aria-label={title}>
      <strong>{title}</strong>
      <label>Phone number <input name="phoneNumber" required inputMode="tel" defaultValue={contact?.phoneNumber ?? ''} /></label>
      <label>Name <input name="name" defaultValue={contact?.name ?? ''} /></label>
      <label>Company <input name="company" defaultValue={contact?.company ?? ''} /></label>
      <div className="filter-actions">
        <button type="submit" disabled={created.fetching || updated.fetching}>{id ? 'Save contact' : 'Create contact'}</button>
        <button type="button" onClick={() => onDone(null)}>Cancel</button>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
