import { graphql } from '../../gql';

/** The four groupings of one period in one round trip. */
export const StatisticsQuery = graphql(`
  query Statistics($from: DateTimeOffset!, $until: DateTimeOffset!, $serviceLevelSeconds: Float, $timeZone: String) {
    hourly: callStats(from: $from, until: $until, groupBy: HOUR, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }
    daily: callStats(from: $from, until: $until, groupBy: DAY, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }
    byAgent: callStats(from: $from, until: $until, groupBy: AGENT, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }
    byDirection: callStats(from: $from, until: $until, groupBy: DIRECTION, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }
  }
`);
