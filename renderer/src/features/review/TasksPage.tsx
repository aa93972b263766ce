import { useTranslation } from 'react-i18next';
import { PageFrame } from '../../app/shell/PageFrame';
import { WorkspaceEmpty } from '../../app/shell/WorkspaceEmpty';

export function TasksPage() {
  const { t } = useTranslation();
  return (
    <PageFrame testId="page-tasks" title={t('pages.tasks.title')} description={t('pages.tasks.description')}>
      <WorkspaceEmpty testId="empty-tasks" what={t('pages.tasks.empty')} when={t('pages.tasks.emptyHint')} />
    </PageFrame>
  );
}
