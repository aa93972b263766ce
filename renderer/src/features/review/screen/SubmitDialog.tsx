import { Alert, Input, Modal, Radio, Space, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewDraft } from '../../../../../shared/contract/ipc/review-channels';
import type { Verdict } from '../../../../../shared/domain/review/mark-sheet';
import type { MarkingScheme } from '../../../../../shared/domain/scheme/marking-scheme';
import type { PreviewWarning, ReviewPreview } from './review-preview';
import { enterTicks } from './enter-ticks';
import { ScoreSummary } from './ScoreSummary';

export interface SubmitDialogProps {
  open: boolean;
  scheme: MarkingScheme;
  draft: ReviewDraft;
  preview: ReviewPreview;
  submitting: boolean;
  onVerdict: (verdict: Verdict) => void;
  onComment: (text: string) => void;
  onCancel: () => void;
  onSubmit: () => void;
}

/** The decision review: what will be signed, what still blocks it, the verdict and a comment (issue 5 item 6). */
export function SubmitDialog(props: SubmitDialogProps) {
  const { t } = useTranslation();
  const blocking = props.preview.issues;
  return (
    <Modal
      open={props.open}
      title={t('review.submit.title')}
      width={640}
      onCancel={props.onCancel}
      onOk={props.onSubmit}
      okText={t('review.submit.sign')}
      cancelText={t('review.submit.cancel')}
      okButtonProps={{ disabled: blocking.length > 0, loading: props.submitting, 'data-testid': 'submit-sign' } as ButtonProps}
      data-testid="submit-dialog"
      destroyOnHidden
    >
      <div data-testid="submit-dialog-body" onKeyDown={enterTicks}>
        <ScoreSummary scheme={props.scheme} score={props.preview.score} />
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Typography.Text strong>{t('review.submit.verdict')}</Typography.Text>
          <Radio.Group
            value={props.draft.verdict ?? undefined}
            onChange={(event) => props.onVerdict(event.target.value as Verdict)}
            data-testid="submit-verdict"
            optionType="button"
            buttonStyle="solid"
            options={(['pass', 'fail', 'return'] as const).map((value) => ({ value, label: t(`review.submit.verdicts.${value}`) }))}
          />
          <Typography.Text strong>{t('review.submit.comment')}</Typography.Text>
          <Input.TextArea
            value={props.draft.comment}
            maxLength={4000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(event) => props.onComment(event.target.value)}
            data-testid="submit-comment"
          />
          {props.preview.warnings.length > 0 && <LeftOutEvidence warnings={props.preview.warnings} />}
          {blocking.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={t('review.submit.fixFirst')}
              data-testid="submit-issues"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {blocking.map((issue, i) => (
                    <li key={`${issue.code}-${issue.id}-${i}`}>{t(`review.issues.${issue.code}`, { id: issue.id })}</li>
                  ))}
                </ul>
              }
            />
          ) : (
            <Typography.Text type="secondary">{t('review.submit.signedNote')}</Typography.Text>
          )}
        </Space>
      </div>
    </Modal>
  );
}

/** Clips the signed sheet will not carry (unattached, or on an unscored aspect / unticked veto): listed, not blocking. */
function LeftOutEvidence({ warnings }: { warnings: readonly PreviewWarning[] }) {
  const { t } = useTranslation();
  const ranges = (warning: PreviewWarning) =>
    warning.clips.map((clip) => t('review.evidence.range', { from: clip.fromFrame, to: clip.toFrame })).join(t('review.scoring.listSeparator'));
  return (
    <Alert
      type="warning"
      showIcon
      title={t('review.submit.leftOutTitle')}
      data-testid="submit-left-out"
      data-count={warnings.reduce((sum, warning) => sum + warning.clips.length, 0)}
      description={
        <>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {warnings.map((warning) => (
              <li key={`${warning.code}-${warning.id}`} data-testid="submit-left-out-item" data-code={warning.code} data-id={warning.id}>
                {t(`review.submit.leftOut.${warning.code}`, { count: warning.clips.length, id: warning.id, ranges: ranges(warning) })}
              </li>
            ))}
          </ul>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('review.submit.leftOutHint')}</Typography.Text>
        </>
      }
    />
  );
}
