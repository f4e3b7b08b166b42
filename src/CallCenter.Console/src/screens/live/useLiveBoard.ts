import { useEffect, useReducer, useState } from 'react';
import { useClient } from 'urql';
import { LiveCallsChangedSubscription, LiveCallsQuery } from '../../graphql/operations';
import { useConnectionStatus } from '../../graphql/ApiProvider';
import { describeError } from '../../graphql/errors';
import { emptyBoard, liveBoardReducer, type LiveBoardState } from './liveBoardState';

export interface LiveBoard {
  state: LiveBoardState;
  loading: boolean;
  error: string | null;
}

/** liveCalls once, then liveCallsChanged; the snapshot is fetched again after every reconnect (events may be lost). */
export function useLiveBoard(): LiveBoard {
  const client = useClient();
  const { reconnects } = useConnectionStatus();
  const [state, dispatch] = useReducer(liveBoardReducer, emptyBoard);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const { unsubscribe } = client.subscription(LiveCallsChangedSubscription, {}).subscribe((result) => {
      const change = result.data?.liveCallsChanged;
      if (change) dispatch({ type: 'change', live: change.live, call: change.call });
      if (result.error) setError(describeError(result.error));
    });
    return unsubscribe;
  }, [client]);

  useEffect(() => {
    let current = true;
    client.query(LiveCallsQuery, {}, { requestPolicy: 'network-only' }).toPromise().then((result) => {
      if (!current) return;
      setLoading(false);
      if (result.data) {
        dispatch({ type: 'snapshot', calls: result.data.liveCalls });
        setError(null);
      } else if (result.error) {
        setError(describeError(result.error));
      }
    });
    return () => {
      current = false;
    };
  }, [client, reconnects]);

  return { state, loading, error };
}
