import { UnorderedListOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Descriptions, Flex, Tooltip, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { stateColour, type ConnectionState } from './connection-state';
import { say } from './phrase';
import { blockedPhrase, problemPhrase } from './sync-reasons';
import type { SyncStatusView } from './sync-status-merge';
import { SyncNowButton } from './SyncNowButton';
import { absoluteTime, fromNow } from './time-format';
import { TransferLine } from './TransferLine';
import type { TransferBoard } from './transfers';

interface SyncDetailsProps {
  status: SyncStatusView | undefined;
  state: ConnectionState;
  signedIn: boolean;
  registryUrl: string | undefined;
  transfers: TransferBoard;
  now: number;
  onOpenQueue: () => void;
}

/** The status control's popover: the state in a sentence, the queue, timings, the problem in words, transfers. */
export function SyncDetails({ status, state, signedIn, registryUrl, transfers, now, onOpenQueue }: SyncDetailsProps) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => (
    <Tooltip title={absoluteTime(iso)}>
      <span>{fromNow(iso, i18n.language, now)}</span>
    </Tooltip>
  );

  const items: DescriptionsProps['items'] = [];
  const add = (key: string, label: string, children: ReactNode) => items.push({ key, label, children });
  if (registryUrl) add('registry', t('sync.details.registry'), <Typography.Text style={{ wordBreak: 'break-all' }}>{registryUrl}</Typography.Text>);
  if (signedIn && status) {
    add('queue', t('sync.details.queue'), (
      <span data-testid="sync-details-counts">
        {t('sync.details.counts', { pending: status.pending, inflight: status.inflight, rejected: status.rejected, applied: status.applied })}
      </span>
    ));
    add('lastSuccess', t('sync.details.lastSuccess'), status.lastSuccessAt ? when(status.lastSuccessAt) : t('sync.details.never'));
    if (status.nextAttemptAt && status.pending + status.inflight > 0 && state !== 'online') {
      add('nextAttempt', t('sync.details.nextAttempt'), Date.parse(status.nextAttemptAt) <= now ? t('sync.page.dueNow') : when(status.nextAttemptAt));
    }
    if (status.blockedReason) {
      add('blocked', t('sync.details.blocked'), <Typography.Text type="danger" data-testid="sync-details-blocked">{say(t, blockedPhrase(status.blockedReason))}</Typography.Text>);
    }
    if (status.lastError) {
      add('lastError', t('sync.details.lastError'), (
        <Tooltip title={status.lastError}>
          <span data-testid="sync-details-error">{say(t, problemPhrase(status.lastError))}</span>
        </Tooltip>
      ));
    }
  }

  const running = [...transfers.running].sort((a, b) => a.startedAt - b.startedAt);
  const shownTransfers = [...running, ...transfers.failed, ...(transfers.finished ? [transfers.finished] : [])].slice(0, 4);
  const hint = !signedIn
    ? t('sync.details.signedOut')
    : state === 'offline'
      ? t('sync.details.offlineCalm')
      : state === 'badResponse'
        ? t('sync.details.badResponseHint')
        : null;

  return (
    <div style={{ width: 420 }} data-testid="sync-details" data-state={state}>
      <Flex align="center" justify="space-between" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ fontSize: 15 }}>{t('sync.details.title')}</Typography.Text>
        <span data-testid="sync-details-state">
          <Badge color={stateColour[state]} style={{ marginInlineEnd: 6 }} />
          {t(`sync.state.${state === 'signedOut' ? 'offline' : state}`)}
        </span>
      </Flex>
      {hint && <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>{hint}</Typography.Paragraph>}
      {signedIn && status && status.rejected > 0 && (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          title={t('sync.details.rejectedHint', { count: status.rejected })}
          style={{ marginBottom: 12 }}
          data-testid="sync-details-rejected"
        />
      )}
      <Descriptions size="small" column={1} items={items} styles={{ label: { width: 120 } }} />
      <Typography.Text type="secondary" style={{ display: 'block', margin: '12px 0 6px' }}>{t('sync.details.transfer')}</Typography.Text>
      {shownTransfers.length === 0 ? (
        <Typography.Text type="secondary" data-testid="sync-no-transfer">{t('sync.details.noTransfer')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {shownTransfers.map((transfer) => <TransferLine key={`${transfer.sha256}-${transfer.state}`} transfer={transfer} />)}
        </Flex>
      )}
      <Flex justify="space-between" style={{ marginTop: 16, paddingTop: 12, borderTop: '1px solid rgba(5, 5, 5, 0.06)' }}>
        <Button icon={<UnorderedListOutlined />} disabled={!signedIn} onClick={onOpenQueue} data-testid="sync-open-queue">
          {t('sync.details.openQueue')}
        </Button>
        <SyncNowButton signedIn={signedIn} testId="sync-details-now" type="primary" />
      </Flex>
    </div>
  );
}
