import { CloudOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Tooltip } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload, Profile } from '../../../../shared/contract/ipc';
import { osea } from '../bridge/osea';

type SyncState = EventPayload<'sync.state'>;

const onDarkHeader: CSSProperties = {
  display: 'flex',
  alignItems: 'center',
  gap: 20,
  lineHeight: 1.5,
  whiteSpace: 'nowrap',
  color: 'rgba(255, 255, 255, 0.85)',
};

/**
 * Placeholder until sync lands: shows the configured registry, who is signed in, and — once the back end emits
 * `sync.state` — whether it is online and how much is waiting. Until then it honestly says "offline".
 */
export function SyncStatus({ registryUrl, profile }: { registryUrl: string | undefined; profile: Profile | null }) {
  const { t } = useTranslation();
  const [sync, setSync] = useState<SyncState | null>(null);
  useEffect(() => osea.on('sync.state', setSync), []);

  const online = sync?.online ?? false;
  return (
    <Tooltip title={t('sync.tooltip')} placement="bottomRight">
      <div style={onDarkHeader} data-testid="sync-status" data-online={online}>
        <span>
          <Badge color={online ? '#52c41a' : '#bfbfbf'} style={{ marginInlineEnd: 8 }} />
          {online ? t('sync.online') : t('sync.offline')}
        </span>
        {sync && sync.pending > 0 && <span>{t('sync.pending', { count: sync.pending })}</span>}
        {registryUrl && (
          <span
            style={{ maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis' }}
            data-testid="sync-registry"
          >
            <CloudOutlined style={{ marginInlineEnd: 6 }} />
            {t('sync.registry', { url: registryUrl })}
          </span>
        )}
        <span data-testid="session-user">
          <UserOutlined style={{ marginInlineEnd: 6 }} />
          {profile ? profile.displayName : t('session.notSignedIn')}
        </span>
      </div>
    </Tooltip>
  );
}
