import { ApplicationsPage } from '../../features/committee/ApplicationsPage';
import { BatchesPage } from '../../features/batches/BatchesPage';
import { TasksPage } from '../../features/review/TasksPage';
import { SettingsPage } from '../../features/settings/SettingsPage';
import { SyncPage } from '../../features/sync/SyncPage';
import type { Route } from '../routing/routes';

export function RoutePage({ route }: { route: Route }) {
  switch (route) {
    case 'tasks':
      return <TasksPage />;
    case 'applications':
      return <ApplicationsPage />;
    case 'batches':
      return <BatchesPage />;
    case 'sync':
      return <SyncPage />;
    case 'settings':
      return <SettingsPage />;
  }
}
