import { SyncOutlined } from '@ant-design/icons';
import { Button, Tooltip, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSyncNow } from './use-sync-status';

/**
 * "Sync now": one attempt right away (a pending backoff wait is skipped). Offline, it simply comes back offline —
 * no dialog; the status says so.
 */
export function SyncNowButton({ signedIn, testId, ...button }: { signedIn: boolean; testId: string } & Pick<ButtonProps, 'size' | 'ghost' | 'type'>) {
  const { t } = useTranslation();
  const syncNow = useSyncNow();
  const busy = syncNow.isPending;
  const control = (
    <Button
      {...button}
      icon={<SyncOutlined spin={busy} />}
      disabled={!signedIn}
      aria-busy={busy}
      data-testid={testId}
      data-busy={busy}
      onClick={() => {
        if (!busy) syncNow.mutate({});
      }}
    >
      {busy ? t('sync.now.running') : t('sync.now.label')}
    </Button>
  );
  // A disabled button gets no pointer events; the wrapper carries the tooltip that says why.
  return signedIn ? control : (
    <Tooltip title={t('sync.now.signedOut')}>
      <span style={{ display: 'inline-block' }}>{control}</span>
    </Tooltip>
  );
}
