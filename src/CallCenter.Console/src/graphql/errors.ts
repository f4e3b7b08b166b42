import type { CombinedError } from 'urql';

/** A CombinedError in words for the user: the server's messages, or what went wrong on the way. */
export function describeError(error: CombinedError): string {
  if (error.graphQLErrors.length > 0) {
    return error.graphQLErrors.map((e) => e.message).join(' ');
  }
  if (error.networkError) {
    const status = (error.response as Response | undefined)?.status;
    return status ? `The API answered ${status}.` : 'The API cannot be reached.';
  }
  return error.message;
}
