import { csvField } from '../history/historyCsv';
import type { StatsParams } from './statsParams';
import type { StatsRow } from './statsSeries';

export interface StatsSections {
  daily: readonly StatsRow[];
  hourly: readonly StatsRow[];
  byAgent: readonly StatsRow[];
  byDirection: readonly StatsRow[];
}

const header = ['group', 'key', 'total', 'answered', 'missed', 'busy', 'failed', 'answered_within_service_level', 'service_level',
  'average_wait_seconds', 'average_talk_seconds', 'time_zone', 'service_level_seconds'];

/** Every grouping of the period in one file, one row per group, tagged by what it groups by. */
export function statsToCsv(sections: StatsSections, params: StatsParams): string {
  const lines = [header.join(',')];
  const groups: Array<[string, readonly StatsRow[]]> = [['day', sections.daily], ['hour', sections.hourly], ['agent', sections.byAgent], ['direction', sections.byDirection]];
  for (const [group, rows] of groups) {
    for (const r of rows) {
      lines.push([group, r.key, r.total, r.answered, r.missed, r.busy, r.failed, r.answeredWithinServiceLevel, r.serviceLevel,
        r.averageWaitSeconds, r.averageTalkSeconds, params.timeZone, params.serviceLevelSeconds].map(csvField).join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}
