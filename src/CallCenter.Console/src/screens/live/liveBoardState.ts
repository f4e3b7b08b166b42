import type { LiveCallFieldsFragment } from '../../gql/graphql';

export type LiveCall = LiveCallFieldsFragment;

export interface LiveBoardState {
  /** Calls in progress, by id. */
  live: ReadonlyMap<string, LiveCall>;
  /** Calls that ended while the board was open, newest first (kept so a call is seen to complete or be missed). */
  ended: readonly LiveCall[];
}

export type LiveBoardAction =
  | { type: 'snapshot'; calls: readonly LiveCall[] }
  | { type: 'change'; live: boolean; call: LiveCall };

export const endedKept = 10;

export const emptyBoard: LiveBoardState = { live: new Map(), ended: [] };

function isNewer(call: LiveCall, existing: LiveCall | undefined): boolean {
  return existing === undefined || call.version >= existing.version;
}

/**
 * Folds liveCalls snapshots and liveCallsChanged events. Versions guard against reordering: a change older than
 * what the board has is ignored, so a snapshot taken after a reconnect and late events cannot move a call backwards.
 */
export function liveBoardReducer(state: LiveBoardState, action: LiveBoardAction): LiveBoardState {
  if (action.type === 'snapshot') {
    const live = new Map<string, LiveCall>();
    for (const call of action.calls) {
      const known = state.live.get(call.id);
      live.set(call.id, known && !isNewer(call, known) ? known : call);
    }
    // A call the board had that the snapshot lacks ended while we were away; the ended list shows finals only.
    return { live, ended: state.ended.filter((c) => !live.has(c.id)) };
  }
  const { call } = action;
  const known = state.live.get(call.id) ?? state.ended.find((c) => c.id === call.id);
  if (!isNewer(call, known)) return state;
  const live = new Map(state.live);
  const others = state.ended.filter((c) => c.id !== call.id);
  if (action.live) {
    live.set(call.id, call);
    return { live, ended: others };
  }
  live.delete(call.id);
  return { live, ended: [call, ...others].slice(0, endedKept) };
}

/** Live calls in board order: oldest first, like the API's liveCalls. */
export function orderedLiveCalls(state: LiveBoardState): LiveCall[] {
  return [...state.live.values()].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
}

export interface LiveFigures {
  ringing: number;
  talking: number;
  /** Seconds the longest-waiting ringing call has waited, or null when none rings. */
  longestWaitSeconds: number | null;
}

export function liveFigures(state: LiveBoardState, now: number): LiveFigures {
  let ringing = 0;
  let talking = 0;
  let oldestRinging: number | null = null;
  for (const call of state.live.values()) {
    if (call.status === 'RINGING') {
      ringing++;
      const started = Date.parse(call.startedAt);
      oldestRinging = oldestRinging === null ? started : Math.min(oldestRinging, started);
    } else if (call.status === 'ANSWERED') {
      talking++;
    }
  }
  return { ringing, talking, longestWaitSeconds: oldestRinging === null ? null : Math.max(0, (now - oldestRinging) / 1000) };
}
