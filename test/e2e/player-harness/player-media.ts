/**
 * Media for the player e2e and bench: frame-strip videos (H5's generator, cached) run through the registry's real
 * ingest, so the player is tested on exactly what experts download: proxy.mp4 + frames.json.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestVideo } from '../../../registry/media/ingest';
import { cachedFrameStripVideo, type FrameStripProfile } from '../../../resources/video/frame-strip-video';
import { FrameTable } from '../../../shared/domain/media/frame-table';

export interface IngestedClip {
  profile: FrameStripProfile;
  /** the generated source (what a phone would upload) */
  sourcePath: string;
  dir: string;
  proxyPath: string;
  framesPath: string;
  table: FrameTable;
}

/** Ingests `profile` into `root/<profile>/` (fresh each run: the ingest code is what is under test). */
export async function ingestClip(root: string, cacheDir: string, profile: FrameStripProfile, seconds: number): Promise<IngestedClip> {
  const source = await cachedFrameStripVideo(cacheDir, profile, seconds);
  const dir = join(root, profile);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await ingestVideo({ inputPath: source.path, outDir: dir });
  const proxyPath = join(dir, 'proxy.mp4');
  const framesPath = join(dir, 'frames.json');
  if (!existsSync(proxyPath)) throw new Error(`ingest of ${profile} wrote no proxy.mp4`);
  const table = FrameTable.parse(JSON.parse(await readFile(framesPath, 'utf8')));
  return { profile, sourcePath: source.path, dir, proxyPath, framesPath, table };
}

/** Writes a deliberately wrong frame table next to the proxy and returns its file name. */
export async function writeBadTable(clip: IngestedClip, name: string, table: unknown): Promise<string> {
  const file = `frames-${name}.json`;
  await writeFile(join(clip.dir, file), JSON.stringify(table));
  return file;
}
