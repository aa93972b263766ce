import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json';

/** A device's Ed25519 key pair in portable encodings: PKCS#8 DER (private, to be sealed) and SPKI DER (public). */
export interface DeviceKeyMaterial {
  privateKeyPkcs8: string;
  publicKeySpki: string;
  /** sha256 of the SPKI bytes, hex: names the key in signatures (DESIGN §5 "key id"). */
  keyId: string;
}

export function generateDeviceKey(): DeviceKeyMaterial {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKeyPkcs8: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    publicKeySpki: spki.toString('base64'),
    keyId: createHash('sha256').update(spki).digest('hex'),
  };
}

/** Ed25519 over the UTF-8 bytes of a canonical JSON string; base64 signature. */
export function signCanonical(privateKeyPkcs8: string, canonicalPayload: string): string {
  const key = createPrivateKey({ key: Buffer.from(privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  return sign(null, Buffer.from(canonicalPayload, 'utf8'), key).toString('base64');
}

export function verifyCanonical(publicKeySpki: string, canonicalPayload: string, signature: string): boolean {
  const key = createPublicKey({ key: Buffer.from(publicKeySpki, 'base64'), format: 'der', type: 'spki' });
  return verify(null, Buffer.from(canonicalPayload, 'utf8'), key, Buffer.from(signature, 'base64'));
}

/**
 * Refuses a payload that is not already canonical: signing bytes that a verifier will re-canonicalise differently
 * would produce a signature that fails far from its cause.
 */
export function assertCanonical(payload: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    throw new Error('payload to sign is not JSON');
  }
  if (canonicalJson(parsed) !== payload) throw new Error('payload to sign is not canonical JSON');
}
