import { Alert, Button, Flex, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../../shared/contract/ipc';
import { translateAppError } from '../../i18n/error-message';
import { useMutationInvoke } from '../query/use-invoke';
import { useQueryClient } from '@tanstack/react-query';

type Unavailable = Extract<StoreStatus, { state: 'unavailable' }>;

/**
 * A corrupt or unreadable store (issue 2, bad input): name the file and the reason, and let the user choose.
 * Nothing is deleted: moving aside keeps the old file next to the new one.
 */
export function StoreUnavailable({ status }: { status: Unavailable }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [quitting, setQuitting] = useState(false);
  const moveAside = useMutationInvoke('store.moveAsideAndStartFresh', {
    onSuccess: () => void queryClient.invalidateQueries(),
  });
  const quit = useMutationInvoke('app.quit', { onSuccess: () => setQuitting(true) });
  const failure = moveAside.error ?? quit.error;

  return (
    <Flex
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 24, boxSizing: 'border-box' }}
      data-testid="store-unavailable"
    >
      <Result
        status="error"
        title={t('store.unavailable.title')}
        subTitle={
          <Space orientation="vertical" size={4}>
            <Typography.Text strong copyable={{ text: status.file }} data-testid="store-unavailable-file">
              {t('store.unavailable.file', { file: status.file })}
            </Typography.Text>
            <Typography.Text type="secondary">{t('store.unavailable.reason', { reason: status.reason })}</Typography.Text>
            <Typography.Paragraph style={{ maxWidth: 560, marginTop: 8 }}>{t('store.unavailable.hint')}</Typography.Paragraph>
          </Space>
        }
        extra={[
          <Button
            key="move"
            type="primary"
            loading={moveAside.isPending}
            onClick={() => moveAside.mutate({})}
            data-testid="store-move-aside"
          >
            {t('store.unavailable.moveAside')}
          </Button>,
          <Button key="quit" danger loading={quit.isPending} onClick={() => quit.mutate({})} data-testid="store-quit">
            {t('store.unavailable.quit')}
          </Button>,
        ]}
      >
        {(failure || quitting) && (
          <Alert
            type={failure ? 'error' : 'info'}
            showIcon
            title={failure ? translateAppError(t, failure.appError) : t('store.unavailable.quitting')}
          />
        )}
      </Result>
    </Flex>
  );
}
