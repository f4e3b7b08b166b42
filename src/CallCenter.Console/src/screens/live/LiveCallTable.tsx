import type { LiveCall } from './liveBoardState';
import { LiveCallRow } from './LiveCallRow';

interface Props {
  caption: string;
  calls: readonly LiveCall[];
  now: number;
  longWaitSeconds: number;
  controls: boolean;
  testId: string;
}

export function LiveCallTable({ caption, calls, now, longWaitSeconds, controls, testId }: Props) {
  return (
    <div className="table-wrap">
      <table className="live-calls" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Time</th>
            <th scope="col">Caller</th>
            <th scope="col">Contact</th>
            <th scope="col">Agent</th>
            <th scope="col">Direction</th>
            <th scope="col">Started</th>
            <th scope="col">{controls ? 'Control' : 'Call back'}</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((call) => <LiveCallRow key={call.id} call={call} now={now} longWaitSeconds={longWaitSeconds} controls={controls} />)}
        </tbody>
      </table>
    </div>
  );
}
