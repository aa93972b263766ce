import { Progress, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table';
import type { MediaState, ScoringState, TaskListRow } from '../../../../../shared/contract/ipc/review-channels';

export const taskTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text },
});

const helper = createColumnHelper<typeof taskTableFeatures, TaskListRow>();

const SCORING_COLOURS: Record<ScoringState, string> = { new: 'blue', draft: 'gold', submitted: 'green', rejected: 'red' };
const MEDIA_ORDER: Record<MediaState['state'], number> = { ready: 0, downloading: 1, notDownloaded: 2, missing: 3 };

export function MediaCell({ media, t }: { media: MediaState; t: TFunction }) {
  switch (media.state) {
    case 'ready':
      return <Tag color="green">{t('review.media.ready')}</Tag>;
    case 'downloading':
      return (
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minWidth: 120 }}>
          <Progress percent={Math.round(media.percent)} size="small" showInfo={false} style={{ width: 60, margin: 0 }} />
          <span>{t('review.media.downloading', { percent: Math.round(media.percent) })}</span>
        </span>
      );
    case 'notDownloaded':
      return <Tag>{t('review.media.notDownloaded')}</Tag>;
    case 'missing':
      return <Tag color="default">{t('review.media.missing')}</Tag>;
  }
}

/** Column definitions; `today` decides the overdue highlight. Widths are CSS grid tracks of the virtual rows. */
export function taskColumns(t: TFunction, today: string) {
  return helper.columns([
    helper.accessor('practitionerName', {
      id: 'practitioner',
      header: t('review.list.columns.practitioner'),
      sortFn: 'text',
      cell: (info) => (
        <span>
          <Typography.Text strong>{info.row.original.practitionerName}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {info.row.original.residentIdMasked}
          </Typography.Text>
        </span>
      ),
    }),
    helper.accessor('occupationCode', {
      id: 'occupation',
      header: t('review.list.columns.occupation'),
      sortFn: 'alphanumeric',
      cell: (info) => (
        <span>
          {info.row.original.occupationName}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{info.row.original.occupationCode}</Typography.Text>
        </span>
      ),
    }),
    helper.accessor('level', {
      id: 'level',
      header: t('review.list.columns.level'),
      cell: (info) => {
        const level = info.getValue();
        return level >= 1 && level <= 5 ? t(`review.level.${level as 1 | 2 | 3 | 4 | 5}`) : '—';
      },
    }),
    helper.accessor('dueDate', {
      id: 'dueDate',
      header: t('review.list.columns.dueDate'),
      sortFn: 'alphanumeric',
      cell: (info) => {
        const row = info.row.original;
        const overdue = row.dueDate !== '' && row.dueDate < today && (row.scoring === 'new' || row.scoring === 'draft') && row.readOnly === null;
        return overdue ? (
          <span data-overdue="true">
            <Typography.Text type="danger" strong>{row.dueDate}</Typography.Text>
            <br />
            <Tag color="red" style={{ fontSize: 11, lineHeight: '16px', marginTop: 2 }}>{t('review.list.overdue')}</Tag>
          </span>
        ) : (
          row.dueDate
        );
      },
    }),
    helper.accessor((row) => MEDIA_ORDER[row.media.state], {
      id: 'media',
      header: t('review.list.columns.media'),
      cell: (info) => <MediaCell media={info.row.original.media} t={t} />,
    }),
    helper.accessor('scoring', {
      id: 'scoring',
      header: t('review.list.columns.scoring'),
      sortFn: 'text',
      cell: (info) => (
        <span>
          <Tag color={SCORING_COLOURS[info.getValue()]}>{t(`review.scoringState.${info.getValue()}`)}</Tag>
          {info.row.original.readOnly && <Tag>{t('review.readOnly.title')}</Tag>}
        </span>
      ),
    }),
    helper.accessor('round', {
      id: 'round',
      header: t('review.list.columns.round'),
      cell: (info) => t('review.list.roundN', { round: info.getValue() }),
    }),
  ]);
}

export const TASK_GRID_COLUMNS = 'minmax(170px, 1.8fr) minmax(140px, 1.5fr) minmax(180px, 1.5fr) minmax(120px, 1.1fr) minmax(120px, 1.1fr) minmax(110px, 1fr) 80px';
