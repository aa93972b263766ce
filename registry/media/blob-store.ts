import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Sha256Hex } from '../../shared/domain/media/frame-table';

/**
 * Content-addressed files: a blob's name is its sha256, so a stored blob never changes and can be served with a
 * strong ETag forever. Files are fsynced and renamed into place: a crash leaves either the whole blob or none.
 */
export class BlobStore {
  constructor(readonly root: string) {}

  pathFor(sha256: string): string {
    const sha = Sha256Hex.parse(sha256);
    return join(this.root, sha.slice(0, 2), sha);
  }

  async size(sha256: string): Promise<number | null> {
    try {
      return (await stat(this.pathFor(sha256))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Moves a file whose hash the caller has verified into the store (the same content already there wins). */
  async adopt(sourcePath: string, sha256: string): Promise<string> {
    const target = this.pathFor(sha256);
    await mkdir(dirname(target), { recursive: true });
    const handle = await open(sourcePath, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(sourcePath, target);
    } catch (error) {
      // another file system (EXDEV): copy under a temp name, then rename
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      const temp = `${target}.${randomUUID()}.part`;
      await copyFile(sourcePath, temp);
      await rename(temp, target);
      await rm(sourcePath, { force: true });
    }
    return target;
  }
}
