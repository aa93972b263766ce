import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashGrowingFile } from '../../../electron/services/media-cache/growing-file-hasher';
import { PartWriter } from '../../../electron/services/media-cache/part-writer';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'osea-part-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('PartWriter', () => {
  it('writes chunks in arrival order, each in the file when push returns, and reports the running count', async () => {
    const path = join(scratch(), 'x.part');
    const chunks = Array.from({ length: 200 }, (_, i) => randomBytes(32 * 1024 + i));
    const seen: number[] = [];
    const writer = PartWriter.open(path, false, (bytes) => seen.push(bytes));
    let expectedLength = 0;
    for (const chunk of chunks) {
      writer.push(chunk);
      expectedLength += chunk.length;
      // no flush needed: a failed transfer that stops here keeps exactly this much
      expect(statSync(path).size).toBe(expectedLength);
    }
    await writer.sync();
    await writer.close();
    const expected = Buffer.concat(chunks);
    expect(readFileSync(path).equals(expected)).toBe(true);
    expect(seen.at(-1)).toBe(expected.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('refuses a write after close and closes once', async () => {
    const writer = PartWriter.open(join(scratch(), 'x.part'), false);
    await writer.close();
    await writer.close();
    expect(() => writer.push(Buffer.from('late'))).toThrow(/closed/);
  });

  it('appends after what a part already holds', async () => {
    const path = join(scratch(), 'x.part');
    writeFileSync(path, 'kept-');
    const writer = PartWriter.open(path, true);
    writer.push(Buffer.from('more'));
    await writer.sync();
    await writer.close();
    expect(readFileSync(path, 'utf8')).toBe('kept-more');
  });
});

describe('hashGrowingFile', () => {
  it('hashes what the writer has written, in step with it, to the same sha256 as hashing the whole', async () => {
    const path = join(scratch(), 'x.part');
    const bytes = randomBytes(5 << 20);
    let hasher: ReturnType<typeof hashGrowingFile> | null = null;
    const writer = PartWriter.open(path, false, (written) => hasher?.advance(written));
    hasher = hashGrowingFile(path);
    for (let at = 0; at < bytes.length; at += 100_000) writer.push(bytes.subarray(at, at + 100_000));
    expect(await hasher.digest(bytes.length)).toBe(createHash('sha256').update(bytes).digest('hex'));
    await writer.close();
  });

  it('refuses a digest past the end of the file', async () => {
    const path = join(scratch(), 'short.part');
    writeFileSync(path, 'abc');
    await expect(hashGrowingFile(path).digest(10)).rejects.toThrow(/ended at 3 of 10/);
  });
});
