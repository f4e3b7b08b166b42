import { graphql } from '../../gql';

export const CallDetailQuery = graphql(`
  query CallDetail($id: ID!) {
    call(id: $id) {
      id
      direction
      status
      isLive
      callerNumber
      callerName
      dialedNumber
      agentExtension
      startedAt
      answeredAt
      endedAt
      ringSeconds
      talkSeconds
      durationSeconds
      holdSeconds
      holdCount
      transferCount
      hangupCause
      hangupCauseText
      hangupBy
      reconciled
      version
      agent { id name extension email }
      contact { id name company phoneNumber }
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
