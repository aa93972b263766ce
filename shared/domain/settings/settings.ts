import { z } from 'zod';

export const Language = z.enum(['zh-CN', 'en-US']);
export type Language = z.infer<typeof Language>;

/** Only http(s) registries: a file:// or javascript: URL must never become the sync target. */
export const RegistryUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'settings.registryUrl.invalid');

/**
 * Disk budget of the media cache in GiB. Review proxies of a day's tasks run to a few GiB; past the budget, media of
 * finished tasks are evicted (least recently opened first), never those of a task still open.
 */
export const MediaQuotaGiB = z.number().int().min(1).max(4096);

export const Settings = z.object({
  registryUrl: RegistryUrl,
  language: Language,
  mediaQuotaGiB: MediaQuotaGiB,
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = {
  registryUrl: 'http://127.0.0.1:8787',
  language: 'zh-CN',
  mediaQuotaGiB: 20,
};

export const GIB = 1024 ** 3;
