import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The shape of Electron's `safeStorage` (the subset we use), so electron/main can pass `safeStorage` itself and
 * services never import 'electron'. Ciphertext is opaque bytes; only the same adapter can read it back.
 */
export interface SecretStorage {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export class SecretStorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretStorageError';
  }
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM under a 32-byte key: version byte, IV, tag, ciphertext. The tag makes a flipped bit or a blob made
 * under another key fail loudly rather than decrypt to garbage.
 */
export function createKeyedSecretStorage(key: Buffer): SecretStorage {
  if (key.length !== 32) throw new SecretStorageError('secret key must be 32 bytes');
  return {
    isEncryptionAvailable: () => true,
    encryptString(plainText) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      if (encrypted.length < 1 + IV_BYTES + TAG_BYTES || encrypted[0] !== VERSION) {
        throw new SecretStorageError('not a secret written by this storage');
      }
      const iv = encrypted.subarray(1, 1 + IV_BYTES);
      const tag = encrypted.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(encrypted.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretStorageError('secret does not decrypt under this key (tampered, or another key)');
      }
    },
  };
}

export const SECRET_KEY_FILE = 'secret.key';

export interface EnvironmentSecretOptions {
  env?: NodeJS.ProcessEnv;
  dataDir: string;
}

/**
 * Web mode and tests: the key comes from OSEA_SECRET_KEY (any string; hashed to 32 bytes), else from a random key
 * file (mode 0600) in the data folder. The key file is WEAKER than safeStorage: anyone who can read the data folder
 * can read the tokens and the device key, because the key sits next to what it protects. It only keeps secrets out
 * of the SQLite file itself (backups, copies of the store, support bundles).
 */
export function secretStorageFromEnvironment(options: EnvironmentSecretOptions): { storage: SecretStorage; source: 'env' | 'key-file' } {
  const fromEnv = (options.env ?? process.env).OSEA_SECRET_KEY;
  if (fromEnv && fromEnv.length > 0) {
    return { storage: createKeyedSecretStorage(createHash('sha256').update(fromEnv, 'utf8').digest()), source: 'env' };
  }
  return { storage: createKeyedSecretStorage(readOrCreateKeyFile(options.dataDir)), source: 'key-file' };
}

function readOrCreateKeyFile(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SECRET_KEY_FILE);
  if (!existsSync(file)) {
    try {
      // 'wx' so two processes starting together never overwrite each other's key.
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new SecretStorageError(`key file ${file} is damaged (expected 32 bytes of base64)`);
  return key;
}
