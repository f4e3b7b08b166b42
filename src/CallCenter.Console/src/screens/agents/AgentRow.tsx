import { useMutation } from 'urql';
import { InlineDelete } from '../../components/InlineDelete';
import { formatDuration } from '../../format/format';
import { describeError } from '../../graphql/errors';
import type { StatsRow } from '../statistics/statsSeries';
import type { AgentLiveState, AgentRecord } from './agentState';
import { DeleteAgentMutation } from './operations';

interface Props {
  agent: AgentRecord;
  state: AgentLiveState;
  today: StatsRow | undefined;
  /** Admins only: edit and delete. */
  canEdit: boolean;
  onEdit: () => void;
  onDeleted: (message: string) => void;
}

const stateClass = { talking: 'status-answered', hold: 'status-hold', ringing: 'status-ringing', idle: 'status-completed', inactive: 'status-hold' } as const;

export function AgentRow({ agent, state, today, canEdit, onEdit, onDeleted }: Props) {
  const [, remove] = useMutation(DeleteAgentMutation);

  async function deleteAgent(): Promise<string | null> {
    const result = await remove({ id: agent.id });
    if (result.error) return describeError(result.error);
    if (result.data?.deleteAgent === false) return 'the agent was already gone.';
    onDeleted(`Deleted ${agent.name} (${agent.extension}).`);
    return null;
  }

  return (
    <tr data-testid="agent-row" data-extension={agent.extension} data-state={state.kind}>
      <td>{agent.extension}</td>
      <td>{agent.name}{agent.email && <div className="muted">{agent.email}</div>}</td>
      <td><span className={`badge ${stateClass[state.kind]}`}>{state.label}</span>{state.calls > 1 && <span className="muted">{state.calls} calls</span>}</td>
      <td data-testid="agent-today-total">{today?.total ?? 0}</td>
      <td>{today?.answered ?? 0}</td>
      <td>{today?.missed ?? 0}</td>
      <td>{formatDuration(today?.averageTalkSeconds)}</td>
      {canEdit && (
        <td>
          <div className="controls">
            <button type="button" onClick={onEdit} aria-label={`Edit ${agent.name}`}>Edit</button>
            <InlineDelete name={agent.name} note="Past calls keep the extension." onConfirm={deleteAgent} />
          </div>
        </td>
      )}
    </tr>
  );
}
