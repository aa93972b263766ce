/**
 * Decodes every displayed frame of a video (rotation applied, as a player shows it) and reads the frame-index strip
 * of each. Frames come out of ffmpeg as PGM images, whose headers carry each picture's size, so no probe is needed.
 */
import { readFrameIndex } from '../../shared/domain/media/frame-strip';
import { spawnFfmpeg } from './run-ffmpeg';

export interface DecodedFrameIndexes {
  /** strip value of each decoded frame in display order; null where the strip is unreadable */
  indexes: (number | null)[];
  width: number;
  height: number;
}

interface PgmHeader {
  width: number;
  height: number;
  headerLength: number;
}

/** Parses a binary PGM (P5, maxval < 256) header at the start of `buffer`, or null if it is not complete yet. */
export function parsePgmHeader(buffer: Buffer): PgmHeader | null {
  const fields: string[] = [];
  let position = 0;
  while (fields.length < 4) {
    while (position < buffer.length && /\s/.test(String.fromCharCode(buffer[position] as number))) position += 1;
    if (buffer[position] === 0x23) {
      // a comment runs to the end of the line
      const end = buffer.indexOf(0x0a, position);
      if (end < 0) return null;
      position = end + 1;
      continue;
    }
    const start = position;
    while (position < buffer.length && !/\s/.test(String.fromCharCode(buffer[position] as number))) position += 1;
    if (position >= buffer.length) return null;
    fields.push(buffer.toString('latin1', start, position));
  }
  const [magic, width, height, maxval] = fields as [string, string, string, string];
  if (magic !== 'P5' || !/^\d+$/.test(width) || !/^\d+$/.test(height) || Number(maxval) > 255) {
    throw new Error(`not an 8-bit binary PGM frame (${fields.join(' ')})`);
  }
  // exactly one whitespace byte separates the header from the pixels
  return { width: Number(width), height: Number(height), headerLength: position + 1 };
}

export async function readFrameIndexes(videoPath: string): Promise<DecodedFrameIndexes> {
  // passthrough: one output picture per decoded frame — never duplicated or dropped to fit a rate
  const { child, done } = spawnFfmpeg([
    '-i', videoPath, '-map', '0:v:0', '-fps_mode', 'passthrough', '-f', 'image2pipe', '-c:v', 'pgm', 'pipe:1',
  ]);
  const indexes: (number | null)[] = [];
  let width = 0;
  let height = 0;
  let pending: Buffer = Buffer.alloc(0);
  child.stdin.end();
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      const header = parsePgmHeader(pending);
      if (header === null) break;
      const size = header.width * header.height;
      if (pending.length < header.headerLength + size) break;
      const pixels = pending.subarray(header.headerLength, header.headerLength + size);
      indexes.push(readFrameIndex({ data: pixels, width: header.width, height: header.height, channels: 1 }));
      width = header.width;
      height = header.height;
      pending = pending.subarray(header.headerLength + size);
    }
  }
  await done;
  if (pending.length > 0) throw new Error(`ffmpeg left ${pending.length} bytes of an incomplete frame`);
  return { indexes, width, height };
}
