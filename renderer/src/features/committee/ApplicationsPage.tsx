import { useTranslation } from 'react-i18next';
import { PageFrame } from '../../app/shell/PageFrame';
import { WorkspaceEmpty } from '../../app/shell/WorkspaceEmpty';

export function ApplicationsPage() {
  const { t } = useTranslation();
  return (
    <PageFrame testId="page-applications" title={t('pages.applications.title')} description={t('pages.applications.description')}>
      <WorkspaceEmpty testId="empty-applications" what={t('pages.applications.empty')} when={t('pages.applications.emptyHint')} />
    </PageFrame>
  );
}
