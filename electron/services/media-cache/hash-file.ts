import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Streams a file (or its first `length` bytes) into a sha256; large files never sit in memory. */
export async function hashFileInto(hash: Hash, path: string, length?: number): Promise<void> {
  if (length === 0) return;
  const stream = createReadStream(path, { highWaterMark: 1 << 20, ...(length === undefined ? {} : { start: 0, end: length - 1 }) });
  for await (const chunk of stream) hash.update(chunk as Buffer);
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await hashFileInto(hash, path);
  return hash.digest('hex');
}
