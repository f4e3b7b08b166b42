import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../auth/AuthContext';
import { isAdmin } from '../../auth/token';
import { Empty, ErrorMessage, Loading } from '../../components/States';
import type { ContactFieldsFragment } from '../../gql/graphql';
import { describeError } from '../../graphql/errors';
import { ContactForm } from './ContactForm';
import { ContactRow } from './ContactRow';
import { ContactsQuery } from './operations';

/** At most this many rows; a search narrows the rest. */
const shown = 50;

type Editing = ContactFieldsFragment | { phoneNumber: string; name: string | null; company: null } | null;

/**
 * Everyone may look contacts up; admins create, edit and delete. `?new=<number>&name=…&call=<id>` opens the create
 * form filled from a call ("save the caller as a contact").
 */
export function Contacts() {
  const canEdit = isAdmin(useSession());
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const fromCall = params.get('call');
  const prefill = params.get('new');
  const [result, refetch] = useQuery({ query: ContactsQuery, variables: { search: query || null, first: shown }, requestPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<Editing>(prefill && canEdit ? { phoneNumber: prefill, name: params.get('name'), company: null } : null);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  function done(text: string | null) {
    setEditing(null);
    setCreating(false);
    if (prefill) {
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.delete('new');
        next.delete('name');
        return next;
      }, { replace: true });
    }
    if (text) {
      setMessage(text);
      refetch({ requestPolicy: 'network-only' });
    }
  }
  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    setParams(q ? { q } : {});
  }

  const contacts = result.data?.contacts;
  const formOpen = creating || editing !== null;
  return (
    <>
      <h1>Contacts</h1>
      <form className="toolbar" role="search" onSubmit={search} key={query}>
        <label>Search <input name="q" type="search" defaultValue={query} placeholder="Name, company or number" /></label>
        <button type="submit">Search</button>
        {canEdit ? <button type="button" onClick={() => setCreating(true)} disabled={formOpen}>New contact</button>
          : <span className="muted">Only admins can add, change or delete contacts.</span>}
      </form>
      {prefill && !canEdit && <ErrorMessage>Only admins can save a caller as a contact.</ErrorMessage>}
      {message && (
        <p role="status" data-testid="contacts-message">{message}{fromCall && <> <Link to={`/calls/${encodeURIComponent(fromCall)}`}>Back to the call</Link></>}</p>
      )}
      {formOpen && (
        <ContactForm key={editing && 'id' in editing ? editing.id : 'new'} contact={editing}
          onDone={(saved) => done(saved && `Saved ${saved.name ?? saved.phoneNumber} (${saved.phoneNumber}). Calls from this number are identified as this contact.`)} />
      )}
      {result.error && <ErrorMessage>{describeError(result.error)}</ErrorMessage>}
      {!contacts ? (!result.error && <Loading what="contacts" />) : contacts.length === 0 ? <Empty>{query ? `No contact matches "${query}".` : 'No contacts yet.'}</Empty> : (
        <div className="table-wrap">
          <table data-testid="contacts-table">
            <caption>{contacts.length === shown ? `The first ${shown} contacts; search to narrow` : 'Contacts'}</caption>
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Company</th><th scope="col">Number</th><th scope="col">History</th>{canEdit && <th scope="col">Manage</th>}</tr>
            </thead>
            <tbody>
              {contacts.map((contact) => (
                <ContactRow key={contact.id} contact={contact} canEdit={canEdit} onEdit={() => setEditing(contact)} onDeleted={done} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
