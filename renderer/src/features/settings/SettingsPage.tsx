import { App, Button, Form, Input, InputNumber, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Language, MediaQuotaGiB, type Settings } from '../../../../shared/domain/settings/settings';
import type { AppInfo } from '../../../../shared/contract/ipc';
import { PageFrame } from '../../app/shell/PageFrame';
import { useInvoke } from '../../app/query/use-invoke';
import { fieldErrors, translateAppError } from '../../i18n/error-message';
import { languageNames } from '../../i18n/languages';
import { i18n } from '../../i18n/setup';
import { MediaCacheUsage } from './MediaCacheUsage';
import { registryUrlRule } from './registry-url-rule';
import { useSaveSettings, useSettings } from './use-settings';

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const info = useInvoke('app.info', {});
  return (
    <PageFrame testId="page-settings" title={t('settings.title')} description={t('settings.description')}>
      {settings.data && info.data ? (
        <SettingsForm saved={settings.data} info={info.data} />
      ) : settings.isError || info.isError ? (
        <Typography.Text type="danger">
          {t('settings.loadFailed')}: {translateAppError(t, (settings.error ?? info.error)!.appError)}
        </Typography.Text>
      ) : (
        <Skeleton active />
      )}
    </PageFrame>
  );
}

function SettingsForm({ saved, info }: { saved: Settings; info: AppInfo }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Settings>();
  const save = useSaveSettings();

  const onFinish = (values: Settings) =>
    save.mutate(values, {
      // Only an ok result means it is on disk; the language switches first so the message is in the new one.
      onSuccess: async (result) => {
        form.setFieldsValue(result);
        await i18n.changeLanguage(result.language);
        void message.success(i18n.t('settings.saved'));
      },
      onError: (error) => {
        const byField = fieldErrors(t, error.appError);
        form.setFields([...byField].map(([name, text]) => ({ name: name as keyof Settings, errors: [text] })));
        void message.error(t('settings.saveFailed', { message: translateAppError(t, error.appError) }));
      },
    });

  return (
    <Form<Settings>
      form={form}
      layout="vertical"
      initialValues={saved}
      onFinish={onFinish}
      style={{ maxWidth: 640 }}
      requiredMark={false}
      data-testid="settings-form"
    >
      <Form.Item
        name="registryUrl"
        label={t('settings.registryUrl.label')}
        extra={t('settings.registryUrl.help')}
        rules={[registryUrlRule(t)]}
        validateTrigger="onBlur"
      >
        <Input placeholder={t('settings.registryUrl.placeholder')} data-testid="settings-registry-url" />
      </Form.Item>
      <Form.Item name="language" label={t('settings.language.label')}>
        <Select
          data-testid="settings-language"
          style={{ maxWidth: 240 }}
          options={Language.options.map((language) => ({ value: language, label: languageNames[language] }))}
        />
      </Form.Item>
      <Form.Item label={t('settings.mediaQuota.label')} extra={<><MediaCacheUsage /><br />{t('settings.mediaQuota.help')}</>}>
        <Form.Item name="mediaQuotaGiB" noStyle rules={[{ required: true }]}>
          <InputNumber
            min={MediaQuotaGiB.minValue ?? 1}
            max={MediaQuotaGiB.maxValue ?? 4096}
            precision={0}
            suffix="GB"
            style={{ width: 160 }}
            data-testid="settings-media-quota"
          />
        </Form.Item>
      </Form.Item>
      <Form.Item label={t('settings.dataDir.label')} extra={t('settings.dataDir.help')}>
        <Input value={info.dataDir} readOnly variant="filled" data-testid="settings-data-dir" />
      </Form.Item>
      <Form.Item label={t('settings.version.label')}>
        <Typography.Text data-testid="settings-version">{info.version}</Typography.Text>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
        {t('settings.save')}
      </Button>
    </Form>
  );
}
