import { useTranslation } from 'react-i18next';
import { rangeOnStrip, type InOut, type PlayerMark } from './mark-navigation';

interface MarksStripProps {
  frameCount: number;
  frame: number | null;
  inOut: InOut;
  marks: readonly PlayerMark[];
  onJump: (frame: number) => void;
}

const percent = (fraction: number): string => `${(fraction * 100).toFixed(4)}%`;

/** The timeline under the picture: in–out range, evidence marks (click → the mark's first frame), playhead. */
export function MarksStrip({ frameCount, frame, inOut, marks, onJump }: MarksStripProps): React.JSX.Element {
  const { t } = useTranslation();
  const onStripClick = (event: React.MouseEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget) return;
    const box = event.currentTarget.getBoundingClientRect();
    onJump(Math.floor(((event.clientX - box.left) / Math.max(1, box.width)) * frameCount));
  };
  const range =
    inOut.inFrame !== null || inOut.outFrame !== null
      ? rangeOnStrip(inOut.inFrame ?? 0, inOut.outFrame ?? frameCount - 1, frameCount)
      : null;
  return (
    <div className="osea-player__strip" data-testid="marks-strip" aria-label={t('player.marksStrip')} onClick={onStripClick}>
      {range && (
        <div
          className="osea-player__strip-inout"
          data-testid="marks-strip-inout"
          style={{ left: percent(range.left), width: percent(range.width) }}
        />
      )}
      {marks.map((mark) => {
        const place = rangeOnStrip(mark.fromFrame, mark.toFrame, frameCount);
        return (
          <button
            type="button"
            key={mark.id}
            className="osea-player__strip-mark"
            data-testid={`mark-${mark.id}`}
            title={t('player.jumpToMark', { label: mark.label, frame: mark.fromFrame })}
            style={{ left: percent(place.left), width: `max(4px, ${percent(place.width)})` }}
            onClick={() => onJump(mark.fromFrame)}
          >
            <span className="osea-player__strip-label">{mark.label}</span>
          </button>
        );
      })}
      {frame !== null && (
        <div className="osea-player__strip-head" style={{ left: percent(rangeOnStrip(frame, frame, frameCount).left) }} />
      )}
    </div>
  );
}
