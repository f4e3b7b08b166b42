/** Largest absolute sample per bucket: a waveform of <paramref name="buckets"/> points from PCM samples. */
export function computePeaks(samples: Float32Array, buckets: number): number[] {
  if (samples.length === 0 || buckets <= 0) return [];
  const count = Math.min(buckets, samples.length);
  const size = samples.length / count;
  const peaks = new Array<number>(count);
  for (let b = 0; b < count; b++) {
    let max = 0;
    const end = Math.min(samples.length, Math.floor((b + 1) * size));
    for (let i = Math.floor(b * size); i < end; i++) {
      const value = Math.abs(samples[i] ?? 0);
      if (value > max) max = value;
    }
    peaks[b] = max;
  }
  return peaks;
}

/** Downloads and decodes the audio once, for the waveform only (playback streams separately). */
export async function fetchPeaks(url: string, buckets: number, signal: AbortSignal): Promise<{ peaks: number[]; duration: number }> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const context = new OfflineAudioContext(1, 1, 8000);
  const buffer = await context.decodeAudioData(await response.arrayBuffer());
  return { peaks: computePeaks(buffer.getChannelData(0), buckets), duration: buffer.duration };
}
