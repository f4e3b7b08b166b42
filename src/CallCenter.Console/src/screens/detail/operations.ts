import { graphql } from '../../gql';

export const CallDetailQuery = graphql(`
  query CallDetail($id: ID!) {
    call(id: $id) {
      ...CallSummaryFields
      isLive
      durationSeconds
      holdSeconds
      holdCount
      transferCount
      hangupCause
      hangupCauseText
      hangupBy
      reconciled
      agent { ...AgentFields email }
      events { id type occurredAt channelId details }
      legs { id channelName endpoint callerNumber dialedExtension state createdAt answeredAt endedAt hangupCauseText dialStatus holdCount holdSeconds onHold }
      recording { id status available contentType sizeBytes durationSeconds downloadUrl }
    }
  }
`);

export const CallDetailUpdatedSubscription = graphql(`
  subscription CallDetailUpdated($id: ID!) {
    callUpdated(callId: $id) { id status version }
  }
`);
