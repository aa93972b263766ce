import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings/settings';
import { SettingsRepository } from '../../../electron/services/db/repositories/settings-repository';
import { WorkstationStore } from '../../../electron/services/db/store';
import { tempDir } from './temp-dir';

describe('settings repository', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: WorkstationStore;
  let settings: SettingsRepository;

  beforeEach(() => {
    dir = tempDir();
    store = WorkstationStore.open(dir.path);
    settings = new SettingsRepository(() => store.db(), () => ({ ...DEFAULT_SETTINGS, registryUrl: 'http://127.0.0.1:4000' }));
  });
  afterEach(() => {
    store.close();
    dir.remove();
  });

  it('answers the injected defaults until something is saved', () => {
    expect(settings.get()).toEqual({ registryUrl: 'http://127.0.0.1:4000', language: 'zh-CN', mediaQuotaGiB: 20 });
  });

  it('saves a partial update and keeps the other keys', () => {
    settings.update({ language: 'en-US' });
    expect(settings.get()).toEqual({ registryUrl: 'http://127.0.0.1:4000', language: 'en-US', mediaQuotaGiB: 20 });
    settings.update({ mediaQuotaGiB: 5 });
    expect(settings.get()).toEqual({ registryUrl: 'http://127.0.0.1:4000', language: 'en-US', mediaQuotaGiB: 5 });
  });

  it('rejects a bad value and leaves every saved value intact', () => {
    settings.update({ registryUrl: 'https://saved.example.org', language: 'en-US' });
    expect(() => settings.update({ registryUrl: 'ftp://nope', language: 'zh-CN' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    expect(() => settings.update({ language: 'fr-FR' })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    for (const quota of [0, 2.5, 5000, -1]) {
      expect(() => settings.update({ mediaQuotaGiB: quota })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
    expect(settings.get()).toEqual({ registryUrl: 'https://saved.example.org', language: 'en-US', mediaQuotaGiB: 20 });
  });

  it('falls back to the default for a stored value that no longer passes its schema', () => {
    store.db().prepare("INSERT INTO settings (key, value, updated_at) VALUES ('language', '\"klingon\"', 'x')").run();
    expect(settings.get().language).toBe('zh-CN');
  });
});
