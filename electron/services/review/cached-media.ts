import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FrameTable } from '../../../shared/domain/media/frame-table';

/** Where the media cache keeps a blob, relative to its root (layout of the 0004 migration: <aa>/<sha256>). */
export const cachedBlobRelativePath = (sha256: string): string => `${sha256.slice(0, 2)}/${sha256}`;

/**
 * The frame table of a cached proxy, parsed; null when the file is absent or not a valid table for that proxy (the
 * review screen then shows the media as missing rather than a player that could name a wrong frame).
 */
export function readCachedFrameTable(mediaRoot: string, frameTableSha256: string, proxySha256: string): FrameTable | null {
  let text: string;
  try {
    text = readFileSync(join(mediaRoot, cachedBlobRelativePath(frameTableSha256)), 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = FrameTable.safeParse(json);
  return parsed.success && parsed.data.proxySha256 === proxySha256 ? parsed.data : null;
}
