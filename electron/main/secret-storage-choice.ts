import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  SECRET_KEY_FILE,
  secretStorageFromEnvironment,
  type SecretStorage,
} from '../services/crypto/secret-storage';

/** Electron's safeStorage, as far as this module reads it (no Electron import: unit-tested in Node). */
export interface SafeStorageLike extends SecretStorage {
  getSelectedStorageBackend?(): string;
}

export interface SecretStorageChoiceOptions {
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  dataDir: string;
  env?: NodeJS.ProcessEnv;
}

export interface ChosenSecretStorage {
  storage: SecretStorage;
  source: 'safeStorage' | 'fallback';
  /** Why the weaker fallback is in use; electron/main logs it. */
  warning: string | null;
}

/**
 * Tokens and the device's private key are sealed by the OS keychain (DPAPI, Keychain, libsecret/kwallet) through
 * safeStorage. Call after app 'ready': before it, safeStorage reports unavailable on Windows and Linux.
 *
 * When safeStorage cannot encrypt (Linux with no secret service, e.g. a bare window manager or no D-Bus session),
 * the app still has to work offline for days, so it falls back to the environment/key-file storage used by web
 * mode, and says so: that key sits in the data folder, so it protects the SQLite file when copied alone, not the
 * folder. Linux's 'basic_text' backend counts as unavailable: it seals with a key hard-coded in Chromium, weaker
 * than a random key file. Secrets sealed by one storage cannot be read by the other: a machine that moves between
 * them asks for an online sign-in again (the decrypt fails loudly, it never yields garbage).
 */
export function chooseSecretStorage(options: SecretStorageChoiceOptions): ChosenSecretStorage {
  const env = options.env ?? process.env;
  const fallback = () => lazyStorage(() => secretStorageFromEnvironment({ dataDir: options.dataDir, env }).storage);
  const unavailable = whySafeStorageUnavailable(options.safeStorage, options.platform);
  if (unavailable) {
    return {
      storage: fallback(),
      source: 'fallback',
      warning: `safeStorage unavailable (${unavailable}); secrets are sealed with OSEA_SECRET_KEY or the key file in ${options.dataDir}, which is weaker`,
    };
  }
  // Builds before safeStorage sealed with the key file (or OSEA_SECRET_KEY): keep reading what they wrote, so an
  // upgrade does not lose the registered device key. Everything written from now on goes through safeStorage.
  const hasLegacy = Boolean(env.OSEA_SECRET_KEY) || existsSync(join(options.dataDir, SECRET_KEY_FILE));
  return {
    storage: hasLegacy ? withLegacyReads(options.safeStorage, fallback()) : options.safeStorage,
    source: 'safeStorage',
    warning: null,
  };
}

function whySafeStorageUnavailable(safeStorage: SafeStorageLike, platform: NodeJS.Platform): string | null {
  let available: boolean;
  try {
    available = safeStorage.isEncryptionAvailable();
  } catch (error) {
    return `isEncryptionAvailable threw: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!available) return 'isEncryptionAvailable() is false';
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    return "Linux backend 'basic_text' uses a hard-coded key";
  }
  return null;
}

/** Built on first use, so an unwritable data folder surfaces through the store dialog, not as a crash at start. */
function lazyStorage(make: () => SecretStorage): SecretStorage {
  let storage: SecretStorage | null = null;
  const get = () => (storage ??= make());
  return {
    isEncryptionAvailable: () => true,
    encryptString: (plainText) => get().encryptString(plainText),
    decryptString: (encrypted) => get().decryptString(encrypted),
  };
}

function withLegacyReads(primary: SecretStorage, legacy: SecretStorage): SecretStorage {
  return {
    isEncryptionAvailable: () => primary.isEncryptionAvailable(),
    encryptString: (plainText) => primary.encryptString(plainText),
    decryptString(encrypted) {
      try {
        return primary.decryptString(encrypted);
      } catch (primaryError) {
        try {
          return legacy.decryptString(encrypted);
        } catch {
          throw primaryError;
        }
      }
    },
  };
}
