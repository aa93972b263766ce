import { ArrowLeftOutlined, CloudServerOutlined, InfoCircleOutlined, SafetyCertificateOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/domain/settings/settings';
import { useHashRoute } from '../../app/routing/use-hash-route';
import { AboutModal } from '../about/AboutModal';
import { SettingsPage } from '../settings/SettingsPage';
import { LanguageSwitch } from './LanguageSwitch';
import { SignInForm } from './SignInForm';
import './sign-in.css';

/**
 * What the workstation shows while nobody is signed in: the sign-in card, and the machine's own settings (registry
 * URL, language) reachable from it, since a new machine may need its registry set before anyone can sign in.
 */
export function SignedOutScreen({ settings }: { settings: Settings | undefined }) {
  const { t } = useTranslation();
  const [route, navigate] = useHashRoute();
  const [aboutOpen, setAboutOpen] = useState(false);
  const showSettings = route === 'settings';
  // No workspace in the address: after sign-in the shell opens the user's first one.
  const back = () => {
    window.location.hash = '#/';
  };

  return (
    <div className="osea-sign-in">
      <header className="osea-sign-in__topbar" data-testid="app-header">
        <span className="osea-sign-in__brand">
          <SafetyCertificateOutlined className="osea-sign-in__logo" />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="product-name">
            {t('app.productName')}
          </Typography.Title>
        </span>
        <span className="osea-sign-in__actions">
          <LanguageSwitch />
          <Button type="text" icon={<SettingOutlined />} onClick={() => navigate('settings')} data-testid="sign-in-settings">
            {t('nav.settings')}
          </Button>
          <Button type="text" icon={<InfoCircleOutlined />} onClick={() => setAboutOpen(true)} data-testid="sign-in-about">
            {t('nav.about')}
          </Button>
        </span>
      </header>
      <main className="osea-sign-in__main">
        {showSettings ? (
          <div className="osea-sign-in__settings">
            <Button icon={<ArrowLeftOutlined />} onClick={back} style={{ marginBottom: 16 }} data-testid="sign-in-back">
              {t('session.signedOutSettings.back')}
            </Button>
            <SettingsPage />
          </div>
        ) : (
          <SignInCard registryUrl={settings?.registryUrl} onChangeRegistry={() => navigate('settings')} />
        )}
      </main>
      <footer className="osea-sign-in__footer">{t('app.productFullName')}</footer>
      <AboutModal open={aboutOpen} onClose={() => setAboutOpen(false)} />
    </div>
  );
}

function SignInCard({ registryUrl, onChangeRegistry }: { registryUrl: string | undefined; onChangeRegistry: () => void }) {
  const { t } = useTranslation();
  return (
    <Card className="osea-sign-in__card" data-testid="sign-in-page">
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('session.signIn.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
        {t('session.signIn.subtitle')}
      </Typography.Paragraph>
      <RegistryLine url={registryUrl} action={
        <Button type="link" size="small" onClick={onChangeRegistry} style={{ paddingInline: 0 }} data-testid="sign-in-change-registry">
          {t('session.signIn.changeRegistry')}
        </Button>
      } />
      <SignInForm registryUrl={registryUrl} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 20, marginBottom: 0 }}>
        {t('session.signIn.offlineHint')}
      </Typography.Paragraph>
    </Card>
  );
}

function RegistryLine({ url, action }: { url: string | undefined; action: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="osea-sign-in__registry">
      <CloudServerOutlined />
      <span className="osea-sign-in__registry-label">{t('session.signIn.registry')}</span>
      <Typography.Text className="osea-sign-in__registry-url" ellipsis={{ tooltip: url }} data-testid="sign-in-registry">
        {url ?? '—'}
      </Typography.Text>
      {action}
    </div>
  );
}
