import { useState } from 'react';
import { useClient } from 'urql';
import type { CallFilter, CallOrder } from '../../gql/graphql';
import { downloadText, exportCallsCsv, exportLimit } from './exportCsv';

export function CsvExportButton({ filter, order }: { filter: CallFilter; order: CallOrder }) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      const csv = await exportCallsCsv(client, filter, order);
      downloadText(csv, `calls-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.csv`, 'text/csv;charset=utf-8');
    } catch (e) {
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" onClick={run} disabled={busy} title={`The filtered list, up to ${exportLimit} calls`}>
        {busy ? 'Exporting…' : 'Export CSV'}
      </button>
      {error && <span role="alert" className="error">{error}</span>}
    </>
  );
}
