import { levelLabels, type Level } from './thresholds';

interface Props {
  label: string;
  value: string;
  level: Level;
  /** A line under the value, e.g. "12% of today's calls". */
  detail?: string;
  testId: string;
}

const icons: Record<Level, string> = { ok: '✓', warn: '!', alert: '‼', neutral: '' };

/** One figure, big: the level is colour, an icon and a word, so it reads without colour too. */
export function WallboardTile({ label, value, level, detail, testId }: Props) {
  return (
    <section className={`wb-tile wb-${level}`} data-testid={testId} data-level={level} aria-label={`${label}: ${value}${level === 'neutral' ? '' : `, ${levelLabels[level]}`}`}>
      <h2 className="wb-label">{label}</h2>
      <p className="wb-value" data-testid={`${testId}-value`}>{value}</p>
      <p className="wb-level">
        {level !== 'neutral' && <><span aria-hidden="true">{icons[level]} </span>{levelLabels[level]}</>}
        {detail && <span className="wb-detail">{level !== 'neutral' ? ' · ' : ''}{detail}</span>}
      </p>
    </section>
  );
}
