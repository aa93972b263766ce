import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewTaskDetail } from '../../../../../shared/contract/ipc/review-channels';

/** Why the task is read-only or blocked, where its decision stands, and a discrepancy round's request. */
export function ReviewBanners({ detail }: { detail: ReviewTaskDetail }) {
  const { t, i18n } = useTranslation();
  const { row, decision, conflict } = detail;
  // The registry's rejection codes in words; an unknown code is shown as sent rather than hidden.
  const reason = (code: string | null) => (code && i18n.exists(`review.rejection.${code}`) ? t(`review.rejection.${code}` as never) : (code ?? ''));
  const banners = [];
  if (row.readOnly) {
    banners.push(<Alert key="ro" type="warning" showIcon title={t('review.readOnly.title')} description={t(`review.readOnly.${row.readOnly}`)} data-testid="review-readonly" data-reason={row.readOnly} />);
  }
  if (detail.blocked && !row.readOnly) {
    banners.push(<Alert key="blocked" type="error" showIcon title={t(`review.blocked.${detail.blocked}`)} data-testid="review-blocked" data-reason={detail.blocked} />);
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
