import { graphql } from '../../gql';

export const SimulateIncomingCallMutation = graphql(`
  mutation SimulateIncomingCall($from: String!, $to: String) {
    simulateIncomingCall(from: $from, to: $to) { channelId from to }
  }
`);
