import { DownOutlined, LogoutOutlined, StopOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, Tag, theme, Typography, type MenuProps } from 'antd';
import { cloneElement, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../shared/contract/ipc';
import { appErrorOf } from '../../app/query/invoke-error';
import { translateAppError } from '../../i18n/error-message';
import { useSignOut } from './use-session-actions';
import './user-menu.css';

/** Who is signed in (name, roles) and the two ways out: lock, or lock and forget this machine's sign-in. */
export function UserMenu({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message, modal } = App.useApp();
  const signOut = useSignOut();

  // Resolves either way, so the confirm dialog shows its button busy while the registry is asked, then closes.
  const run = (forget: boolean): Promise<void> =>
    signOut.mutateAsync({ forget }).then(
      () => void message.success(t('session.userMenu.signedOut')),
      (error: unknown) => void message.error(t('session.userMenu.signOutFailed', { message: translateAppError(t, appErrorOf(error)) })),
    );

  const confirmForget = () =>
    modal.confirm({
      title: t('session.userMenu.forgetConfirm.title'),
      content: t('session.userMenu.forgetConfirm.description'),
      okText: t('session.userMenu.forgetConfirm.ok'),
      cancelText: t('session.userMenu.forgetConfirm.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'sign-out-forget-confirm' },
      onOk: () => run(true),
    });

  const items: MenuProps['items'] = [
    {
      key: 'sign-out',
      icon: <LogoutOutlined />,
      label: <MenuLabel testId="sign-out" title={t('session.userMenu.signOut')} hint={t('session.userMenu.signOutHint')} />,
    },
    {
      key: 'forget',
      icon: <StopOutlined />,
      danger: true,
      label: <MenuLabel testId="sign-out-forget" title={t('session.userMenu.forget')} hint={t('session.userMenu.forgetHint')} />,
    },
  ];

  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      disabled={signOut.isPending}
      menu={{ items, onClick: ({ key }) => (key === 'forget' ? confirmForget() : void run(false)) }}
      popupRender={(menu) => (
        <div
          className="osea-user-menu__panel"
          style={{ background: token.colorBgElevated, borderRadius: token.borderRadiusLG, boxShadow: token.boxShadowSecondary }}
          data-testid="user-menu-panel"
        >
          <div className="osea-user-menu__identity">
            <Typography.Text strong data-testid="user-menu-name">{profile.displayName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('session.userMenu.username', { username: profile.username })}
            </Typography.Text>
            <div className="osea-user-menu__roles" aria-label={t('session.userMenu.roles')} data-testid="user-menu-roles">
              {profile.roles.map((role) => (
                <Tag key={role} color="blue" variant="filled" style={{ marginInlineEnd: 0 }} data-role={role}>
                  {t(`session.roles.${role}`)}
                </Tag>
              ))}
            </div>
          </div>
          {cloneElement(menu as ReactElement<{ style?: object }>, { style: { boxShadow: 'none' } })}
        </div>
      )}
    >
      <button
        type="button"
        className="osea-user-menu__trigger"
        aria-label={t('session.userMenu.label', { name: profile.displayName })}
        data-testid="user-menu"
        data-username={profile.username}
      >
        <Avatar size="small" style={{ background: '#1677ff' }}>{(Array.from(profile.displayName)[0] ?? '?').toUpperCase()}</Avatar>
        <span className="osea-user-menu__name">{profile.displayName}</span>
        <DownOutlined style={{ fontSize: 10 }} />
      </button>
    </Dropdown>
  );
}

function MenuLabel({ testId, title, hint }: { testId: string; title: string; hint: string }) {
  return (
    <span className="osea-user-menu__item" data-testid={testId}>
      <span>{title}</span>
      <span className="osea-user-menu__hint">{hint}</span>
    </span>
  );
}
