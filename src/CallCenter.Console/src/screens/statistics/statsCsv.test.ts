import { describe, expect, it } from 'vitest';
import { statsToCsv } from './statsCsv';

describe('statistics CSV', () => {
  it('has one row per group, tagged by grouping, with the zone and threshold', () => {
    const row = { key: '1001', total: 3, answered: 2, missed: 1, busy: 0, failed: 0, answeredWithinServiceLevel: 1, serviceLevel: 1 / 3, averageWaitSeconds: 12.5, averageTalkSeconds: null };
    const csv = statsToCsv({ daily: [], hourly: [], byAgent: [row, { ...row, key: '' }], byDirection: [{ ...row, key: 'INBOUND' }] },
      { from: '2026-02-01', to: '2026-02-01', timeZone: 'Asia/Tashkent', serviceLevelSeconds: 20 });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('group,key,total,answered,missed,busy,failed,answered_within_service_level,service_level,average_wait_seconds,average_talk_seconds,time_zone,service_level_seconds');
    expect(lines[1]).toBe(`agent,1001,3,2,1,0,0,1,${1 / 3},12.5,,Asia/Tashkent,20`);
    expect(lines[2]?.startsWith('agent,,3')).toBe(true);
    expect(lines[3]?.startsWith('direction,INBOUND,')).toBe(true);
    expect(lines).toHaveLength(4);
  });
});
