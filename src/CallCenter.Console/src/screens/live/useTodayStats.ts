import { useEffect } from 'react';
import { useQuery } from 'urql';
import { TodayStatsQuery } from '../../graphql/operations';
import { browserTimeZone } from '../statistics/timeZones';

function todayRange(): { from: string; until: string } {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { from: start.toISOString(), until: end.toISOString() };
}

/** Today's answered, missed and service level (supervisors only); refetched when a call ends. */
export function useTodayStats(enabled: boolean, endedCount: number) {
  const [result, refetch] = useQuery({
    query: TodayStatsQuery,
    variables: { ...todayRange(), timeZone: browserTimeZone },
    pause: !enabled,
    requestPolicy: 'network-only',
  });
  useEffect(() => {
    if (enabled && endedCount > 0) refetch({ requestPolicy: 'network-only' });
  }, [enabled, endedCount, refetch]);
  const day = result.data?.callStats[0];
  return { day, fetching: result.fetching, error: result.error };
}
