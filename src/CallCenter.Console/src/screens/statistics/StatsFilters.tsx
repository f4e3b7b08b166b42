import { useState, type FormEvent } from 'react';
import { type StatsParams } from './statsParams';
import { addDays, isValidTimeZone, todayIn } from './timeZones';

interface Props {
  params: StatsParams;
  onApply: (next: StatsParams) => void;
}

// Chromium's list leaves out UTC itself.
const zones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
const presets: Array<[string, number]> = [['Today', 1], ['Last 7 days', 7], ['Last 30 days', 30]];

/** Period (whole days in the chosen zone), time zone and service-level threshold. */
export function StatsFilters({ params, onApply }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const timeZone = String(form.get('tz') ?? '').trim();
    const sl = Number(form.get('sl'));
    if (!isValidTimeZone(timeZone)) return setProblem(`Unknown time zone "${timeZone}" (an IANA name such as Asia/Tashkent).`);
    if (!Number.isFinite(sl) || sl < 0) return setProblem('The service-level threshold is a number of seconds, 0 or more.');
    setProblem(null);
    onApply({ from: String(form.get('from')), to: String(form.get('to')), timeZone, serviceLevelSeconds: sl });
  }
  function preset(days: number) {
    const to = todayIn(params.timeZone);
    onApply({ ...params, from: addDays(to, 1 - days), to });
  }
  return (
    <form className="filters" onSubmit={submit} aria-label="Statistics period" key={JSON.stringify(params)}>
      <label>First day <input type="date" name="from" required defaultValue={params.from} /></label>
      <label>Last day <input type="date" name="to" required defaultValue={params.to} /></label>
      <label>Time zone
        <input name="tz" list="time-zones" required defaultValue={params.timeZone} autoComplete="off" />
        <datalist id="time-zones">{zones.map((z) => <option key={z} value={z} />)}</datalist>
      </label>
      <label>Service level: answered within (s)
        <input type="number" name="sl" min={0} step={1} required defaultValue={params.serviceLevelSeconds} />
      </label>
      <div className="filter-actions">
        <button type="submit">Show</button>
        {presets.map(([label, days]) => <button type="button" key={label} onClick={() => preset(days)}>{label}</button>)}
      </div>
      {problem && <p role="alert" className="error">{problem}</p>}
    </form>
  );
}
