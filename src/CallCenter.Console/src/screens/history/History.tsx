import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/AuthContext';
import { isSupervisor } from '../../auth/token';
import { Empty, ErrorMessage, Loading } from '../../components/States';
import { describeError } from '../../graphql/errors';
import { CsvExportButton } from './CsvExportButton';
import { HistoryFilters } from './HistoryFilters';
import { HistoryTable } from './HistoryTable';
import { parseHistoryParams, withParam } from './historyParams';
import { useHistory } from './useHistory';

export function History() {
  const session = useSession();
  const supervisor = isSupervisor(session);
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const query = useMemo(() => parseHistoryParams(new URLSearchParams(key)), [key]);
  const history = useHistory(query);
  const { pageInfo } = history;
  return (
    <>
      <h1>Call history</h1>
      <HistoryFilters params={params} supervisor={supervisor} onApply={setParams} />
      <div className="toolbar">
        <span data-testid="history-total" aria-live="polite">
          {history.totalCount === null ? '' : `${history.totalCount} call${history.totalCount === 1 ? '' : 's'}`}
        </span>
        {history.unseen > 0 && (
          <button type="button" onClick={history.reload}>{history.unseen} new or changed call{history.unseen === 1 ? '' : 's'}: refresh</button>
        )}
        <CsvExportButton filter={query.filter} order={query.order} />
      </div>
      {history.error && <ErrorMessage>{describeError(history.error)}</ErrorMessage>}
      {history.fetching && history.rows.length === 0 ? <Loading what="calls" />
        : history.rows.length === 0 ? (!history.error && <Empty>No call matches these filters.</Empty>)
        : <HistoryTable rows={history.rows} />}
      <nav className="pager" aria-label="Pages">
        <button type="button" disabled={!(pageInfo?.hasPreviousPage || query.page.after) || !pageInfo?.startCursor}
          onClick={() => setParams(withParam(params, 'before', pageInfo?.startCursor ?? null))}>← Previous page</button>
        <button type="button" disabled={!(pageInfo?.hasNextPage || query.page.before) || !pageInfo?.endCursor}
          onClick={() => setParams(withParam(params, 'after', pageInfo?.endCursor ?? null))}>Next page →</button>
      </nav>
    </>
  );
}
