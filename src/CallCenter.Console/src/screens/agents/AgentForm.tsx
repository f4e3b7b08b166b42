import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { describeError } from '../../graphql/errors';
import type { AgentRecord } from './agentState';
import { CreateAgentMutation, UpdateAgentMutation } from './operations';

interface Props {
  /** The agent to edit, or null for a new one. */
  agent: AgentRecord | null;
  onDone: (message: string | null) => void;
}

/** Create or edit an agent; the API checks the extension (digits, unique) and says what is wrong. */
export function AgentForm({ agent, onDone }: Props) {
  const [created, create] = useMutation(CreateAgentMutation);
  const [updated, update] = useMutation(UpdateAgentMutation);
  const [error, setError] = useState<string | null>(null);
  const busy = created.fetching || updated.fetching;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const input = { extension: String(form.get('extension') ?? '').trim(), name: String(form.get('name') ?? '').trim(), email: email || null, active: form.get('active') === 'on' };
    const result = agent ? await update({ id: agent.id, input }) : await create({ input });
    if (result.error) return setError(`${agent ? 'Saving' : 'Creating'} the agent failed: ${describeError(result.error)}`);
    onDone(`${agent ? 'Saved' : 'Created'} ${input.name} (${input.extension}).`);
  }

  const title = agent ? `Edit ${agent.name}` : 'New agent';
  return (
    <form className="filters" onSubmit={submit} aria-label={title}>
      <strong>{title}</strong>
      <label>Extension <input name="extension" required inputMode="numeric" pattern="[0-9]+" title="Digits only" defaultValue={agent?.extension ?? ''} /></label>
      <label>Name <input name="name" required defaultValue={agent?.name ?? ''} /></label>
      <label>Email <input name="email" type="email" defaultValue={agent?.email ?? ''} /></label>
      <label className="check"><input type="checkbox" name="active" defaultChecked={agent?.active ?? true} /> Active</label>
      <div className="filter-actions">
        <button type="submit" disabled={busy}>{agent ? 'Save agent' : 'Create agent'}</button>
        <button type="button" onClick={() => onDone(null)}>Cancel</button>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
