import { graphql } from '../gql';

export const LiveCallFieldsFragment = graphql(`
  fragment LiveCallFields on Call {
    ...CallSummaryFields
    isLive
    holdCount
    transferCount
    legs { id onHold }
  }
`);

export const LiveCallsQuery = graphql(`
  query LiveCalls {
    liveCalls { ...LiveCallFields }
  }
`);

export const LiveCallsChangedSubscription = graphql(`
  subscription LiveCallsChanged {
    liveCallsChanged {
      callId
      live
      call { ...LiveCallFields }
    }
  }
`);

export const TodayStatsQuery = graphql(`
  query TodayStats($from: DateTimeOffset!, $until: DateTimeOffset!, $timeZone: String) {
    callStats(from: $from, until: $until, groupBy: DAY, timeZone: $timeZone) { ...CallStatsFields }
  }
`);
