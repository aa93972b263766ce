import { CloudOutlined, DownOutlined, WarningFilled } from '@ant-design/icons';
import { Badge, Popover } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../shared/contract/ipc';
import { connectionState, stateColour } from '../../features/sync/connection-state';
import { SyncDetails } from '../../features/sync/SyncDetails';
import { SyncNowButton } from '../../features/sync/SyncNowButton';
import { fromNow, useNow } from '../../features/sync/time-format';
import { percentOf } from '../../features/sync/transfer-format';
import { currentTransfer } from '../../features/sync/transfers';
import { useTransfers } from '../../features/sync/use-transfers';
import { useFollowSyncState, useSyncStatus } from '../../features/sync/use-sync-status';
import { useHashRoute } from '../routing/use-hash-route';
import '../../features/sync/sync-status.css';

const onDarkHeader: CSSProperties = {
  display: 'flex',
  alignItems: 'center',
  gap: 16,
  lineHeight: 1.5,
  whiteSpace: 'nowrap',
  color: 'rgba(255, 255, 255, 0.85)',
};

const muted: CSSProperties = { color: 'rgba(255, 255, 255, 0.55)' };

/**
 * The header's sync control (issue 4 item 5): online/offline, what waits, what was rejected, when it last worked,
 * the current transfer, and "sync now". Offline is the ordinary state of an expert's laptop: calm grey, no dialog.
 * A click opens the details (reasons in words, next attempt, a way to the sync queue).
 */
export function SyncStatus({ registryUrl, profile }: { registryUrl: string | undefined; profile: Profile | null }) {
  const { t, i18n } = useTranslation();
  useFollowSyncState();
  const status = useSyncStatus().data;
  const transfers = useTransfers();
  const now = useNow(15_000);
  const [, navigate] = useHashRoute();
  const [open, setOpen] = useState(false);

  const signedIn = profile !== null;
  const state = connectionState(status, signedIn);
  const online = signedIn && (status?.online ?? false);
  const pending = signedIn && status ? status.pending + status.inflight : 0;
  const rejected = signedIn && status ? status.rejected : 0;
  const transfer = currentTransfer(transfers);
  const failedTransfer = transfers.failed[0];
  const label = t(`sync.state.${state === 'signedOut' ? 'offline' : state}`);

  return (
    <div
      style={onDarkHeader}
      data-testid="sync-status"
      data-online={online}
      data-state={state}
      data-pending={pending}
      data-rejected={rejected}
    >
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        placement="bottomRight"
        content={
          <SyncDetails
            status={status}
            state={state}
            signedIn={signedIn}
            registryUrl={registryUrl}
            transfers={transfers}
            now={now}
            onOpenQueue={() => {
              setOpen(false);
              navigate('sync');
            }}
          />
        }
      >
        <button
          type="button"
          className="osea-sync-trigger"
          aria-label={t('sync.header.openDetails')}
          aria-expanded={open}
          data-testid="sync-status-toggle"
        >
          <span data-testid="sync-state">
            <Badge color={stateColour[state]} style={{ marginInlineEnd: 8 }} />
            {label}
          </span>
          {signedIn && (
            <span data-testid="sync-pending" style={pending === 0 ? muted : undefined}>
              {t('sync.header.pending', { count: pending })}
            </span>
          )}
          {rejected > 0 && (
            <span data-testid="sync-rejected" className="osea-sync-trigger__warning">
              <WarningFilled style={{ marginInlineEnd: 4 }} />
              {t('sync.header.rejected', { count: rejected })}
            </span>
          )}
          {transfer ? (
            <span data-testid="sync-transfer">
              {t('sync.header.transfer', {
                direction: t(`sync.transfer.${transfer.direction ?? 'download'}`),
                percent: percentOf(transfer.bytes, transfer.total),
              })}
            </span>
          ) : failedTransfer ? (
            <span data-testid="sync-transfer" className="osea-sync-trigger__warning">
              {t('sync.header.transferFailed', { direction: t(`sync.transfer.${failedTransfer.direction ?? 'download'}`) })}
            </span>
          ) : null}
          {signedIn && (
            <span data-testid="sync-last-success" style={muted}>
              {status?.lastSuccessAt ? t('sync.header.lastSuccess', { time: fromNow(status.lastSuccessAt, i18n.language, now) }) : t('sync.header.never')}
            </span>
          )}
          <DownOutlined style={{ fontSize: 10, ...muted }} />
        </button>
      </Popover>
      <SyncNowButton signedIn={signedIn} testId="sync-now" size="small" ghost />
      {registryUrl && (
        <span className="osea-sync-registry" style={{ maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis', ...muted }} data-testid="sync-registry">
          <CloudOutlined style={{ marginInlineEnd: 6 }} />
          {t('sync.registry', { url: registryUrl })}
        </span>
      )}
    </div>
  );
}
