import { useEffect, useMemo } from 'react';
import { useQuery } from 'urql';
import type { StatsRow } from '../statistics/statsSeries';
import { addDays, browserTimeZone, todayIn, zonedDayStart } from '../statistics/timeZones';
import { AgentsTodayQuery } from './operations';

/** Today's figures per agent extension (the browser's day), refetched when a call ends. */
export function useAgentsToday(endedCount: number) {
  const variables = useMemo(() => {
    const today = todayIn(browserTimeZone);
    return { from: zonedDayStart(today, browserTimeZone).toISOString(), until: zonedDayStart(addDays(today, 1), browserTimeZone).toISOString(), timeZone: browserTimeZone };
  }, []);
  const [result, refetch] = useQuery({ query: AgentsTodayQuery, variables, requestPolicy: 'network-only' });
  useEffect(() => {
    if (endedCount > 0) refetch({ requestPolicy: 'network-only' });
  }, [endedCount, refetch]);
  const byExtension = useMemo(() => new Map<string, StatsRow>((result.data?.callStats ?? []).map((row) => [row.key, row])), [result.data]);
  return { byExtension, error: result.error };
}
