import { Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useInvoke } from '../../app/query/use-invoke';

export function AboutModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const info = useInvoke('app.info', {}, { enabled: open });

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('app.productFullName')}
      footer={
        <Button type="primary" onClick={onClose} data-testid="about-close">
          {t('about.close')}
        </Button>
      }
      data-testid="about-modal"
      width={560}
    >
      <Descriptions
        column={1}
        size="small"
        bordered
        style={{ marginBlock: 16 }}
        styles={{ label: { width: 136, whiteSpace: 'nowrap' } }}
      >
        <Descriptions.Item label={t('about.version')}>
          <span data-testid="about-version">{info.data?.version ?? '…'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('about.mode')}>
          <span data-testid="about-mode">{info.data ? t(`about.modes.${info.data.mode}`) : '…'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('about.platform')}>{info.data?.platform ?? '…'}</Descriptions.Item>
        <Descriptions.Item label={t('about.rulesLabel')}>
          {/* Named, not linked: the public registry's address for its rules is not published yet, and a guessed
              URL would send users somewhere unknown. Links, when added, go through app.openExternal. */}
          <Typography.Text data-testid="about-rules">{t('about.rules')}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('about.licences')}
      </Typography.Paragraph>
    </Modal>
  );
}
