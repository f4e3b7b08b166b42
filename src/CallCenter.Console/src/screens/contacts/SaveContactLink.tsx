import { Link } from 'react-router';
import { useSession } from '../../auth/AuthContext';
import { isAdmin } from '../../auth/token';
import type { CallDirection } from '../../gql/graphql';
import { outsideParty, saveContactLink } from './outsideParty';

interface Props {
  call: { id: string; direction: CallDirection; callerNumber?: string | null; callerName?: string | null; dialedNumber?: string | null };
}

/** "Save the caller as a contact" for an unidentified outside party; admins only (the API's rule). */
export function SaveContactLink({ call }: Props) {
  const session = useSession();
  const party = outsideParty(call);
  if (!party || !isAdmin(session)) return null;
  return <Link className="save-contact" to={saveContactLink(party, call.id)}>Save {call.direction === 'INBOUND' ? 'the caller' : 'the number'} as a contact</Link>;
}
