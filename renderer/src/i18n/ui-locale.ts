import type { Locale } from 'antd/es/locale';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Language } from '../../../shared/domain/settings/settings';

export const antdLocale: Record<Language, Locale> = { 'zh-CN': zhCNAntd, 'en-US': enUSAntd };

const dayjsLocale: Record<Language, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

export function applyDayjsLocale(language: Language): void {
  dayjs.locale(dayjsLocale[language]);
}
