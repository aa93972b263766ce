import { useTranslation } from 'react-i18next';
import { PageFrame } from '../../app/shell/PageFrame';
import { WorkspaceEmpty } from '../../app/shell/WorkspaceEmpty';

export function BatchesPage() {
  const { t } = useTranslation();
  return (
    <PageFrame testId="page-batches" title={t('pages.batches.title')} description={t('pages.batches.description')}>
      <WorkspaceEmpty testId="empty-batches" what={t('pages.batches.empty')} when={t('pages.batches.emptyHint')} />
    </PageFrame>
  );
}
