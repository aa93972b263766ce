import { createPublicKey, verify, type KeyObject } from 'node:crypto';

const RAW_KEY = /^[A-Za-z0-9_-]{43}$/;
// DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING }.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** An Ed25519 public key given raw (base64url, 32 bytes) or as DER SPKI (base64) → its SPKI in base64; null if neither. */
export function normaliseEd25519PublicKey(input: string): string | null {
  try {
    let der: Buffer;
    if (RAW_KEY.test(input)) {
      const raw = Buffer.from(input, 'base64url');
      if (raw.length !== 32) return null;
      der = Buffer.concat([SPKI_PREFIX, raw]);
    } else {
      der = Buffer.from(input, 'base64');
    }
    const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return null;
    return (key.export({ format: 'der', type: 'spki' }) as Buffer).toString('base64');
  } catch {
    return null;
  }
}

const keyObjects = new Map<string, KeyObject>();

/** KeyObjects by their SPKI text (the cache key is the key itself, so it cannot serve a wrong one). */
export function publicKeyFromSpki(spkiBase64: string): KeyObject {
  let key = keyObjects.get(spkiBase64);
  if (!key) {
    key = createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
    if (keyObjects.size > 10_000) keyObjects.clear();
    keyObjects.set(spkiBase64, key);
  }
  return key;
}

/**
 * The same check on libuv's thread pool (crypto.verify with a callback): a batch of decisions is verified on the other
 * core while the main thread applies the ops before them. Never rejects: a malformed signature is simply false.
 */
export function verifyEd25519Async(publicKey: KeyObject, message: string, signatureBase64: string): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const signature = Buffer.from(signatureBase64, 'base64');
      if (signature.length !== 64) {
        resolve(false);
        return;
      }
      verify(null, Buffer.from(message, 'utf8'), publicKey, signature, (error, valid) => resolve(error === null && valid));
    } catch {
      resolve(false);
    }
  });
}

export function verifyEd25519(publicKey: KeyObject, message: string, signatureBase64: string): boolean {
  try {
    const signature = Buffer.from(signatureBase64, 'base64');
    if (signature.length !== 64) return false;
    return verify(null, Buffer.from(message, 'utf8'), publicKey, signature);
  } catch {
    return false;
  }
}
