import type { Client } from 'urql';
import { describeError } from '../../graphql/errors';
import type { CallFilter, CallOrder } from '../../gql/graphql';
import { callsToCsv } from './historyCsv';
import type { HistoryCall } from './historyRows';
import { CallHistoryQuery } from './operations';

/** More than this is a job for the API, not a browser download. */
export const exportLimit = 10_000;
const exportPageSize = 200;

/** Pages through every call that matches (up to the limit) and returns the CSV text. */
export async function exportCallsCsv(client: Client, filter: CallFilter, order: CallOrder): Promise<string> {
  const calls: HistoryCall[] = [];
  let after: string | null = null;
  while (calls.length < exportLimit) {
    const result = await client.query(CallHistoryQuery, { filter, order, first: exportPageSize, after }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error || !result.data) throw new Error(result.error ? describeError(result.error) : 'No data.');
    calls.push(...result.data.calls.nodes);
    if (!result.data.calls.pageInfo.hasNextPage) break;
    after = result.data.calls.pageInfo.endCursor ?? null;
  }
  return callsToCsv(calls.slice(0, exportLimit));
}

export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
