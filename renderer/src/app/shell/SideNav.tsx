import {
  AuditOutlined,
  CloudSyncOutlined,
  InfoCircleOutlined,
  InboxOutlined,
  SettingOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route, WorkspaceRoute } from '../routing/routes';

const workspaceIcon: Record<WorkspaceRoute, ReactNode> = {
  tasks: <AuditOutlined />,
  applications: <SolutionOutlined />,
  batches: <InboxOutlined />,
  sync: <CloudSyncOutlined />,
};

const ABOUT = 'about';

interface SideNavProps {
  workspaces: readonly WorkspaceRoute[];
  current: Route;
  onNavigate: (route: Route) => void;
  onOpenAbout: () => void;
}

export function SideNav({ workspaces, current, onNavigate, onOpenAbout }: SideNavProps) {
  const { t } = useTranslation();
  const label = (key: Route | typeof ABOUT) => <span data-testid={`nav-${key}`}>{t(`nav.${key}`)}</span>;

  const entry = (route: WorkspaceRoute) => ({ key: route, icon: workspaceIcon[route], label: label(route) });
  // The sync queue is about this computer, not a line of work: it sits with the settings, below the workspaces.
  const items: MenuProps['items'] = [
    ...workspaces.filter((route) => route !== 'sync').map(entry),
    { type: 'divider' as const },
    ...(workspaces.includes('sync') ? [entry('sync')] : []),
    { key: 'settings', icon: <SettingOutlined />, label: label('settings') },
    { key: ABOUT, icon: <InfoCircleOutlined />, label: label(ABOUT) },
  ];

  return (
    <nav aria-label={t('nav.label')} data-testid="side-nav">
      <Menu
        mode="inline"
        selectedKeys={[current]}
        items={items}
        style={{ borderInlineEnd: 'none', paddingTop: 8 }}
        onClick={({ key }) => (key === ABOUT ? onOpenAbout() : onNavigate(key as Route))}
      />
    </nav>
  );
}
