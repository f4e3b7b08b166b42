import { graphql } from '../../gql';

export const ContactsQuery = graphql(`
  query Contacts($search: String, $first: Int) { contacts(search: $search, first: $first) { ...ContactFields } }
`);

export const CreateContactMutation = graphql(`
  mutation CreateContact($input: ContactInput!) { createContact(input: $input) { ...ContactFields } }
`);

export const UpdateContactMutation = graphql(`
  mutation UpdateContact($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { ...ContactFields } }
`);

export const DeleteContactMutation = graphql(`
  mutation DeleteContact($id: ID!) { deleteContact(id: $id) }
`);
