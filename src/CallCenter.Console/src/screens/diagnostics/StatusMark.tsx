import type { DiagnosticStatus, ProbeHopStatus } from '../../gql/graphql';

const labels: Record<DiagnosticStatus | ProbeHopStatus, string> = {
  OK: 'OK',
  WARNING: 'Warning',
  FAILED: 'Failed',
  PASSED: 'Passed',
  WAITING: 'Waiting…',
  NOT_REACHED: 'Not reached',
};

/** A status as colour and text, never colour alone. */
export function StatusMark({ status }: { status: DiagnosticStatus | ProbeHopStatus }) {
  return <span className={`badge diag-${status.toLowerCase()}`} data-status={status}>{labels[status]}</span>;
}
