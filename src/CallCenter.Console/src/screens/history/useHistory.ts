import { useEffect, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { CallHistoryQuery, HistoryCallUpdatedSubscription } from './operations';
import { mergeLiveRows, type HistoryCall } from './historyRows';
import type { HistoryQuery } from './historyParams';

export const pageSize = 25;

/** One page of the call log for the URL's query, kept current by callUpdated with the same filter. */
export function useHistory(query: HistoryQuery) {
  const client = useClient();
  const { filter, order, page } = query;
  const variables = useMemo(() => (page.before
    ? { filter, order, last: pageSize, before: page.before }
    : { filter, order, first: pageSize, after: page.after }), [filter, order, page.after, page.before]);
  const [result, refetch] = useQuery({ query: CallHistoryQuery, variables, requestPolicy: 'cache-and-network' });
  const [updates, setUpdates] = useState<ReadonlyMap<string, HistoryCall>>(new Map());

  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    setUpdates(new Map());
    const { unsubscribe } = client.subscription(HistoryCallUpdatedSubscription, { filter }).subscribe((update) => {
      const call = update.data?.callUpdated;
      if (call) setUpdates((current) => new Map(current).set(call.id, call));
    });
    return unsubscribe;
    // The filter object is rebuilt from the URL on every render; its JSON says when it really changed.
  }, [client, filterKey]);

  const connection = result.data?.calls;
  const firstPage = !page.after && !page.before;
  const newestFirst = order.field === 'STARTED_AT' && order.direction === 'DESC';
  const merged = mergeLiveRows(connection?.nodes ?? [], updates, firstPage && newestFirst);
  const added = firstPage && newestFirst ? [...updates.keys()].filter((id) => !(connection?.nodes ?? []).some((c) => c.id === id)).length : 0;
  return {
    rows: merged.rows,
    unseen: merged.unseen,
    totalCount: connection ? connection.totalCount + added : null,
    pageInfo: connection?.pageInfo ?? null,
    fetching: result.fetching,
    error: result.error,
    reload: () => {
      setUpdates(new Map());
      refetch({ requestPolicy: 'network-only' });
    },
  };
}
