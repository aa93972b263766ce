import { App, Button, Empty, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_REVIEW_DRAFT, type ClipTarget, type DraftClip, type DraftMark, type ReviewDraft, type ReviewTaskDetail } from '../../../../../shared/contract/ipc/review-channels';
import type { MarkingScheme } from '../../../../../shared/domain/scheme/marking-scheme';
import { osea } from '../../../app/bridge/osea';
import { unwrap } from '../../../app/query/invoke-error';
import { FramePlayer, type FramePlayerHandle } from '../../../player/frame-player';
import type { IntegrityProblem } from '../../../player/frame-integrity';
import type { InOut, PlayerMark } from '../../../player/mark-navigation';
import { reviewErrorText } from '../review-error';
import { ConflictDialog } from './ConflictDialog';
import {
  addClip, judgementAspectIds, removeClip, scoreFocused, setMarkRationale, setMarkValue, setVetoHit, setVetoRationale, updateClip,
} from './draft-edits';
import { enterTicks } from './enter-ticks';
import { EvidencePanel } from './EvidencePanel';
import { previewCache, type PreviewOf } from './preview-cache';
import { ReviewBanners } from './ReviewBanners';
import { SaveStatusText } from './SaveStatusText';
import { ScoringPanel } from './ScoringPanel';
import { SubmitDialog } from './SubmitDialog';
import { useSyncEventRefresh } from '../use-sync-event-refresh';
import { useDraftAutosave } from './use-draft-autosave';
import { useRedownload } from './use-redownload';
import { useScoreKeys } from './use-score-keys';
import { useStoreSelector, type ValueStore } from './value-store';
import './review-screen.css';

const NO_IN_OUT: InOut = { inFrame: null, outFrame: null };

export function ReviewWorkspace({ detail, onBack, onChanged }: { detail: ReviewTaskDetail; onBack: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { row, scheme } = detail;
  const writable = row.readOnly === null && detail.decision === null && detail.conflict === null && detail.blocked === null
    && (row.scoring === 'new' || row.scoring === 'draft') && scheme !== null;
  const initial = useMemo(
    () => detail.draft ?? { ...EMPTY_REVIEW_DRAFT, focusedAspectId: scheme ? (judgementAspectIds(scheme)[0] ?? null) : null },
    [detail.draft, scheme],
  );
  const autosave = useDraftAutosave(row.taskId, initial, detail.draftRevision, writable);
  const previewOf = useMemo(() => (scheme ? previewCache(scheme) : null), [scheme]);
  const status = useMemo(() => <SaveStatusText store={autosave.statusStore} writable={writable} />, [autosave.statusStore, writable]);
  const redownload = useRedownload(row.taskId, row.media, onChanged);
  // Waiting for the video (never downloaded, damaged and dropped, or asked again): read the task again as downloads
  // report progress and sync runs, so the player appears once both files are in. Off while the player shows.
  useSyncEventRefresh(onChanged, detail.blocked === 'mediaMissing');

  return (
    <section data-testid="page-review" data-task-id={row.taskId} className="osea-review">
      <ReviewHeader detail={detail} onBack={onBack} status={status} actions={
        <ReviewActions
          detail={detail} writable={writable} flush={autosave.flush} scheme={scheme} previewOf={previewOf}
          draftStore={autosave.draftStore} update={autosave.update} onChanged={onChanged}
        />
      } />
      <ReviewBanners detail={detail} redownload={redownload.state} onRedownload={redownload.onRedownload} />
      {scheme && previewOf ? (
        <ReviewBody detail={detail} scheme={scheme} previewOf={previewOf} writable={writable} autosave={autosave} onRedownload={redownload.onRedownload} />
      ) : (
        <Empty description={t('review.blocked.schemeMissing')} />
      )}
    </section>
  );
}

type Autosave = ReturnType<typeof useDraftAutosave>;

/**
 * The player, evidence and scoring. It reads from the draft store only the clips (for the player's marks and the
 * evidence list), so a score or a rationale does not re-render it; the scoring panel's parts select their own slice.
 */
function ReviewBody({ detail, scheme, previewOf, writable, autosave, onRedownload }: {
  detail: ReviewTaskDetail; scheme: MarkingScheme; previewOf: PreviewOf; writable: boolean; autosave: Autosave; onRedownload: () => void;
}) {
  const { t } = useTranslation();
  const { draftStore, update, updatePosition } = autosave;
  const clips = useStoreSelector(draftStore, (draft) => draft.clips);
  const player = useRef<FramePlayerHandle>(null);
  const [inOut, setInOut] = useState<InOut>(NO_IN_OUT);
  // Why the player refused this task's media (frame table not this video's), for the page and its tests to see.
  const [refusal, setRefusal] = useState<IntegrityProblem | null>(null);
  // Where the player opens: the saved position once; later position saves must not re-seek it.
  const [initialFrame] = useState(() => draftStore.get().positionFrame);
  const onScore = useCallback((score: number) => update((d) => scoreFocused(d, scheme, score)), [update, scheme]);
  useScoreKeys(writable, onScore);

  // Stable handlers, so memoised cards and the player skip renders a keystroke does not concern.
  const replay = useCallback((clip: DraftClip) => player.current?.playRange(clip.fromFrame, clip.toFrame), []);
  const onFocus = useCallback((aspectId: string) => update((d) => (d.focusedAspectId === aspectId ? d : { ...d, focusedAspectId: aspectId })), [update]);
  const onValue = useCallback((aspectId: string, value: DraftMark['value']) => update((d) => setMarkValue(d, aspectId, value)), [update]);
  const onRationale = useCallback((aspectId: string, text: string) => update((d) => setMarkRationale(d, aspectId, text)), [update]);
  const onVetoHit = useCallback((vetoId: string, hit: boolean) => update((d) => setVetoHit(d, vetoId, hit)), [update]);
  const onVetoRationale = useCallback((vetoId: string, text: string) => update((d) => setVetoRationale(d, vetoId, text)), [update]);
  const onAddClip = useCallback(
    (from: number, to: number) => update((d) => addClip(d, from, to, d.focusedAspectId ? { kind: 'aspect', id: d.focusedAspectId } : null)),
    [update],
  );
  const onUpdateClip = useCallback((clipId: string, patch: { note?: string; attachTo?: ClipTarget | null }) => update((d) => updateClip(d, clipId, patch)), [update]);
  const onRemoveClip = useCallback((clipId: string) => update((d) => removeClip(d, clipId)), [update]);

  const marks: PlayerMark[] = useMemo(
    () => clips.map((clip) => ({ id: clip.id, fromFrame: clip.fromFrame, toFrame: clip.toFrame, label: clip.note || (clip.attachTo ? clip.attachTo.id : '') })),
    [clips],
  );
  const src = detail.proxyMediaPath ? osea.mediaUrl(detail.proxyMediaPath) : null;

  return (
    <div className="osea-review__body" onKeyDown={enterTicks} data-media-refused={refusal?.reason}>
      <div className="osea-review__left">
        {src && detail.frameTable ? (
          <PlayerPane
            ref={player}
            src={src}
            frameTable={detail.frameTable}
            marks={marks}
            initialFrame={initialFrame}
            onFrameChange={updatePosition}
            onInOutChange={setInOut}
            onIntegrityError={setRefusal}
            onRedownload={onRedownload}
          />
        ) : (
          <Empty description={t('review.blocked.mediaMissing')} data-testid="review-no-media" />
        )}
        <EvidencePanel
          scheme={scheme}
          clips={clips}
          inOut={inOut}
          readOnly={!writable}
          onAdd={onAddClip}
          onUpdate={onUpdateClip}
          onRemove={onRemoveClip}
          onReplay={replay}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('review.screen.shortcuts')}</Typography.Text>
      </div>
      <div className="osea-review__right">
        <ScrollFocusedIntoView draftStore={draftStore} />
        <ScoringPanel
          scheme={scheme}
          draftStore={draftStore}
          previewOf={previewOf}
          spreads={detail.previousRoundSpreads}
          readOnly={!writable}
          onFocus={onFocus}
          onValue={onValue}
          onRationale={onRationale}
          onVetoHit={onVetoHit}
          onVetoRationale={onVetoRationale}
          onReplay={replay}
        />
      </div>
    </div>
  );
}

/** Keeps the focused aspect in view as the 0–3 keys move the focus on; renders nothing. */
function ScrollFocusedIntoView({ draftStore }: { draftStore: ValueStore<ReviewDraft> }) {
  const focusedAspectId = useStoreSelector(draftStore, (draft) => draft.focusedAspectId);
  useEffect(() => {
    if (!focusedAspectId) return;
    document.querySelector(`[data-testid="aspect-${CSS.escape(focusedAspectId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [focusedAspectId]);
  return null;
}

/** The player only re-renders when its media or marks change, not on every score. */
const PlayerPane = memo(FramePlayer);

function ReviewHeader({ detail, onBack, status, actions }: { detail: ReviewTaskDetail; onBack: () => void; status: React.ReactNode; actions: React.ReactNode }) {
  const { t } = useTranslation();
  const { row } = detail;
  return (
    <div className="osea-review__header">
      <Button onClick={onBack} data-testid="review-back">← {t('review.screen.back')}</Button>
      <div className="osea-review__title">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="review-practitioner">
          {row.practitionerName} <Typography.Text type="secondary" style={{ fontSize: 13, fontFamily: 'monospace' }}>{t('review.screen.maskedId', { id: row.residentIdMasked })}</Typography.Text>
        </Typography.Title>
        <Space size={6} wrap>
          <Tag>{row.occupationCode} {row.occupationName}</Tag>
          {row.level >= 1 && row.level <= 5 && <Tag>{t(`review.level.${row.level as 1 | 2 | 3 | 4 | 5}`)}</Tag>}
          <Tag color={row.round > 1 ? 'orange' : 'default'}>{t('review.screen.round', { round: row.round })}</Tag>
          <Typography.Text type="secondary">{t('review.screen.due', { date: row.dueDate })}</Typography.Text>
          {status}
        </Space>
      </div>
      {actions}
    </div>
  );
}

function ReviewActions(props: {
  detail: ReviewTaskDetail;
  writable: boolean;
  scheme: MarkingScheme | null;
  previewOf: PreviewOf | null;
  draftStore: Autosave['draftStore'];
  update: Autosave['update'];
  flush: Autosave['flush'];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { detail, scheme } = props;
  const [submitOpen, setSubmitOpen] = useState(false);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  // The draft is read only while the dialog shows it: a closed dialog must not re-render the header on every key.
  const shownDraft = useStoreSelector(props.draftStore, (draft) => (submitOpen ? draft : null));
  const draft = shownDraft ?? props.draftStore.get();
  const preview = props.previewOf ? props.previewOf(draft) : null;

  const afterChange = () => {
    void queryClient.invalidateQueries({ queryKey: ['review.listTasks'] });
    props.onChanged();
  };

  const submit = async () => {
    setBusy(true);
    try {
      // Sign exactly what is committed: wait for the last change to be acknowledged, then name its revision.
      const revision = await props.flush();
      const result = unwrap(await osea.invoke('review.submitDecision', { taskId: detail.row.taskId, draftRevision: revision }));
      setSubmitOpen(false);
      void message.success(t('review.submit.done', { total: result.total.toFixed(2) }));
      afterChange();
    } catch (error) {
      void message.error(reviewErrorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  const declare = async (reason: string) => {
    setBusy(true);
    try {
      unwrap(await osea.invoke('review.declareConflict', { taskId: detail.row.taskId, reason }));
      setConflictOpen(false);
      void message.success(t('review.conflict.done'));
      afterChange();
    } catch (error) {
      void message.error(reviewErrorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  const exportJson = async () => {
    try {
      await props.flush().catch(() => undefined);
      const exported = unwrap(await osea.invoke('review.exportTask', { taskId: detail.row.taskId }));
      const url = URL.createObjectURL(new Blob([exported.json], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = exported.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      void message.success(t('review.screen.exported', { file: exported.fileName }));
    } catch (error) {
      void message.error(reviewErrorText(t, error));
    }
  };

  return (
    <Space wrap className="osea-review__actions">
      <Button onClick={() => void exportJson()} data-testid="review-export">{t('review.screen.export')}</Button>
      {props.writable && (
        <Button danger onClick={() => setConflictOpen(true)} data-testid="review-declare-conflict">{t('review.screen.declareConflict')}</Button>
      )}
      {props.writable && (
        <Button type="primary" onClick={() => setSubmitOpen(true)} data-testid="review-submit">{t('review.screen.submit')}</Button>
      )}
      {scheme && preview && (
        <SubmitDialog
          open={submitOpen}
          scheme={scheme}
          draft={draft}
          preview={preview}
          submitting={busy}
          onVerdict={(verdict) => props.update((d) => ({ ...d, verdict }))}
          onComment={(comment) => props.update((d) => ({ ...d, comment }))}
          onCancel={() => setSubmitOpen(false)}
          onSubmit={() => void submit()}
        />
      )}
      <ConflictDialog open={conflictOpen} busy={busy} onCancel={() => setConflictOpen(false)} onConfirm={(reason) => void declare(reason)} />
    </Space>
  );
}
