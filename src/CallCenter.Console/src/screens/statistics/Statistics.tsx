import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../auth/AuthContext';
import { isSupervisor } from '../../auth/token';
import { Empty, ErrorMessage, Loading } from '../../components/States';
import { directionLabels, formatDuration, formatPercent } from '../../format/format';
import type { CallDirection } from '../../gql/graphql';
import { describeError } from '../../graphql/errors';
import { AgentsQuery } from '../agents/operations';
import { downloadText } from '../history/exportCsv';
import { Tile } from '../live/StatsStrip';
import { StatisticsQuery } from './operations';
import { statsToCsv } from './statsCsv';
import { StatsChart } from './StatsChart';
import { StatsFilters } from './StatsFilters';
import { parseStatsParams, statsParamsProblem, statsSearch, statsVariables, type StatsParams } from './statsParams';
import { dailySeries, hourOfDaySeries, totalsOf, type StatsRow } from './statsSeries';
import { StatsTable } from './StatsTable';

/** Statistics are supervisors' and admins' (the API refuses callStats to agents). */
export function Statistics() {
  const session = useSession();
  if (!isSupervisor(session)) return <ErrorMessage>Statistics are for supervisors and admins.</ErrorMessage>;
  return <StatisticsView />;
}

function StatisticsView() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseStatsParams(search), [search]);
  const problem = statsParamsProblem(params);
  const variables = useMemo(() => statsVariables(params), [params]);
  const [result] = useQuery({ query: StatisticsQuery, variables, pause: problem !== null, requestPolicy: 'cache-and-network' });
  const [agents] = useQuery({ query: AgentsQuery });
  const data = result.data;
  const hourly = useMemo(() => hourOfDaySeries(data?.hourly ?? []), [data]);
  const daily = useMemo(() => dailySeries(data?.daily ?? [], params.from, params.to), [data, params.from, params.to]);
  // DIRECTION keys come as the database stores them ("inbound"); shown and exported as the schema's enum names.
  const byDirection = useMemo(() => (data?.byDirection ?? []).map((row) => ({ ...row, key: row.key.toUpperCase() })), [data]);
  const names = new Map((agents.data?.agents ?? []).map((a) => [a.extension, `${a.name} (${a.extension})`]));
  const apply = (next: StatsParams) => setSearch(statsSearch(next));

  return (
    <>
      <h1>Statistics</h1>
      <StatsFilters params={params} onApply={apply} />
      {problem && <ErrorMessage>{problem}</ErrorMessage>}
      {result.error && <ErrorMessage>{describeError(result.error)}</ErrorMessage>}
      {!data ? (!problem && !result.error && <Loading what="statistics" />) : (
        <section aria-label="Figures" data-testid="statistics" data-stale={result.stale || result.fetching}>
          <Summary rows={data.daily} serviceLevelSeconds={params.serviceLevelSeconds} />
          <div className="toolbar">
            <span className="muted">{params.from} – {params.to}, {params.timeZone}</span>
            <button type="button" onClick={() => downloadText(statsToCsv({ ...data, byDirection }, params), `call-stats-${params.from}-${params.to}.csv`, 'text/csv;charset=utf-8')}>
              Export CSV
            </button>
          </div>
          {data.daily.length === 0 ? <Empty>No calls in this period.</Empty> : (
            <div className="charts">
              <StatsChart title="Calls by hour of the day" keyHeader="Hour" series={hourly} serviceLevelLine={false} testId="hourly-chart" />
              <StatsChart title="Calls by day, with the service level" keyHeader="Day" series={daily} serviceLevelLine testId="daily-chart" />
            </div>
          )}
          <StatsTable caption="By agent" keyHeader="Agent" rows={data.byAgent} testId="by-agent"
            describe={(key) => (key === '' ? 'No agent' : names.get(key) ?? key)} />
          <StatsTable caption="By direction" keyHeader="Direction" rows={byDirection} testId="by-direction"
            describe={(key) => directionLabels[key as CallDirection] ?? key} />
        </section>
      )}
    </>
  );
}

function Summary({ rows, serviceLevelSeconds }: { rows: readonly StatsRow[]; serviceLevelSeconds: number }) {
  const t = totalsOf(rows);
  return (
    <div className="strip" aria-label="Totals">
      <Tile label="Calls" value={String(t.total)} testId="stats-total" />
      <Tile label="Answered" value={String(t.answered)} testId="stats-answered" />
      <Tile label="Missed" value={String(t.missed)} testId="stats-missed" />
      <Tile label="Busy / failed" value={`${t.busy} / ${t.failed}`} testId="stats-busy-failed" />
      <Tile label={`Service level (≤ ${serviceLevelSeconds} s)`} value={formatPercent(t.serviceLevel)} testId="stats-service-level" />
      <Tile label="Average wait" value={formatDuration(t.averageWaitSeconds)} testId="stats-average-wait" />
      <Tile label="Average talk" value={formatDuration(t.averageTalkSeconds)} testId="stats-average-talk" />
    </div>
  );
}
