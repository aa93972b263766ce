import { WarningFilled } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Empty, Flex, Segmented, Skeleton, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { osea } from '../../app/bridge/osea';
import { appErrorOf } from '../../app/query/invoke-error';
import { useInvoke } from '../../app/query/use-invoke';
import { PageFrame } from '../../app/shell/PageFrame';
import { WorkspaceEmpty } from '../../app/shell/WorkspaceEmpty';
import { translateAppError } from '../../i18n/error-message';
import { connectionState, stateColour } from './connection-state';
import { opFilters, opStateColour, statesFor, type OpFilter, type SyncOp } from './op-view';
import { asSentence, say } from './phrase';
import { opKindPhrase, opReasonPhrase } from './sync-reasons';
import { SyncNowButton } from './SyncNowButton';
import { absoluteTime, fromNow, shortTime, useNow } from './time-format';
import { useSyncStatus } from './use-sync-status';

/** The sync queue (issue 4 item 5): what waits, what is being sent, what the registry rejected and why. */
export function SyncPage() {
  const { t } = useTranslation();
  const signedIn = (useInvoke('session.current', {}).data?.profile ?? null) !== null;
  return (
    <PageFrame testId="sync-page" title={t('sync.page.title')} description={t('sync.page.description')}>
      {signedIn ? <SyncQueue /> : <WorkspaceEmpty testId="sync-signed-out" what={t('sync.page.signedOut')} when={t('sync.page.signedOutHint')} />}
    </PageFrame>
  );
}

function SyncQueue() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<OpFilter>('open');
  const ops = useInvoke('sync.ops', { states: statesFor(filter), limit: 1000 });
  const status = useSyncStatus().data;
  const now = useNow(15_000);
  // Every change of the engine's state may have settled or deferred ops: read the list again.
  useEffect(() => osea.on('sync.state', () => void queryClient.invalidateQueries({ queryKey: ['sync.ops'] })), [queryClient]);

  const columns = useMemo<TableColumnsType<SyncOp>>(() => {
    const time = (iso: string | null) =>
      iso ? (
        <Tooltip title={absoluteTime(iso)}>
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{shortTime(iso)}</span>
        </Tooltip>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      );
    return [
      { key: 'seq', dataIndex: 'seq', title: t('sync.page.columns.seq'), width: 64, align: 'right', render: (seq: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{seq}</span> },
      { key: 'kind', title: t('sync.page.columns.kind'), width: 190, render: (_: unknown, op) => <span data-testid="sync-op-kind">{say(t, opKindPhrase(op.kind))}</span> },
      {
        key: 'state',
        title: t('sync.page.columns.state'),
        width: 90,
        render: (_: unknown, op) => <Tag color={opStateColour[op.state]} data-testid="sync-op-state">{t(`sync.opState.${op.state}`)}</Tag>,
      },
      {
        key: 'reason',
        title: t('sync.page.columns.reason'),
        render: (_: unknown, op) => {
          const reason = opReasonPhrase(op.reason, op.state);
          if (!reason) return <Typography.Text type="secondary">—</Typography.Text>;
          const text = asSentence(say(t, reason));
          return op.state === 'rejected' ? (
            <Typography.Text data-testid="sync-op-reason">
              <WarningFilled style={{ color: '#faad14', marginInlineEnd: 6 }} />
              {text}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary" data-testid="sync-op-reason">{text}</Typography.Text>
          );
        },
      },
      { key: 'attempts', dataIndex: 'attempts', title: t('sync.page.columns.attempts'), width: 84, align: 'right' },
      {
        key: 'nextAttempt',
        title: t('sync.page.columns.nextAttempt'),
        width: 110,
        render: (_: unknown, op) =>
          op.state === 'pending' && op.nextAttemptAt ? (
            <Tooltip title={absoluteTime(op.nextAttemptAt)}>
              <span>{Date.parse(op.nextAttemptAt) <= now ? t('sync.page.dueNow') : fromNow(op.nextAttemptAt, i18n.language, now)}</span>
            </Tooltip>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          ),
      },
      { key: 'createdAt', title: t('sync.page.columns.createdAt'), width: 140, render: (_: unknown, op) => time(op.createdAt) },
      { key: 'settledAt', title: t('sync.page.columns.settledAt'), width: 140, render: (_: unknown, op) => time(op.settledAt) },
    ];
  }, [t, i18n.language, now]);

  const rows = ops.data?.ops ?? [];
  const state = connectionState(status, true);
  const rejectedShown = rows.some((op) => op.state === 'rejected');

  return (
    <>
      <Flex align="center" justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
        <Flex align="center" gap={16} wrap>
          <Segmented<OpFilter>
            value={filter}
            onChange={setFilter}
            data-testid="sync-filter"
            aria-label={t('sync.page.filter')}
            options={opFilters.map((value) => ({ value, label: <span data-testid={`sync-filter-${value}`}>{t(`sync.page.filters.${value}`)}</span> }))}
          />
          {ops.data && <Typography.Text type="secondary" data-testid="sync-op-count">{t('sync.page.total', { count: rows.length })}</Typography.Text>}
        </Flex>
        <Flex align="center" gap={16}>
          <span data-testid="sync-page-state">
            <Badge color={stateColour[state]} style={{ marginInlineEnd: 6 }} />
            {t(`sync.state.${state === 'signedOut' ? 'offline' : state}`)}
            {status && (
              <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
                {status.lastSuccessAt ? t('sync.header.lastSuccess', { time: fromNow(status.lastSuccessAt, i18n.language, now) }) : t('sync.header.never')}
              </Typography.Text>
            )}
          </span>
          <SyncNowButton signedIn testId="sync-page-now" />
        </Flex>
      </Flex>
      {rejectedShown && <Alert type="warning" showIcon title={t('sync.page.rejectedNote')} style={{ marginBottom: 16 }} data-testid="sync-rejected-note" />}
      {ops.isError && appErrorOf(ops.error).code !== 'UNAUTHORIZED' ? (
        <Typography.Text type="danger" data-testid="sync-ops-error">
          {t('sync.page.loadFailed')}: {translateAppError(t, appErrorOf(ops.error))}
        </Typography.Text>
      ) : !ops.data && !ops.isError ? (
        <Skeleton active />
      ) : (
        <Table<SyncOp>
          size="middle"
          rowKey="opId"
          columns={columns}
          dataSource={rows}
          tableLayout="fixed"
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          onRow={(op) => ({ 'data-testid': 'sync-op-row', 'data-op-state': op.state, 'data-op-kind': op.kind, 'data-seq': op.seq }) as HTMLAttributes<HTMLElement>}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                data-testid="sync-ops-empty"
                description={
                  filter === 'open' ? (
                    <>
                      <Typography.Text strong>{t('sync.page.empty')}</Typography.Text>
                      <br />
                      <Typography.Text type="secondary">{t('sync.page.emptyHint')}</Typography.Text>
                    </>
                  ) : (
                    t('sync.page.emptyFiltered')
                  )
                }
              />
            ),
          }}
        />
      )}
    </>
  );
}
