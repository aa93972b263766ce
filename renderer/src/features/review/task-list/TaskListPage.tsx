import { Checkbox, Input, Select, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskListRow } from '../../../../../shared/contract/ipc/review-channels';
import { appErrorOf } from '../../../app/query/invoke-error';
import { useInvoke } from '../../../app/query/use-invoke';
import { PageFrame } from '../../../app/shell/PageFrame';
import { WorkspaceEmpty } from '../../../app/shell/WorkspaceEmpty';
import { reviewErrorText } from '../review-error';
import { useSyncEventRefresh } from '../use-sync-event-refresh';
import { cachedSearchText, filterTasks, localToday, NO_FILTER, type TaskFilter } from './task-filter';
import { TaskTable } from './TaskTable';

const NO_ROWS: TaskListRow[] = [];

/** The expert's tasks (issue 5 item 1): search, filter by scoring and media state, sort by any column. */
export function TaskListPage({ onOpen }: { onOpen: (taskId: string) => void }) {
  const { t, i18n } = useTranslation();
  const formatCount = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  // The list changes on sync and while videos download: refetched on those events (throttled), with a slow timer
  // as a safety net for an event missed while the event socket reconnected.
  const list = useInvoke('review.listTasks', {}, { refetchInterval: 60_000 });
  useSyncEventRefresh(list.refetch);
  const rows = list.data?.tasks ?? NO_ROWS;
  // A refetch keeps unchanged rows as the same objects (structural sharing), so their search text is reused.
  const haystacks = useMemo(() => rows.map(cachedSearchText), [rows]);
  const [filter, setFilter] = useState<TaskFilter>(NO_FILTER);
  const today = localToday();
  const shown = useMemo(() => filterTasks(rows, haystacks, filter, today), [rows, haystacks, filter, today]);
  const patch = (next: Partial<TaskFilter>) => setFilter((current) => ({ ...current, ...next }));

  return (
    <PageFrame testId="page-tasks" title={t('pages.tasks.title')} description={t('pages.tasks.description')}>
      {list.isError && appErrorOf(list.error).code === 'UNAUTHORIZED' ? (
        <WorkspaceEmpty testId="empty-tasks" what={t('pages.tasks.empty')} when={t('pages.tasks.emptyHint')} />
      ) : list.isError ? (
        <Typography.Text type="danger" data-testid="task-list-error">
          {t('review.list.loadFailed')}: {reviewErrorText(t, list.error)}
        </Typography.Text>
      ) : !list.data ? (
        <Skeleton active />
      ) : rows.length === 0 ? (
        <WorkspaceEmpty testId="empty-tasks" what={t('review.list.noTasks')} when={t('review.list.noTasksHint')} />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12, width: '100%' }}>
            <Input.Search
              allowClear
              placeholder={t('review.list.search')}
              style={{ width: 320 }}
              value={filter.search}
              onChange={(event) => patch({ search: event.target.value })}
              data-testid="task-search"
            />
            <Select
              style={{ width: 150 }}
              value={filter.scoring}
              onChange={(scoring) => patch({ scoring })}
              data-testid="task-filter-scoring"
              aria-label={t('review.list.scoringFilter')}
              options={[
                { value: 'all', label: `${t('review.list.scoringFilter')}: ${t('review.list.all')}` },
                ...(['new', 'draft', 'submitted', 'rejected'] as const).map((value) => ({ value, label: t(`review.scoringState.${value}`) })),
              ]}
            />
            <Select
              style={{ width: 150 }}
              value={filter.media}
              onChange={(media) => patch({ media })}
              data-testid="task-filter-media"
              aria-label={t('review.list.mediaFilter')}
              options={[
                { value: 'all', label: `${t('review.list.mediaFilter')}: ${t('review.list.all')}` },
                ...(['ready', 'downloading', 'notDownloaded', 'missing'] as const).map((value) => ({ value, label: t(`review.media.${value}`) })),
              ]}
            />
            <Checkbox checked={filter.overdueOnly} onChange={(event) => patch({ overdueOnly: event.target.checked })} data-testid="task-filter-overdue">
              {t('review.list.overdueOnly')}
            </Checkbox>
            <Typography.Text type="secondary" data-testid="task-count" data-shown={shown.length} data-total={rows.length}>
              {shown.length === rows.length
                ? t('review.list.count', { total: formatCount(rows.length) })
                : t('review.list.shown', { shown: formatCount(shown.length), total: formatCount(rows.length) })}
            </Typography.Text>
          </Space>
          {shown.length === 0 ? (
            <Typography.Paragraph type="secondary" data-testid="task-list-no-match">{t('review.list.empty')}</Typography.Paragraph>
          ) : (
            <TaskTable rows={shown} today={today} onOpen={onOpen} />
          )}
        </>
      )}
    </PageFrame>
  );
}
