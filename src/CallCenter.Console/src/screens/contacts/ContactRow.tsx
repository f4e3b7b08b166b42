import { Link } from 'react-router';
import { useMutation } from 'urql';
import { InlineDelete } from '../../components/InlineDelete';
import type { ContactFieldsFragment } from '../../gql/graphql';
import { describeError } from '../../graphql/errors';
import { DeleteContactMutation } from './operations';

interface Props {
  contact: ContactFieldsFragment;
  canEdit: boolean;
  onEdit: () => void;
  onDeleted: (message: string) => void;
}

export function ContactRow({ contact, canEdit, onEdit, onDeleted }: Props) {
  const [, remove] = useMutation(DeleteContactMutation);
  const label = contact.name ?? contact.phoneNumber;

  async function deleteContact(): Promise<string | null> {
    const result = await remove({ id: contact.id });
    if (result.error) return describeError(result.error);
    if (result.data?.deleteContact === false) return 'the contact was already gone.';
    onDeleted(`Deleted ${label}.`);
    return null;
  }

  return (
    <tr data-testid="contact-row" data-phone={contact.phoneNumber}>
      <td>{contact.name ?? <span className="muted">–</span>}</td>
      <td>{contact.company ?? <span className="muted">–</span>}</td>
      <td>{contact.phoneNumber}</td>
      <td><Link to={`/history?contactId=${encodeURIComponent(contact.id)}`}>Calls</Link></td>
      {canEdit && (
        <td>
          <div className="controls">
            <button type="button" onClick={onEdit} aria-label={`Edit ${label}`}>Edit</button>
            <InlineDelete name={label} note="Past calls lose the link to it." onConfirm={deleteContact} />
          </div>
        </td>
      )}
    </tr>
  );
}
