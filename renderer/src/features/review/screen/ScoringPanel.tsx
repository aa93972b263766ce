import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AspectSpread, DraftClip, DraftMark, ReviewDraft } from '../../../../../shared/contract/ipc/review-channels';
import type { MarkingScheme } from '../../../../../shared/domain/scheme/marking-scheme';
import type { SheetScore } from '../../../../../shared/domain/scoring/score-mark-sheet';
import { AspectCard } from './AspectCard';
import { ScoreSummary } from './ScoreSummary';
import { VetoPanel } from './VetoPanel';

export interface ScoringPanelProps {
  scheme: MarkingScheme;
  draft: ReviewDraft;
  score: SheetScore;
  spreads: readonly AspectSpread[];
  readOnly: boolean;
  onFocus: (aspectId: string) => void;
  onValue: (aspectId: string, value: DraftMark['value']) => void;
  onRationale: (aspectId: string, text: string) => void;
  onVetoHit: (vetoId: string, hit: boolean) => void;
  onVetoRationale: (vetoId: string, text: string) => void;
  onReplay: (clip: DraftClip) => void;
}

/** The scheme's criteria and aspects with the live result on top (issue 5 item 4). */
export function ScoringPanel(props: ScoringPanelProps) {
  const { t } = useTranslation();
  const { scheme, draft, score } = props;
  return (
    <div className="osea-scoring" data-testid="scoring-panel">
      <ScoreSummary scheme={scheme} score={score} />
      {scheme.criteria.map((criterion) => {
        const subtotal = score.criteria.find((c) => c.id === criterion.id);
        return (
          <div key={criterion.id} className="osea-criterion" data-testid={`criterion-${criterion.id}`}>
            <div className="osea-criterion__head">
              <Typography.Title level={5} style={{ margin: 0 }}>{criterion.id} {criterion.title}</Typography.Title>
              <Typography.Text type="secondary">{t('review.scoring.subtotal', { subtotal: (subtotal?.subtotal ?? 0).toFixed(2), max: subtotal?.max ?? 0 })}</Typography.Text>
            </div>
            {criterion.aspects.map((aspect) => (
              <AspectCard
                key={aspect.id}
                aspect={aspect}
                mark={draft.marks.find((mark) => mark.aspectId === aspect.id)}
                awarded={score.aspects.find((result) => result.id === aspect.id)?.awarded ?? 0}
                vetoed={score.aspects.find((result) => result.id === aspect.id)?.vetoed ?? false}
                allClips={draft.clips}
                spread={props.spreads.find((spread) => spread.aspectId === aspect.id)}
                focused={!props.readOnly && draft.focusedAspectId === aspect.id}
                readOnly={props.readOnly}
                onFocus={props.onFocus}
                onValue={props.onValue}
                onRationale={props.onRationale}
                onReplay={props.onReplay}
              />
            ))}
          </div>
        );
      })}
      <VetoPanel
        scheme={scheme}
        draft={draft}
        readOnly={props.readOnly}
        onHit={props.onVetoHit}
        onRationale={props.onVetoRationale}
        onReplay={props.onReplay}
      />
    </div>
  );
}
