import { CloudDownloadOutlined, CloudUploadOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { say } from './phrase';
import { durationPhrase, formatBytes, percentOf } from './transfer-format';
import type { Transfer } from './transfers';

/** One transfer in words and a bar: file, percent, bytes, rate, time left; a failed one in the error colour. */
export function TransferLine({ transfer }: { transfer: Transfer }) {
  const { t, i18n } = useTranslation();
  const direction = transfer.direction ?? 'download';
  const failed = transfer.state === 'failed';
  const done = transfer.state === 'done';
  const percent = done ? 100 : percentOf(transfer.bytes, transfer.total);
  const eta = durationPhrase(transfer.etaSeconds);
  const figures = [
    t('sync.transfer.progress', { done: formatBytes(transfer.bytes, i18n.language), total: formatBytes(transfer.total, i18n.language) }),
    ...(transfer.rate && transfer.rate > 0 ? [t('sync.transfer.rate', { rate: formatBytes(transfer.rate, i18n.language) })] : []),
    done ? t('sync.transfer.done') : eta ? t('sync.transfer.eta', { eta: say(t, eta) }) : t('sync.transfer.etaUnknown'),
  ];
  return (
    <div data-testid="sync-transfer-line" data-state={transfer.state} data-sha256={transfer.sha256}>
      <Typography.Text type={failed ? 'danger' : undefined}>
        {failed ? <ExclamationCircleOutlined /> : direction === 'upload' ? <CloudUploadOutlined /> : <CloudDownloadOutlined />}{' '}
        {t(`sync.transfer.${direction}`)} · {t('sync.transfer.file', { hash: transfer.sha256.slice(0, 12) })}
      </Typography.Text>
      {failed ? (
        <div>
          <Typography.Text type="danger">{t('sync.transfer.failed')}</Typography.Text>
        </div>
      ) : (
        <>
          <Progress percent={percent} size="small" status={done ? 'success' : 'active'} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {figures.join(' · ')}
          </Typography.Text>
        </>
      )}
    </div>
  );
}
