import type { AgentAdminFieldsFragment } from '../../gql/graphql';
import type { LiveCall } from '../live/liveBoardState';

export type AgentRecord = AgentAdminFieldsFragment;

export type AgentStateKind = 'talking' | 'hold' | 'ringing' | 'idle' | 'inactive';

export interface AgentLiveState {
  kind: AgentStateKind;
  label: string;
  /** Live calls on the agent (by id, else by extension). */
  calls: number;
}

const labels: Record<AgentStateKind, string> = {
  talking: 'Talking', hold: 'On hold', ringing: 'Ringing', idle: 'No call', inactive: 'Inactive',
};

/** What the agent is doing now, from the live board's calls: talking beats on hold beats ringing. */
export function agentLiveState(agent: Pick<AgentRecord, 'id' | 'extension' | 'active'>, live: Iterable<LiveCall>): AgentLiveState {
  const mine = [...live].filter((c) => (c.agent ? c.agent.id === agent.id : c.agentExtension === agent.extension));
  const answered = mine.filter((c) => c.status === 'ANSWERED');
  let kind: AgentStateKind;
  if (answered.some((c) => !c.legs.some((l) => l.onHold))) kind = 'talking';
  else if (answered.length > 0) kind = 'hold';
  else if (mine.some((c) => c.status === 'RINGING')) kind = 'ringing';
  else kind = agent.active ? 'idle' : 'inactive';
  return { kind, label: labels[kind], calls: mine.length };
}
