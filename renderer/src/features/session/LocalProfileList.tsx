import { Avatar, Divider, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useInvoke } from '../../app/query/use-invoke';

/**
 * The accounts that once signed in on this machine for the configured registry (only those can unlock offline);
 * picking one fills in its username. Profiles of other registries are only counted: they cannot unlock here.
 */
export function LocalProfileList({ registryUrl, onPick }: { registryUrl: string | undefined; onPick: (username: string) => void }) {
  const { t } = useTranslation();
  const profiles = useInvoke('session.profiles', {});
  const all = profiles.data?.profiles ?? [];
  const here = all.filter((profile) => profile.registryUrl === registryUrl);
  const elsewhere = all.length - here.length;
  if (all.length === 0) return null;

  return (
    <section data-testid="sign-in-profiles" aria-label={t('session.profiles.title')}>
      <Divider plain style={{ marginBlock: 24 }}>
        <Typography.Text type="secondary">{t('session.profiles.title')}</Typography.Text>
      </Divider>
      {here.length > 0 && (
        <ul className="osea-sign-in__profiles" title={t('session.profiles.hint')}>
          {here.map((profile) => (
            <li key={profile.username}>
              <button
                type="button"
                className="osea-sign-in__profile"
                onClick={() => onPick(profile.username)}
                data-testid="sign-in-profile"
                data-username={profile.username}
              >
                <Avatar style={{ background: '#1677ff', flex: 'none' }}>{(Array.from(profile.displayName)[0] ?? '?').toUpperCase()}</Avatar>
                <span className="osea-sign-in__profile-text">
                  <Typography.Text strong ellipsis>
                    {profile.displayName}
                  </Typography.Text>
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                    {profile.username} · {t('session.profiles.lastOnline', { time: dayjs(profile.lastOnlineAt).format('YYYY-MM-DD HH:mm') })}
                  </Typography.Text>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {elsewhere > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }} data-testid="sign-in-profiles-elsewhere">
          {t('session.profiles.otherRegistries', { count: elsewhere })}
        </Typography.Paragraph>
      )}
    </section>
  );
}
