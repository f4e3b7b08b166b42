import { formatDuration, formatPercent } from '../../format/format';
import type { StatsRow } from './statsSeries';

interface Props {
  caption: string;
  keyHeader: string;
  rows: readonly StatsRow[];
  /** The group's key in words (an extension as the agent's name, a direction as a label). */
  describe: (key: string) => string;
  testId: string;
}

/** One row per group: counts, average wait and talk, service level. */
export function StatsTable({ caption, keyHeader, rows, describe, testId }: Props) {
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th><th scope="col">Calls</th><th scope="col">Answered</th><th scope="col">Missed</th>
            <th scope="col">Busy</th><th scope="col">Failed</th><th scope="col">Avg wait</th><th scope="col">Avg talk</th><th scope="col">Service level</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && <tr><td colSpan={9} className="muted">No calls.</td></tr>}
          {rows.map((r) => (
            <tr key={r.key} data-testid={`${testId}-row`} data-key={r.key}>
              <th scope="row">{describe(r.key)}</th><td>{r.total}</td><td>{r.answered}</td><td>{r.missed}</td><td>{r.busy}</td><td>{r.failed}</td>
              <td>{formatDuration(r.averageWaitSeconds)}</td><td>{formatDuration(r.averageTalkSeconds)}</td><td>{formatPercent(r.serviceLevel)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
