import { graphql } from '../../gql';

export const DiagnosticsQuery = graphql(`
  query Diagnostics {
    diagnostics {
      name
      status
      summary
      evidence { label value }
      fix
      checkedAt
    }
  }
`);

export const ProbeFieldsFragment = graphql(`
  fragment ProbeFields on CallPathProbe {
    id
    context
    number
    startedAt
    finished
    completed
    stoppedAt
    callId
    hops { name status at elapsedMilliseconds evidence fix }
  }
`);

export const RunCallPathProbeMutation = graphql(`
  mutation RunCallPathProbe {
    runCallPathProbe { ...ProbeFields }
  }
`);

export const CallPathProbeQuery = graphql(`
  query CallPathProbe($id: ID!) {
    callPathProbe(id: $id) { ...ProbeFields }
  }
`);
