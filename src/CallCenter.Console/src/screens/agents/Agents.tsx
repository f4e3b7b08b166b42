import { useState } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../../auth/AuthContext';
import { isAdmin, isSupervisor } from '../../auth/token';
import { Empty, ErrorMessage, Loading } from '../../components/States';
import { describeError } from '../../graphql/errors';
import { useLiveBoard } from '../live/useLiveBoard';
import { AgentForm } from './AgentForm';
import { AgentRow } from './AgentRow';
import { agentLiveState, type AgentRecord } from './agentState';
import { AgentsQuery } from './operations';
import { useAgentsToday } from './useAgentsToday';

/** The agents grid is for supervisors (read) and admins (create, edit, delete); agents are refused. */
export function Agents() {
  const session = useSession();
  if (!isSupervisor(session)) return <ErrorMessage>The agents list is for supervisors and admins.</ErrorMessage>;
  return <AgentsView canEdit={isAdmin(session)} />;
}

function AgentsView({ canEdit }: { canEdit: boolean }) {
  const [result, refetch] = useQuery({ query: AgentsQuery, requestPolicy: 'cache-and-network' });
  const board = useLiveBoard();
  const today = useAgentsToday(board.state.ended.length);
  // null: no form; 'new': the create form; an agent: its edit form.
  const [editing, setEditing] = useState<AgentRecord | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  function done(text: string | null) {
    setEditing(null);
    if (text) {
      setMessage(text);
      refetch({ requestPolicy: 'network-only' });
    }
  }

  const agents = result.data?.agents;
  return (
    <>
      <h1>Agents</h1>
      <div className="toolbar">
        {canEdit ? <button type="button" onClick={() => setEditing('new')} disabled={editing !== null}>New agent</button>
          : <span className="muted">Only admins can add, change or delete agents.</span>}
        {message && <span role="status" data-testid="agents-message">{message}</span>}
      </div>
      {editing !== null && <AgentForm key={editing === 'new' ? 'new' : editing.id} agent={editing === 'new' ? null : editing} onDone={done} />}
      {result.error && <ErrorMessage>{describeError(result.error)}</ErrorMessage>}
      {board.error && <ErrorMessage>Live state: {board.error}</ErrorMessage>}
      {today.error && <ErrorMessage>Today's figures: {describeError(today.error)}</ErrorMessage>}
      {!agents ? (!result.error && <Loading what="agents" />) : agents.length === 0 ? <Empty>No agents yet.</Empty> : (
        <div className="table-wrap">
          <table data-testid="agents-table">
            <caption>Agents, their state now and today's calls</caption>
            <thead>
              <tr>
                <th scope="col">Extension</th><th scope="col">Name</th><th scope="col">Now</th><th scope="col">Calls today</th>
                <th scope="col">Answered</th><th scope="col">Missed</th><th scope="col">Avg talk</th>{canEdit && <th scope="col">Manage</th>}
              </tr>
            </thead>
            <tbody>
              {agents.map((agent) => (
                <AgentRow key={agent.id} agent={agent} state={agentLiveState(agent, board.state.live.values())} today={today.byExtension.get(agent.extension)}
                  canEdit={canEdit} onEdit={() => setEditing(agent)} onDeleted={done} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
