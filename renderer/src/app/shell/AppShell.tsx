import { Layout, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../shared/contract/ipc';
import type { Settings } from '../../../../shared/domain/settings/settings';
import { AboutModal } from '../../features/about/AboutModal';
import { SignedOutScreen } from '../../features/session/SignedOutScreen';
import { UserMenu } from '../../features/session/UserMenu';
import { useInvoke } from '../query/use-invoke';
import { visibleWorkspaces } from '../routing/routes';
import { useHashRoute } from '../routing/use-hash-route';
import { FullScreenLoading } from './FullScreenLoading';
import { RoutePage } from './RoutePage';
import { SideNav } from './SideNav';
import { SyncStatus } from './SyncStatus';

const { Header, Sider, Content } = Layout;

/**
 * Nobody signed in: the sign-in screen (with the machine's settings behind it). Signed in or unlocked: the workspaces
 * of the user's roles. A failed session read counts as signed out; signing in then says what is wrong.
 */
export function AppShell({ settings }: { settings: Settings | undefined }) {
  const session = useInvoke('session.current', {});
  if (session.isPending) return <FullScreenLoading />;
  const profile = session.data?.profile ?? null;
  return profile ? <SignedInShell profile={profile} settings={settings} /> : <SignedOutScreen settings={settings} />;
}

function SignedInShell({ profile, settings }: { profile: Profile; settings: Settings | undefined }) {
  const { t } = useTranslation();
  const workspaces = visibleWorkspaces(profile);
  const [route, navigate] = useHashRoute();
  const [aboutOpen, setAboutOpen] = useState(false);

  // An address for a workspace this user does not have (or none) lands on their first one.
  const fallback = workspaces[0] ?? 'settings';
  const current = route === 'settings' || (route && workspaces.includes(route)) ? route : fallback;
  useEffect(() => {
    if (route !== current) navigate(current);
  }, [route, current, navigate]);

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
        <UserMenu profile={profile} />
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
          <RoutePage route={current} />
        </Content>
      </Layout>
      <AboutModal open={aboutOpen} onClose={() => setAboutOpen(false)} />
    </Layout>
  );
}
