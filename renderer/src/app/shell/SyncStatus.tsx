import { CloudOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload, Profile } from '../../../../shared/contract/ipc';
import { osea } from '../bridge/osea';

type SyncState = EventPayload<'sync.state'>;

/**
 * Placeholder until sync lands: shows the configured registry, who is signed in, and — once the back end emits
 * `sync.state` — whether it is online and how much is waiting. Until then it honestly says "offline".
 */
export function SyncStatus({ registryUrl, profile }: { registryUrl: string | undefined; profile: Profile | null }) {
  const { t } = useTranslation();
  const [sync, setSync] = useState<SyncState | null>(null);
  useEffect(() => osea.on('sync.state', setSync), []);

  const online = sync?.online ?? false;
  const light = { color: 'rgba(255, 255, 255, 0.85)' };
  return (
    <Tooltip title={t('sync.tooltip')} placement="bottomRight">
      <Space size="middle" data-testid="sync-status" data-online={online} style={{ whiteSpace: 'nowrap' }}>
        <Badge
          status={online ? 'success' : 'default'}
          text={<span style={light}>{online ? t('sync.online') : t('sync.offline')}</span>}
        />
        {sync && sync.pending > 0 && <span style={light}>{t('sync.pending', { count: sync.pending })}</span>}
        {registryUrl && (
          <Typography.Text style={{ ...light, maxWidth: 320 }} ellipsis data-testid="sync-registry">
            <CloudOutlined /> {t('sync.registry', { url: registryUrl })}
          </Typography.Text>
        )}
        <span style={light} data-testid="session-user">
          <UserOutlined /> {profile ? profile.displayName : t('session.notSignedIn')}
        </span>
      </Space>
    </Tooltip>
  );
}
