import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hkdfSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';

export interface ServerKeys {
  /** AES-256-GCM key for resident ID numbers at rest. */
  residentIdCipherKey: Buffer;
  /** HMAC-SHA256 key for the dedup hash of resident ID numbers (a plain hash of an 18-digit ID is brute-forceable). */
  residentIdHashKey: Buffer;
}

const SECRET_FILE = 'server-secret.key';

/**
 * One 32-byte master secret, from OSEA_REGISTRY_SECRET (base64) or a file made once in the data dir (mode 0600);
 * the working keys are derived from it with HKDF so each has one purpose.
 */
export function loadServerKeys(dataDir: string, env: NodeJS.ProcessEnv = process.env): ServerKeys {
  let master: Buffer;
  const fromEnv = env.OSEA_REGISTRY_SECRET;
  if (fromEnv) {
    master = Buffer.from(fromEnv, 'base64');
    if (master.length < 32) throw new Error('OSEA_REGISTRY_SECRET must be at least 32 bytes, base64-encoded');
  } else {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, SECRET_FILE);
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    master = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (master.length < 32) throw new Error(`${file} is damaged: expected 32 bytes of base64`);
  }
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `osea-registry/${purpose}`, 32));
  return { residentIdCipherKey: derive('resident-id-cipher'), residentIdHashKey: derive('resident-id-hash') };
}
