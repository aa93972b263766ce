import { Alert, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MarkingScheme } from '../../../../../shared/domain/scheme/marking-scheme';
import type { SheetScore } from '../../../../../shared/domain/scoring/score-mark-sheet';

/** Live total, criterion subtotals and the pass/fail preview (shared/domain scoreMarkSheet, as the registry computes). */
export function ScoreSummary({ scheme, score }: { scheme: MarkingScheme; score: SheetScore }) {
  const { t } = useTranslation();
  const max = scheme.criteria.reduce((sum, criterion) => sum + criterion.aspects.reduce((s, aspect) => s + aspect.max, 0), 0);
  return (
    <div className="osea-summary" data-testid="score-summary" data-total={score.total} data-pass={score.pass ? 'true' : 'false'}>
      <div className="osea-summary__total">
        <Typography.Text type="secondary">{t('review.scoring.total')}</Typography.Text>
        <span className="osea-summary__number" data-testid="score-total">{score.total.toFixed(2)}</span>
        <Typography.Text type="secondary">{t('review.scoring.outOf', { max })}</Typography.Text>
        <Tag color={score.pass ? 'green' : 'red'} style={{ marginInlineStart: 'auto' }} data-testid="score-preview">
          {score.pass ? t('review.scoring.previewPass') : t('review.scoring.previewFail')}
        </Tag>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('review.scoring.passMark', { mark: scheme.passMark })}</Typography.Text>
      <div className="osea-summary__criteria">
        {scheme.criteria.map((criterion) => {
          const result = score.criteria.find((c) => c.id === criterion.id);
          return (
            <div key={criterion.id} className="osea-summary__criterion" data-testid={`criterion-${criterion.id}-subtotal`}>
              <span>{criterion.id} {criterion.title}</span>
              <span>{t('review.scoring.subtotal', { subtotal: (result?.subtotal ?? 0).toFixed(2), max: result?.max ?? 0 })}</span>
            </div>
          );
        })}
      </div>
      {score.failAll && <Alert type="error" showIcon title={t('review.scoring.failAll')} style={{ marginTop: 8 }} />}
      {score.missingMandatory.length > 0 && (
        <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="missing-mandatory">
          {t('review.scoring.missingMandatory', { items: score.missingMandatory.join(t('review.scoring.listSeparator')) })}
        </Typography.Text>
      )}
    </div>
  );
}
