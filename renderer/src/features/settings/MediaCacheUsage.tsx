import { useTranslation } from 'react-i18next';
import { useInvoke } from '../../app/query/use-invoke';
import { formatBytes } from '../sync/transfer-format';

/** How much of the media cache's budget is in use; refreshed with the settings it sits beside. */
export function MediaCacheUsage() {
  const { t, i18n } = useTranslation();
  const usage = useInvoke('media.cacheUsage', {});
  if (!usage.data) return null;
  return (
    <span data-testid="settings-media-usage">
      {t('settings.mediaQuota.usage', { used: formatBytes(usage.data.usedBytes, i18n.language), quota: formatBytes(usage.data.quotaBytes, i18n.language) })}
    </span>
  );
}
