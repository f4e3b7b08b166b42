import { useEffect, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import { formatDuration } from '../../format/format';
import { fetchPeaks } from './peaks';

/** The waveform is decoded from one full download only up to this size; larger recordings show a flat line. */
export const waveformMaxBytes = 8 * 1024 * 1024;
const speeds = [0.75, 1, 1.25, 1.5, 2];

interface Props {
  url: string;
  sizeBytes: number | null | undefined;
  durationSeconds: number | null | undefined;
  /** Signed links are short-lived: asks for a fresh one when the audio can no longer be read. */
  onExpired: () => void;
}

/**
 * The audio element streams the signed link itself (HTTP Range requests, so seeking does not download the file);
 * wavesurfer draws on top of that element, from peaks computed here.
 */
export function RecordingPlayer({ url, sizeBytes, durationSeconds, onExpired }: Props) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const waveRef = useRef<HTMLDivElement>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(durationSeconds ?? 0);
  const [speed, setSpeed] = useState(1);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const audio = audioRef.current;
    const container = waveRef.current;
    if (!audio || !container) return;
    const styles = getComputedStyle(document.documentElement);
    const wave = WaveSurfer.create({
      container, media: audio, height: 64, dragToSeek: true,
      // Phone recordings are often quiet: scale the loudest peak to full height so the shape shows.
      normalize: true,
      waveColor: styles.getPropertyValue('--muted').trim() || '#888', progressColor: styles.getPropertyValue('--accent').trim() || '#06c',
    });
    // wavesurfer draws peaks it is given and fetches nothing; the element plays the link itself (Range requests).
    // Its own src is passed as an absolute URL: wavesurfer then sees the source unchanged and leaves the element be.
    // A new load() is the way to redraw: setOptions({ peaks }) replaces the data but redraws the old (flat) line,
    // which is why the waveform stayed flat.
    const source = audio.src;
    const draw = (peaks: number[], duration: number | undefined) => wave.load(source, [peaks], duration).catch(() => undefined);
    void draw([0, 0], durationSeconds ?? undefined);
    const download = new AbortController();
    if (sizeBytes !== null && sizeBytes !== undefined && sizeBytes <= waveformMaxBytes) {
      fetchPeaks(url, 2000, download.signal)
        .then(({ peaks, duration }) => draw(peaks, duration))
        // The flat line stays; playback does not depend on it.
        .catch((error: unknown) => { if (!download.signal.aborted) console.warn('waveform not drawn:', error); });
    }
    return () => {
      download.abort();
      wave.destroy();
    };
  }, [url, sizeBytes, durationSeconds]);

  useEffect(() => {
    if (audioRef.current) audioRef.current.playbackRate = speed;
  }, [speed]);

  const seek = (to: number) => {
    const audio = audioRef.current;
    if (audio) audio.currentTime = Math.max(0, Math.min(duration || audio.duration || 0, to));
  };
  return (
    <section className="player" aria-label="Recording">
      <audio ref={audioRef} src={url} preload="metadata" data-testid="recording-audio"
        onPlay={() => setPlaying(true)} onPause={() => setPlaying(false)}
        onTimeUpdate={(e) => setTime(e.currentTarget.currentTime)}
        onLoadedMetadata={(e) => Number.isFinite(e.currentTarget.duration) && setDuration(e.currentTarget.duration)}
        onError={() => setError('The recording could not be loaded (the link may have expired).')} />
      <div ref={waveRef} className="waveform" data-testid="waveform" />
      <div className="player-controls">
        <button type="button" onClick={() => seek(time - 10)} aria-label="Back 10 seconds">−10 s</button>
        <button type="button" onClick={() => (playing ? audioRef.current?.pause() : void audioRef.current?.play())}>{playing ? 'Pause' : 'Play'}</button>
        <button type="button" onClick={() => seek(time + 10)} aria-label="Forward 10 seconds">+10 s</button>
        <label>Position
          <input type="range" min={0} max={Math.max(duration, 0.1)} step={0.1} value={Math.min(time, duration)}
            onChange={(e) => seek(Number(e.target.value))} aria-valuetext={`${formatDuration(time)} of ${formatDuration(duration)}`} />
        </label>
        <span className="timer" data-testid="player-time">{formatDuration(time)} / {formatDuration(duration)}</span>
        <label>Speed
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {speeds.map((s) => <option key={s} value={s}>{s}×</option>)}
          </select>
        </label>
        <a href={url} download>Download</a>
      </div>
      {error && <p role="alert" className="error">{error} <button type="button" onClick={() => { setError(null); onExpired(); }}>Get a fresh link</button></p>}
    </section>
  );
}
