import { join } from 'node:path';

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Layout shared with review/cached-media.ts: <root>/<first two hex>/<sha256>, and its download in progress beside it. */
export function blobPaths(root: string, sha256: string): { dir: string; final: string; part: string } {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
  const dir = join(root, sha256.slice(0, 2));
  return { dir, final: join(dir, sha256), part: join(dir, `${sha256}.part`) };
}
