import { Button, Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/result';
import { translateAppError } from '../../i18n/error-message';

/** The bridge itself failed (web-mode host stopped, token expired): say so and offer a retry. */
export function BackendUnreachable({ error, onRetry }: { error: AppError; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Result
        status="warning"
        title={t('store.checkFailed.title')}
        subTitle={translateAppError(t, error)}
        extra={
          <Button type="primary" onClick={onRetry} data-testid="backend-retry">
            {t('store.checkFailed.retry')}
          </Button>
        }
      />
    </Flex>
  );
}
