import type { DiagnosticsQuery } from '../../gql/graphql';
import { StatusMark } from './StatusMark';

type Check = DiagnosticsQuery['diagnostics'][number];

/** One check: status in colour and text, what it saw, and what to do when it is not OK. */
export function CheckCard({ check }: { check: Check }) {
  return (
    <article className={`check check-${check.status.toLowerCase()}`} data-testid="diagnostic-check" data-check={check.name} data-status={check.status}>
      <header>
        <h3>{check.name}</h3>
        <StatusMark status={check.status} />
      </header>
      <p className="check-summary">{check.summary}</p>
      {check.fix && (
        <div className="check-fix">
          <strong>What to do</strong>
          {check.fix.split('\n').map((line) => <p key={line}>{line}</p>)}
        </div>
      )}
      {check.evidence.length > 0 && (
        <details>
          <summary>Evidence ({check.evidence.length})</summary>
          <dl>
            {check.evidence.map((item, index) => (
              <div key={`${item.label}-${index}`}>
                <dt>{item.label}</dt>
                <dd>{item.value}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </article>
  );
}
