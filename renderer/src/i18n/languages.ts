import type { Language } from '../../../shared/domain/settings/settings';

/** Each language is named in itself, whatever the current UI language, so a reader can always find theirs. */
export const languageNames: Record<Language, string> = {
  'zh-CN': '简体中文',
  'en-US': 'English',
};

/**
 * The language to use when the saved setting cannot be read (the store is unavailable or the back end is gone):
 * the system's own preference, Chinese unless the system prefers English.
 */
export function systemLanguage(preferences: readonly string[] = navigator.languages): Language {
  for (const tag of preferences) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}
