import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/domain/settings/settings';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    // Typed keys: t('nav.tasks') is checked against the zh-CN tree at compile time.
    resources: { translation: typeof zhCN };
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    'en-US': { translation: enUS },
  },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  // React escapes output already.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export const currentLanguage = (): Language => (i18n.language === 'en-US' ? 'en-US' : 'zh-CN');
