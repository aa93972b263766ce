import type { Language } from '../../../shared/domain/settings/settings';

/** Each language is named in itself, whatever the current UI language, so a reader can always find theirs. */
export const languageNames: Record<Language, string> = {
  'zh-CN': '简体中文',
  'en-US': 'English',
};
