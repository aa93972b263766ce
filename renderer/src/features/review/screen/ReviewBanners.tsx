import { Alert, Button, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MediaState, ReviewTaskDetail } from '../../../../../shared/contract/ipc/review-channels';
import { say } from '../../sync/phrase';
import { reviewErrorText } from '../review-error';
import { readOnlyReasonPhrase } from './status-reason';
import type { RedownloadState } from './use-redownload';

const mediaStateText = (t: TFunction, media: MediaState): string =>
  t('review.redownload.state', {
    state: media.state === 'downloading'
      ? t('review.redownload.states.downloading', { percent: Math.floor(media.percent) })
      : t(`review.redownload.states.${media.state}`),
  });

/**
 * Why the task is read-only or blocked, where its decision stands, and a discrepancy round's request. A task whose
 * video is missing or damaged offers "download again"; once asked, the banner follows the task's media state.
 */
export function ReviewBanners({ detail, redownload, onRedownload }: { detail: ReviewTaskDetail; redownload: RedownloadState; onRedownload: () => void }) {
  const { t, i18n } = useTranslation();
  const { row, decision, conflict } = detail;
  // The registry's rejection codes in words; an unknown code is shown as sent rather than hidden.
  const reason = (code: string | null) => (code && i18n.exists(`review.rejection.${code}`) ? t(`review.rejection.${code}` as never) : (code ?? ''));
  const banners = [];
  if (row.readOnly) {
    // Until the registry has moved the task, a local conflict declaration's "why" is the expert's own reason.
    const why = row.statusReason ?? (row.readOnly === 'conflictDeclared' ? conflict?.reason ?? null : null);
    const because = readOnlyReasonPhrase(row.readOnly, why);
    const description = (
      <>
        {because && <div data-testid="review-readonly-reason">{say(t, because)}</div>}
        <div>{t(`review.readOnly.${row.readOnly}`)}</div>
      </>
    );
    banners.push(<Alert key="ro" type="warning" showIcon title={t('review.readOnly.title')} description={description} data-testid="review-readonly" data-reason={row.readOnly} />);
  }
  const canRedownload = row.media.state !== 'missing' && (detail.blocked === null || detail.blocked === 'mediaMissing');
  const redownloadButton = (label: string) => (
    <Button danger size="small" loading={redownload.phase === 'requesting'} onClick={onRedownload} data-testid="review-redownload-button">{label}</Button>
  );
  if (redownload.phase !== 'idle') {
    const media = redownload.phase === 'queued' ? redownload.media : row.media;
    const done = redownload.phase === 'queued' && media.state === 'ready';
    const title = redownload.phase === 'requesting' ? t('review.redownload.requesting')
      : redownload.phase === 'failed' ? t('review.redownload.failed', { message: reviewErrorText(t, redownload.error) })
      : done ? t('review.redownload.ready') : t('review.redownload.queued');
    banners.push(
      <Alert
        key="redownload"
        type={redownload.phase === 'failed' ? 'error' : done ? 'success' : 'info'}
        showIcon
        title={title}
        description={mediaStateText(t, media)}
        action={!done && canRedownload ? redownloadButton(t('review.redownload.action')) : undefined}
        data-testid="review-redownload"
        data-phase={redownload.phase}
        data-media-state={media.state}
      />,
    );
  }
  // While a re-download runs, its banner speaks for the missing media; other reasons are still shown.
  if (detail.blocked && !row.readOnly && !(detail.blocked === 'mediaMissing' && redownload.phase !== 'idle')) {
    banners.push(
      <Alert
        key="blocked"
        type="error"
        showIcon
        title={t(`review.blocked.${detail.blocked}`)}
        description={detail.blocked === 'mediaMissing' ? mediaStateText(t, row.media) : undefined}
        action={detail.blocked === 'mediaMissing' && canRedownload ? redownloadButton(t('review.redownload.action')) : undefined}
        data-testid="review-blocked"
        data-reason={detail.blocked}
      />,
    );
  }
  if (decision) {
    const state = decision.opState;
    banners.push(
      <Alert
        key="decision"
        type={state === 'rejected' ? 'error' : state === 'applied' ? 'success' : 'info'}
        showIcon
        title={t(`review.decision.${state}`, { reason: reason(decision.opReason) })}
        description={t('review.decision.hash', { hash: decision.decisionHash.slice(0, 16) })}
        data-testid="review-decision"
        data-op-state={state}
      />,
    );
  }
  if (conflict && row.readOnly !== 'conflictDeclared') {
    banners.push(<Alert key="conflict" type="info" showIcon title={t('review.conflict.done')} />);
  }
  if (detail.previousRoundSpreads.length > 0 && !decision) {
    banners.push(
      <Alert key="disc" type="warning" showIcon title={t('review.discrepancy.title', { round: row.round })} description={t('review.discrepancy.description')} data-testid="review-discrepancy" />,
    );
  }
  return banners.length > 0 ? <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>{banners}</Space> : null;
}
