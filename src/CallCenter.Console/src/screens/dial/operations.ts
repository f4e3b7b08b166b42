import { graphql } from '../../gql';

export const OriginateCallMutation = graphql(`
  mutation OriginateCall($to: String!, $fromExtension: String) {
    originateCall(to: $to, fromExtension: $fromExtension) { channelId fromExtension to }
  }
`);
