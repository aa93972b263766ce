import { Typography } from 'antd';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewErrorText } from '../review-error';
import type { SaveStatusStore } from './save-status-store';

/** "Saved" appears only after the store acknowledged the write (DESIGN §7: the UI says saved only after commit). */
export function SaveStatusText({ store, writable }: { store: SaveStatusStore; writable: boolean }) {
  const { t } = useTranslation();
  const status = useSyncExternalStore(store.subscribe, store.get);
  if (!writable) return null;
  const common = { 'data-testid': 'draft-status', 'data-state': status.kind, 'data-revision': status.revision };
  switch (status.kind) {
    case 'idle':
      return <Typography.Text type="secondary" {...common}>{status.revision > 0 ? t('review.save.saved', { revision: status.revision, time: '' }) : t('review.save.notYet')}</Typography.Text>;
    case 'saving':
      return <Typography.Text type="secondary" {...common}>{t('review.save.saving')}</Typography.Text>;
    case 'saved':
      return (
        <Typography.Text type="success" {...common}>
          {t('review.save.saved', { revision: status.revision, time: new Date(status.savedAt).toLocaleTimeString() })}
        </Typography.Text>
      );
    case 'failed':
      return <Typography.Text type="danger" {...common}>{t('review.save.failed', { message: reviewErrorText(t, status.error) })}</Typography.Text>;
  }
}
