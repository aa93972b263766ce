import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { generateDeviceKey, signCanonical, verifyCanonical, assertCanonical } from '../../../electron/services/crypto/device-key';
import { checkPasswordVerifier, makePasswordVerifier } from '../../../electron/services/crypto/password-verifier';
import { createKeyedSecretStorage, secretStorageFromEnvironment, SECRET_KEY_FILE } from '../../../electron/services/crypto/secret-storage';
import { UUID_V7, uuidv7 } from '../../../electron/services/crypto/uuidv7';
import { tempDir } from '../../unit/services/temp-dir';

describe('secret storage', () => {
  const dirs: ReturnType<typeof tempDir>[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

  it('round-trips and refuses tampered bytes or another key', () => {
    const storage = createKeyedSecretStorage(Buffer.alloc(32, 1));
    const sealed = storage.encryptString('刷新令牌 refresh-token');
    expect(sealed.includes(Buffer.from('refresh-token'))).toBe(false);
    expect(storage.decryptString(sealed)).toBe('刷新令牌 refresh-token');
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 1;
    expect(() => storage.decryptString(flipped)).toThrow(/tampered/);
    expect(() => createKeyedSecretStorage(Buffer.alloc(32, 2)).decryptString(sealed)).toThrow(/another key/);
    expect(() => storage.decryptString(Buffer.from('garbage'))).toThrow();
  });

  it('keys from OSEA_SECRET_KEY, else from a 0600 key file that survives a restart', () => {
    const dir = tempDir();
    dirs.push(dir);
    const fromEnv = secretStorageFromEnvironment({ dataDir: dir.path, env: { OSEA_SECRET_KEY: 'k' } });
    expect(fromEnv.source).toBe('env');
    const first = secretStorageFromEnvironment({ dataDir: dir.path, env: {} });
    expect(first.source).toBe('key-file');
    expect(statSync(join(dir.path, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
    const sealed = first.storage.encryptString('x');
    expect(secretStorageFromEnvironment({ dataDir: dir.path, env: {} }).storage.decryptString(sealed)).toBe('x');
    expect(() => fromEnv.storage.decryptString(sealed)).toThrow();
  });
});

describe('uuidv7', () => {
  it('is a v7 UUID, unique and in creation order even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1_700_000_000_000));
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(uuidv7(1_800_000_000_000).slice(0, 13).replace('-', '')).toBe((1_800_000_000_000).toString(16).padStart(12, '0'));
  });
});

describe('password verifier', () => {
  it('accepts the password, refuses others and malformed verifiers', async () => {
    const verifier = await makePasswordVerifier('口令-correct');
    expect(verifier).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await checkPasswordVerifier('口令-correct', verifier)).toBe(true);
    expect(await checkPasswordVerifier('口令-wrong', verifier)).toBe(false);
    expect(await checkPasswordVerifier('x', 'nonsense')).toBe(false);
    expect(await makePasswordVerifier('same')).not.toBe(await makePasswordVerifier('same'));
  });
});

describe('device key', () => {
  it('signs canonical JSON verifiably and refuses non-canonical payloads', () => {
    const key = generateDeviceKey();
    const payload = canonicalJson({ taskId: 't1', marks: [{ aspect: 'A1', value: 3 }], verdict: 'pass' });
    const signature = signCanonical(key.privateKeyPkcs8, payload);
    expect(verifyCanonical(key.publicKeySpki, payload, signature)).toBe(true);
    expect(verifyCanonical(key.publicKeySpki, payload.replace('pass', 'fail'), signature)).toBe(false);
    expect(verifyCanonical(generateDeviceKey().publicKeySpki, payload, signature)).toBe(false);
    expect(() => assertCanonical('{"b":1,"a":2}')).toThrow(/canonical/);
    expect(key.keyId).toMatch(/^[0-9a-f]{64}$/);
  });
});
