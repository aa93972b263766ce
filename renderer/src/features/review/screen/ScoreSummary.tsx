import { Alert, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarkingScheme } from '../../../../../shared/domain/scheme/marking-scheme';
import type { SheetScore } from '../../../../../shared/domain/scoring/score-mark-sheet';

/** Live total, criterion subtotals and the pass/fail preview (shared/domain scoreMarkSheet, as the registry computes). */
export function ScoreSummary({ scheme, score }: { scheme: MarkingScheme; score: SheetScore }) {
  const { t } = useTranslation();
  // Repainted on every score: the parts that do not change with it are kept as the same elements, which React
  // skips, so a keystroke re-renders the numbers and not the antd labels around them.
  const labels = useMemo(() => {
    const max = scheme.criteria.reduce((sum, criterion) => sum + criterion.aspects.reduce((s, aspect) => s + aspect.max, 0), 0);
    return {
      total: <Typography.Text type="secondary">{t('review.scoring.total')}</Typography.Text>,
      outOf: <Typography.Text type="secondary">{t('review.scoring.outOf', { max })}</Typography.Text>,
      passMark: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('review.scoring.passMark', { mark: scheme.passMark })}</Typography.Text>,
    };
  }, [scheme, t]);
  const preview = useMemo(
    () => (
      <Tag color={score.pass ? 'green' : 'red'} style={{ marginInlineStart: 'auto' }} data-testid="score-preview">
        {score.pass ? t('review.scoring.previewPass') : t('review.scoring.previewFail')}
      </Tag>
    ),
    [score.pass, t],
  );
  return (
    <div className="osea-summary" data-testid="score-summary" data-total={score.total} data-pass={score.pass ? 'true' : 'false'}>
      <div className="osea-summary__total">
        {labels.total}
        <span className="osea-summary__number" data-testid="score-total">{score.total.toFixed(2)}</span>
        {labels.outOf}
        {preview}
      </div>
      {labels.passMark}
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
