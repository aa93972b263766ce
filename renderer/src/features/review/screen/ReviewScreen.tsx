import { Alert, Button, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useInvoke } from '../../../app/query/use-invoke';
import { reviewErrorText } from '../review-error';
import { ReviewWorkspace } from './ReviewWorkspace';

/** One task's review screen: loads the task (scheme, frame table, draft) from the local store, then the workspace. */
export function ReviewScreen({ taskId, onBack }: { taskId: string; onBack: () => void }) {
  const { t } = useTranslation();
  // The draft lives in the workspace from here on; a refetch must not reset what the expert is typing.
  const detail = useInvoke('review.getTask', { taskId }, { refetchOnWindowFocus: false, staleTime: Infinity });
  if (detail.isError) {
    return (
      <section data-testid="page-review">
        <Space direction="vertical">
          <Button onClick={onBack} data-testid="review-back">← {t('review.screen.back')}</Button>
          <Alert type="error" showIcon title={t('review.screen.loadFailed')} description={reviewErrorText(t, detail.error)} data-testid="review-load-error" />
        </Space>
      </section>
    );
  }
  if (!detail.data) {
    return (
      <section data-testid="page-review">
        <Typography.Text type="secondary">{t('review.screen.loading')}</Typography.Text>
        <Skeleton active />
      </section>
    );
  }
  return <ReviewWorkspace detail={detail.data} onBack={onBack} onChanged={() => void detail.refetch()} />;
}
