import { GlobalOutlined } from '@ant-design/icons';
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Language } from '../../../../shared/domain/settings/settings';
import { translateAppError } from '../../i18n/error-message';
import { languageNames } from '../../i18n/languages';
import { currentLanguage, i18n } from '../../i18n/setup';
import { useSaveSettings } from '../settings/use-settings';

/** The language can be chosen before anyone signs in: it is a setting of this machine, saved like the others. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveSettings();
  const onChange = (language: Language) =>
    save.mutate(
      { language },
      {
        onSuccess: (saved) => void i18n.changeLanguage(saved.language),
        onError: (error) => void message.error(t('settings.saveFailed', { message: translateAppError(t, error.appError) })),
      },
    );
  return (
    <Select<Language>
      aria-label={t('session.language')}
      value={currentLanguage()}
      onChange={onChange}
      loading={save.isPending}
      variant="borderless"
      prefix={<GlobalOutlined />}
      popupMatchSelectWidth={false}
      options={Language.options.map((language) => ({ value: language, label: languageNames[language] }))}
      data-testid="sign-in-language"
      className="osea-sign-in__language"
    />
  );
}
