import { formatDuration } from '../../format/format';

interface Props {
  ringSeconds: number | null | undefined;
  talkSeconds: number | null | undefined;
  holdSeconds: number;
}

/** The call's time as a bar: ring, talk without hold, hold; each part also as text. */
export function TimeSplit({ ringSeconds, talkSeconds, holdSeconds }: Props) {
  const ring = ringSeconds ?? 0;
  const hold = Math.min(holdSeconds, talkSeconds ?? 0);
  const talk = Math.max(0, (talkSeconds ?? 0) - hold);
  const total = ring + talk + hold;
  const part = (seconds: number) => `${total > 0 ? (seconds / total) * 100 : 0}%`;
  return (
    <figure className="split">
      <div className="split-bar" aria-hidden="true">
        <span className="split-ring" style={{ width: part(ring) }} />
        <span className="split-talk" style={{ width: part(talk) }} />
        <span className="split-hold" style={{ width: part(hold) }} />
      </div>
      <figcaption>
        <span><span className="key split-ring" aria-hidden="true" /> Ring {formatDuration(ring)}</span>
        <span><span className="key split-talk" aria-hidden="true" /> Talk {formatDuration(talk)}</span>
        <span><span className="key split-hold" aria-hidden="true" /> Hold {formatDuration(hold)}</span>
      </figcaption>
    </figure>
  );
}
