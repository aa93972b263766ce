import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { ServerKeys } from './server-secret.js';

const VERSION = 'v1';

/** Resident ID numbers at rest: AES-256-GCM, `v1.<iv>.<tag>.<ciphertext>` in base64url; dedup by keyed hash. */
export class ResidentIdVault {
  constructor(private readonly keys: ServerKeys) {}

  encrypt(residentId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.residentIdCipherKey, iv);
    const body = Buffer.concat([cipher.update(residentId, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('unreadable resident ID ciphertext');
    const decipher = createDecipheriv('aes-256-gcm', this.keys.residentIdCipherKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  dedupHash(residentId: string): string {
    return createHmac('sha256', this.keys.residentIdHashKey).update(residentId.toUpperCase()).digest('hex');
  }
}
