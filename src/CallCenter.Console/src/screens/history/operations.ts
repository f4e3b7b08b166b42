import { graphql } from '../../gql';

export const HistoryCallFieldsFragment = graphql(`
  fragment HistoryCallFields on Call {
    ...CallSummaryFields
    durationSeconds
    hangupBy
    hangupCauseText
    recording { id available }
  }
`);

export const CallHistoryQuery = graphql(`
  query CallHistory($filter: CallFilter, $order: CallOrder, $first: Int, $after: String, $last: Int, $before: String) {
    calls(filter: $filter, order: $order, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes { ...HistoryCallFields }
    }
  }
`);

export const HistoryCallUpdatedSubscription = graphql(`
  subscription HistoryCallUpdated($filter: CallFilter) {
    callUpdated(filter: $filter) { ...HistoryCallFields }
  }
`);

export const HistoryAgentsQuery = graphql(`
  query HistoryAgents {
    agents { ...AgentFields }
  }
`);
