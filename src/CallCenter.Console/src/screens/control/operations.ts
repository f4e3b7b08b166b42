import { graphql } from '../../gql';

export const HangupCallMutation = graphql(`
  mutation HangupCall($callId: ID!) { hangupCall(callId: $callId) { ...LiveCallFields } }
`);

export const HoldCallMutation = graphql(`
  mutation HoldCall($callId: ID!) { holdCall(callId: $callId) { ...LiveCallFields } }
`);

export const UnholdCallMutation = graphql(`
  mutation UnholdCall($callId: ID!) { unholdCall(callId: $callId) { ...LiveCallFields } }
`);

export const MuteCallMutation = graphql(`
  mutation MuteCall($callId: ID!) { muteCall(callId: $callId) { id } }
`);

export const UnmuteCallMutation = graphql(`
  mutation UnmuteCall($callId: ID!) { unmuteCall(callId: $callId) { id } }
`);

export const TransferCallMutation = graphql(`
  mutation TransferCall($callId: ID!, $destination: String!) { transferCall(callId: $callId, destination: $destination) { ...LiveCallFields } }
`);
