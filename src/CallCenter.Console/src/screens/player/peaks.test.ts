import { describe, expect, it } from 'vitest';
import { computePeaks } from './peaks';

describe('computePeaks', () => {
  it('keeps the largest magnitude of each bucket', () => {
    const samples = Float32Array.from([0.1, -0.5, 0.2, 0.3, -0.9, 0.4, 0, 0.05]);
    expect(computePeaks(samples, 4).map((p) => Number(p.toFixed(2)))).toEqual([0.5, 0.3, 0.9, 0.05]);
  });

  it('never makes more buckets than samples, and handles no audio', () => {
    expect(computePeaks(Float32Array.from([0.5, -0.25]), 10).map((p) => Number(p.toFixed(2)))).toEqual([0.5, 0.25]);
    expect(computePeaks(new Float32Array(0), 10)).toEqual([]);
  });
});
