import { graphql } from '../gql';

// Field sets shared by several screens' operations, so a new field is added in one place.

export const AgentFieldsFragment = graphql(`
  fragment AgentFields on Agent { id name extension }
`);

export const ContactFieldsFragment = graphql(`
  fragment ContactFields on Contact { id name company phoneNumber }
`);

/** What every list of calls shows: who, when, how long, with whom. */
export const CallSummaryFieldsFragment = graphql(`
  fragment CallSummaryFields on Call {
    id
    direction
    status
    callerNumber
    callerName
    dialedNumber
    agentExtension
    startedAt
    answeredAt
    endedAt
    ringSeconds
    talkSeconds
    version
    agent { ...AgentFields }
    contact { ...ContactFields }
  }
`);

export const CallStatsFieldsFragment = graphql(`
  fragment CallStatsFields on CallStats {
    key
    total
    answered
    missed
    busy
    failed
    averageWaitSeconds
    averageTalkSeconds
    answeredWithinServiceLevel
    serviceLevel
  }
`);
