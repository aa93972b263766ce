import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewErrorText } from '../review-error';
import type { SaveStatusStore } from './save-status-store';
import type { SaveStatus } from './use-draft-autosave';

/**
 * "Saved" appears only after the store acknowledged the write (DESIGN §7: the UI says saved only after commit).
 * A plain span, not Typography.Text: it repaints twice per keystroke (saving, saved) and Typography's measuring
 * machinery cost about as much as the rest of that repaint; the colours are antd's own (review-screen.css).
 */
const TONE: Record<SaveStatus['kind'], string> = {
  idle: 'osea-text-secondary',
  saving: 'osea-text-secondary',
  saved: 'osea-text-success',
  failed: 'osea-text-danger',
};

export function SaveStatusText({ store, writable }: { store: SaveStatusStore; writable: boolean }) {
  const { t } = useTranslation();
  const status = useSyncExternalStore(store.subscribe, store.get);
  if (!writable) return null;
  const common = {
    'data-testid': 'draft-status',
    'data-state': status.kind,
    'data-revision': status.revision,
    className: TONE[status.kind],
  };
  switch (status.kind) {
    case 'idle':
      return <span {...common}>{status.revision > 0 ? t('review.save.saved', { revision: status.revision, time: '' }) : t('review.save.notYet')}</span>;
    case 'saving':
      return <span {...common}>{t('review.save.saving')}</span>;
    case 'saved':
      return <span {...common}>{t('review.save.saved', { revision: status.revision, time: new Date(status.savedAt).toLocaleTimeString() })}</span>;
    case 'failed':
      return <span {...common}>{t('review.save.failed', { message: reviewErrorText(t, status.error) })}</span>;
  }
}
