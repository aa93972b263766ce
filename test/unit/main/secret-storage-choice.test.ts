import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseSecretStorage, type SafeStorageLike } from '../../../electron/main/secret-storage-choice';
import { SECRET_KEY_FILE, secretStorageFromEnvironment } from '../../../electron/services/crypto/secret-storage';
import { tempDir } from '../services/temp-dir';

/** Stands in for Electron's safeStorage: a reversible tag, so a test can tell which storage sealed a secret. */
function fakeSafeStorage(options: { available?: boolean; backend?: string; throws?: boolean } = {}): SafeStorageLike & { sealed: number } {
  const fake = {
    sealed: 0,
    isEncryptionAvailable() {
      if (options.throws) throw new Error('keychain exploded');
      return options.available ?? true;
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString(plainText: string) {
      fake.sealed += 1;
      return Buffer.from(`safe:${plainText}`, 'utf8');
    },
    decryptString(encrypted: Buffer) {
      const text = encrypted.toString('utf8');
      if (!text.startsWith('safe:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice('safe:'.length);
    },
  };
  return fake;
}

describe('choosing the secret storage in the Electron app', () => {
  let dir: ReturnType<typeof tempDir>;
  const env = {} as NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('uses safeStorage when it can encrypt, and writes no key file', () => {
    const safe = fakeSafeStorage();
    const chosen = chooseSecretStorage({ safeStorage: safe, platform: 'linux', dataDir: dir.path, env });
    expect(chosen).toMatchObject({ source: 'safeStorage', warning: null });
    const sealed = chosen.storage.encryptString('refresh-token');
    expect(sealed.toString('utf8')).toBe('safe:refresh-token');
    expect(chosen.storage.decryptString(sealed)).toBe('refresh-token');
    expect(existsSync(join(dir.path, SECRET_KEY_FILE))).toBe(false);
  });

  it('falls back to the key file with a warning when safeStorage is unavailable', () => {
    const safe = fakeSafeStorage({ available: false });
    const chosen = chooseSecretStorage({ safeStorage: safe, platform: 'linux', dataDir: dir.path, env });
    expect(chosen.source).toBe('fallback');
    expect(chosen.warning).toMatch(/safeStorage unavailable.*isEncryptionAvailable\(\) is false.*weaker/);
    const sealed = chosen.storage.encryptString('device-private-key');
    expect(safe.sealed).toBe(0);
    expect(sealed.includes(Buffer.from('device-private-key'))).toBe(false);
    expect(existsSync(join(dir.path, SECRET_KEY_FILE))).toBe(true);
    // the same key file reads it back after a restart
    expect(secretStorageFromEnvironment({ dataDir: dir.path, env }).storage.decryptString(sealed)).toBe('device-private-key');
  });

  it("treats Linux 'basic_text' (a hard-coded key) and a throwing keychain as unavailable", () => {
    const basic = chooseSecretStorage({ safeStorage: fakeSafeStorage({ backend: 'basic_text' }), platform: 'linux', dataDir: dir.path, env });
    expect(basic.source).toBe('fallback');
    expect(basic.warning).toContain('basic_text');
    const throwing = chooseSecretStorage({ safeStorage: fakeSafeStorage({ throws: true }), platform: 'darwin', dataDir: dir.path, env });
    expect(throwing.source).toBe('fallback');
    expect(throwing.warning).toContain('keychain exploded');
    // the backend name matters only on Linux
    expect(chooseSecretStorage({ safeStorage: fakeSafeStorage({ backend: 'basic_text' }), platform: 'win32', dataDir: dir.path, env }).source).toBe('safeStorage');
  });

  it('does not touch the data folder before the first secret is sealed (an unusable folder reaches the store dialog)', () => {
    const blocker = join(dir.path, 'a-file');
    writeFileSync(blocker, 'x');
    const chosen = chooseSecretStorage({ safeStorage: fakeSafeStorage({ available: false }), platform: 'linux', dataDir: join(blocker, 'data'), env });
    expect(chosen.source).toBe('fallback');
    expect(() => chosen.storage.encryptString('x')).toThrow(/ENOTDIR/);
  });

  it('keeps reading secrets an older build sealed with the key file; new ones go to safeStorage', () => {
    const legacy = secretStorageFromEnvironment({ dataDir: dir.path, env }).storage;
    const oldDeviceKey = legacy.encryptString('old-device-key');
    const safe = fakeSafeStorage();
    const chosen = chooseSecretStorage({ safeStorage: safe, platform: 'linux', dataDir: dir.path, env });
    expect(chosen.source).toBe('safeStorage');
    expect(chosen.storage.decryptString(oldDeviceKey)).toBe('old-device-key');
    expect(chosen.storage.encryptString('new-token').toString('utf8')).toBe('safe:new-token');
    // garbage still fails loudly, with safeStorage's error
    expect(() => chosen.storage.decryptString(Buffer.from('garbage'))).toThrow(/safeStorage/);
  });
});
