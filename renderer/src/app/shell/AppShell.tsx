import { Alert, Layout, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/domain/settings/settings';
import { AboutModal } from '../../features/about/AboutModal';
import { useInvoke } from '../query/use-invoke';
import { visibleWorkspaces } from '../routing/routes';
import { useHashRoute } from '../routing/use-hash-route';
import { RoutePage } from './RoutePage';
import { SideNav } from './SideNav';
import { SyncStatus } from './SyncStatus';

const { Header, Sider, Content } = Layout;

export function AppShell({ settings }: { settings: Settings | undefined }) {
  const { t } = useTranslation();
  const session = useInvoke('session.current', {});
  const profile = session.data?.profile ?? null;
  const workspaces = visibleWorkspaces(profile);
  const [route, navigate] = useHashRoute();
  const [aboutOpen, setAboutOpen] = useState(false);

  // An address for a workspace this user does not have (or none) lands on their first one.
  const fallback = workspaces[0] ?? 'settings';
  const current = route === 'settings' || (route && workspaces.includes(route)) ? route : fallback;
  useEffect(() => {
    if (session.isSuccess && route !== current) navigate(current);
  }, [session.isSuccess, route, current, navigate]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24, background: '#001529' }}
        data-testid="app-header"
      >
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }} data-testid="product-name">
          {t('app.productName')}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <SyncStatus registryUrl={settings?.registryUrl} profile={profile} />
      </Header>
      <Layout>
        <Sider width={232} theme="light" style={{ borderInlineEnd: '1px solid rgba(5, 5, 5, 0.06)' }}>
          <SideNav
            workspaces={workspaces}
            current={current}
            onNavigate={navigate}
            onOpenAbout={() => setAboutOpen(true)}
          />
        </Sider>
        <Content style={{ padding: 24, overflow: 'auto' }}>
          {session.isSuccess && !profile && (
            <Alert
              type="info"
              showIcon
              closable
              title={t('session.signInBanner.title')}
              description={t('session.signInBanner.description')}
              style={{ marginBottom: 16 }}
              data-testid="sign-in-banner"
            />
          )}
          <RoutePage route={current} />
        </Content>
      </Layout>
      <AboutModal open={aboutOpen} onClose={() => setAboutOpen(false)} />
    </Layout>
  );
}
