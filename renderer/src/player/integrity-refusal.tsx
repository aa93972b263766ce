import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IntegrityProblem } from './frame-integrity';

/** Shown instead of the picture and the frame number when the frame table is not this video's. */
export function IntegrityRefusal({ problem, onRedownload }: { problem: IntegrityProblem; onRedownload?: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="player-integrity-error"
      data-reason={problem.reason}
      title={t('player.integrity.title')}
      description={
        <>
          <p>{t('player.integrity.description')}</p>
          <p>{t('player.integrity.reason', { reason: t(`player.integrity.reasons.${problem.reason}`) })}</p>
        </>
      }
      action={
        onRedownload && (
          <Button danger onClick={onRedownload} data-testid="player-redownload">
            {t('player.integrity.redownload')}
          </Button>
        )
      }
    />
  );
}
