import type { FormEvent } from 'react';
import { useQuery } from 'urql';
import { directionLabels, statusLabels } from '../../format/format';
import { allDirections, allStatuses, datePresets } from './historyParams';
import { HistoryAgentsQuery } from './operations';

interface Props {
  params: URLSearchParams;
  supervisor: boolean;
  onApply: (next: URLSearchParams) => void;
}

const textFields = ['number', 'extension', 'company', 'contactId', 'minDuration'] as const;

/** datetime-local wants local "yyyy-MM-ddTHH:mm". */
function localInput(iso: string | null): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The form's values as URL parameters (empty ones left out; paging starts over). */
export function formToParams(form: FormData): URLSearchParams {
  const next = new URLSearchParams();
  const set = (key: string, value: string) => value && next.set(key, value);
  const preset = String(form.get('preset') ?? '');
  if (preset) set('preset', preset);
  else {
    for (const key of ['from', 'until']) {
      const value = String(form.get(key) ?? '');
      if (value) set(key, new Date(value).toISOString());
    }
  }
  set('status', form.getAll('status').join(','));
  set('direction', form.getAll('direction').join(','));
  for (const key of [...textFields, 'agentId', 'hasRecording', 'sort', 'dir']) set(key, String(form.get(key) ?? '').trim());
  return next;
}

export function HistoryFilters({ params, supervisor, onApply }: Props) {
  const [agents] = useQuery({ query: HistoryAgentsQuery, pause: !supervisor });
  const statuses = new Set((params.get('status') ?? '').split(','));
  const directions = new Set((params.get('direction') ?? '').split(','));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(formToParams(new FormData(event.currentTarget)));
  }
  return (
    <form className="filters" onSubmit={submit} aria-label="Filter calls" key={params.toString()}>
      <label>Period
        <select name="preset" defaultValue={params.get('preset') ?? ''}>
          <option value="">Any time / from–until</option>
          {Object.entries(datePresets).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <label>From <input type="datetime-local" name="from" defaultValue={localInput(params.get('from'))} /></label>
      <label>Until <input type="datetime-local" name="until" defaultValue={localInput(params.get('until'))} /></label>
      <fieldset>
        <legend>Status</legend>
        {allStatuses.map((s) => <label key={s} className="check"><input type="checkbox" name="status" value={s} defaultChecked={statuses.has(s)} />{statusLabels[s]}</label>)}
      </fieldset>
      <fieldset>
        <legend>Direction</legend>
        {allDirections.map((d) => <label key={d} className="check"><input type="checkbox" name="direction" value={d} defaultChecked={directions.has(d)} />{directionLabels[d]}</label>)}
      </fieldset>
      <label>Number contains <input name="number" inputMode="tel" defaultValue={params.get('number') ?? ''} /></label>
      {supervisor && (
        <label>Agent
          <select name="agentId" defaultValue={params.get('agentId') ?? ''}>
            <option value="">Any agent</option>
            {agents.data?.agents.map((a) => <option key={a.id} value={a.id}>{a.name} ({a.extension})</option>)}
          </select>
        </label>
      )}
      <label>Extension <input name="extension" defaultValue={params.get('extension') ?? ''} size={6} /></label>
      <label>Company <input name="company" defaultValue={params.get('company') ?? ''} /></label>
      <label>Contact id <input name="contactId" defaultValue={params.get('contactId') ?? ''} size={10} /></label>
      <label>Recording
        <select name="hasRecording" defaultValue={params.get('hasRecording') ?? ''}>
          <option value="">Either</option>
          <option value="true">With recording</option>
          <option value="false">Without recording</option>
        </select>
      </label>
      <label>Min. duration (s) <input name="minDuration" type="number" min={0} step={1} defaultValue={params.get('minDuration') ?? ''} size={5} /></label>
      <label>Sort by
        <select name="sort" defaultValue={params.get('sort') ?? 'STARTED_AT'}>
          <option value="STARTED_AT">Start time</option>
          <option value="DURATION">Duration</option>
        </select>
      </label>
      <label>Order
        <select name="dir" defaultValue={params.get('dir') ?? 'DESC'}>
          <option value="DESC">Descending</option>
          <option value="ASC">Ascending</option>
        </select>
      </label>
      <div className="filter-actions">
        <button type="submit">Apply filters</button>
        <button type="button" onClick={() => onApply(new URLSearchParams())}>Clear</button>
      </div>
    </form>
  );
}
