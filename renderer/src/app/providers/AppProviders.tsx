import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, theme } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { antdLocale } from '../../i18n/ui-locale';
import { currentLanguage, i18n } from '../../i18n/setup';
import { createQueryClient } from '../query/query-client';

/** Fonts that carry Chinese glyphs on Windows, macOS and Debian (fonts-noto-cjk) before the Latin fallbacks. */
const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif";

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <LocalisedAntd>{children}</LocalisedAntd>
      </I18nextProvider>
    </QueryClientProvider>
  );
}

/** antd's own texts (pagination, empty, modal buttons) and the document language follow the UI language. */
function LocalisedAntd({ children }: { children: ReactNode }) {
  const { t, i18n: instance } = useTranslation();
  const language = currentLanguage();
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.productName');
  }, [language, t, instance]);
  return (
    <ConfigProvider
      locale={antdLocale[language]}
      theme={{ algorithm: theme.defaultAlgorithm, token: { fontFamily, borderRadius: 4 } }}
    >
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
