import { Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AspectSpread, DraftClip, DraftMark, ReviewDraft } from '../../../../../shared/contract/ipc/review-channels';
import type { Aspect } from '../../../../../shared/domain/scheme/aspect';
import type { MarkingScheme } from '../../../../../shared/domain/scheme/marking-scheme';
import { AspectCard } from './AspectCard';
import type { PreviewOf } from './preview-cache';
import { ScoreSummary } from './ScoreSummary';
import { useStoreSelector, type ValueStore } from './value-store';
import { VetoPanel } from './VetoPanel';

export interface ScoringPanelProps {
  scheme: MarkingScheme;
  draftStore: ValueStore<ReviewDraft>;
  previewOf: PreviewOf;
  spreads: readonly AspectSpread[];
  readOnly: boolean;
  onFocus: (aspectId: string) => void;
  onValue: (aspectId: string, value: DraftMark['value']) => void;
  onRationale: (aspectId: string, text: string) => void;
  onVetoHit: (vetoId: string, hit: boolean) => void;
  onVetoRationale: (vetoId: string, text: string) => void;
  onReplay: (clip: DraftClip) => void;
}

/**
 * The scheme's criteria and aspects with the live result on top (issue 5 item 4). The panel itself never re-renders
 * while scoring (its props are stable); each part below selects what it shows from the draft store, so a key
 * repaints the scored row, the totals and that criterion's subtotal only.
 */
export const ScoringPanel = memo(function ScoringPanel(props: ScoringPanelProps) {
  const { scheme, draftStore, previewOf } = props;
  return (
    <div className="osea-scoring" data-testid="scoring-panel">
      <LiveScoreSummary scheme={scheme} draftStore={draftStore} previewOf={previewOf} />
      {scheme.criteria.map((criterion) => (
        <div key={criterion.id} className="osea-criterion" data-testid={`criterion-${criterion.id}`}>
          <div className="osea-criterion__head">
            <Typography.Title level={5} style={{ margin: 0 }}>{criterion.id} {criterion.title}</Typography.Title>
            <CriterionSubtotal criterionId={criterion.id} draftStore={draftStore} previewOf={previewOf} />
          </div>
          {criterion.aspects.map((aspect) => (
            <AspectRow
              key={aspect.id}
              aspect={aspect}
              draftStore={draftStore}
              previewOf={previewOf}
              spread={props.spreads.find((spread) => spread.aspectId === aspect.id)}
              readOnly={props.readOnly}
              onFocus={props.onFocus}
              onValue={props.onValue}
              onRationale={props.onRationale}
              onReplay={props.onReplay}
            />
          ))}
        </div>
      ))}
      <LiveVetoPanel
        scheme={scheme}
        draftStore={draftStore}
        readOnly={props.readOnly}
        onHit={props.onVetoHit}
        onRationale={props.onVetoRationale}
        onReplay={props.onReplay}
      />
    </div>
  );
});

type Live = { draftStore: ValueStore<ReviewDraft>; previewOf: PreviewOf };

function LiveScoreSummary({ scheme, draftStore, previewOf }: Live & { scheme: MarkingScheme }) {
  const score = useStoreSelector(draftStore, (draft) => previewOf(draft).score);
  return <ScoreSummary scheme={scheme} score={score} />;
}

function CriterionSubtotal({ criterionId, draftStore, previewOf }: Live & { criterionId: string }) {
  const { t } = useTranslation();
  const criterion = (draft: ReviewDraft) => previewOf(draft).score.criteria.find((c) => c.id === criterionId);
  const subtotal = useStoreSelector(draftStore, (draft) => criterion(draft)?.subtotal ?? 0);
  const max = useStoreSelector(draftStore, (draft) => criterion(draft)?.max ?? 0);
  return <span className="osea-text-secondary">{t('review.scoring.subtotal', { subtotal: subtotal.toFixed(2), max })}</span>;
}

type AspectRowProps = Live & {
  aspect: Aspect;
  spread: AspectSpread | undefined;
  readOnly: boolean;
  onFocus: (aspectId: string) => void;
  onValue: (aspectId: string, value: DraftMark['value']) => void;
  onRationale: (aspectId: string, text: string) => void;
  onReplay: (clip: DraftClip) => void;
};

/** One aspect's slice of the draft: its mark (same object until it changes), result, focus and the clips. */
const AspectRow = memo(function AspectRow({ draftStore, previewOf, ...props }: AspectRowProps) {
  const id = props.aspect.id;
  const result = (draft: ReviewDraft) => previewOf(draft).score.aspects.find((aspect) => aspect.id === id);
  const mark = useStoreSelector(draftStore, (draft) => draft.marks.find((m) => m.aspectId === id));
  const awarded = useStoreSelector(draftStore, (draft) => result(draft)?.awarded ?? 0);
  const vetoed = useStoreSelector(draftStore, (draft) => result(draft)?.vetoed ?? false);
  const focused = useStoreSelector(draftStore, (draft) => !props.readOnly && draft.focusedAspectId === id);
  const clips = useStoreSelector(draftStore, (draft) => draft.clips);
  return <AspectCard {...props} mark={mark} awarded={awarded} vetoed={vetoed} focused={focused} allClips={clips} />;
});

function LiveVetoPanel({ draftStore, ...props }: Omit<React.ComponentProps<typeof VetoPanel>, 'vetoHits' | 'clips'> & { draftStore: ValueStore<ReviewDraft> }) {
  const vetoHits = useStoreSelector(draftStore, (draft) => draft.vetoHits);
  const clips = useStoreSelector(draftStore, (draft) => draft.clips);
  return <VetoPanel {...props} vetoHits={vetoHits} clips={clips} />;
}
