import { App, Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { osea } from '../../app/bridge/osea';
import { useInvoke } from '../../app/query/use-invoke';
import { translateAppError } from '../../i18n/error-message';
import { PUBLIC_RULES_URL } from './public-rules';

export function AboutModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const info = useInvoke('app.info', {}, { enabled: open });

  // Links leave the app only through the vetted openExternal channel (DESIGN §9), never window.open.
  const openRules = async () => {
    const result = await osea.invoke('app.openExternal', { url: PUBLIC_RULES_URL });
    if (!result.ok) void message.error(t('about.openRulesFailed', { message: translateAppError(t, result.error) }));
  };

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
          <Typography.Link onClick={() => void openRules()} data-testid="about-rules-link">
            {t('about.rules')}
          </Typography.Link>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('about.licences')}
      </Typography.Paragraph>
    </Modal>
  );
}
