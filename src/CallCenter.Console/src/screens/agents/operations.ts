import { graphql } from '../../gql';

export const AgentAdminFieldsFragment = graphql(`
  fragment AgentAdminFields on Agent { ...AgentFields email active }
`);

export const AgentsQuery = graphql(`
  query Agents { agents { ...AgentAdminFields } }
`);

export const AgentsTodayQuery = graphql(`
  query AgentsToday($from: DateTimeOffset!, $until: DateTimeOffset!, $timeZone: String) {
    callStats(from: $from, until: $until, groupBy: AGENT, timeZone: $timeZone) { ...CallStatsFields }
  }
`);

export const CreateAgentMutation = graphql(`
  mutation CreateAgent($input: AgentInput!) { createAgent(input: $input) { ...AgentAdminFields } }
`);

export const UpdateAgentMutation = graphql(`
  mutation UpdateAgent($id: ID!, $input: AgentInput!) { updateAgent(id: $id, input: $input) { ...AgentAdminFields } }
`);

export const DeleteAgentMutation = graphql(`
  mutation DeleteAgent($id: ID!) { deleteAgent(id: $id) }
`);
