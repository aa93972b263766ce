import type { Database } from 'better-sqlite3';
import { BlobVerifier } from '../media-cache/blob-verifier';
import type { BlobNeed } from '../media-cache/media-cache';

/** What review needs from the media cache; MediaCache implements it (verifyForTask, redownload). */
export interface ReviewMedia {
  /** True when the cached blob is whole; a damaged or absent one is dropped and queued again, and this is false. */
  verify(sha256: string, need: BlobNeed): Promise<boolean>;
  /** Drops the blobs and queues their download; resolves with the blobs now queued. */
  redownload(sha256s: readonly string[], need: BlobNeed): Promise<string[]>;
}

/** The media cache as review sees it. */
export const cacheMedia = (cache: { verifyForTask: ReviewMedia['verify']; redownload: ReviewMedia['redownload'] }): ReviewMedia => ({
  verify: (sha256, need) => cache.verifyForTask(sha256, need),
  redownload: (sha256s, need) => cache.redownload(sha256s, need),
});

/**
 * With no downloader at hand (the review logic tested on its own): damaged files are still refused and dropped, so
 * nothing plays them; the next pull's media refresh queues them again. Nothing is queued here.
 */
export function localOnlyMedia(db: () => Database, root: string): ReviewMedia {
  const verifier = new BlobVerifier(db, root);
  return {
    async verify(sha256) {
      if ((await verifier.check(sha256)) === 'ok') return true;
      await verifier.drop(sha256);
      return false;
    },
    async redownload(sha256s) {
      for (const sha256 of sha256s) await verifier.drop(sha256);
      return [];
    },
  };
}
