/** Reads the boxes tests assert on (edit list, track matrix) with mp4box, a real ISO BMFF parser. */
import { readFile } from 'node:fs/promises';
import { createFile, MP4BoxBuffer } from 'mp4box';

export interface VideoTrackBoxes {
  editList: { segmentDuration: number; mediaTime: number }[];
  mediaTimescale: number;
  matrix: number[];
}

export async function readVideoTrackBoxes(path: string): Promise<VideoTrackBoxes> {
  const bytes = await readFile(path);
  const file = createFile();
  const buffer = MP4BoxBuffer.fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), 0);
  file.appendBuffer(buffer);
  file.flush();
  const trak = file.moov?.traks.find((t) => t.mdia?.hdlr?.handler === 'vide');
  if (!trak) throw new Error(`${path}: no video track`);
  return {
    editList: (trak.edts?.elst?.entries ?? []).map((entry) => ({
      segmentDuration: Number(entry.segment_duration),
      mediaTime: Number(entry.media_time),
    })),
    mediaTimescale: trak.mdia?.mdhd?.timescale ?? 0,
    matrix: Array.from(trak.tkhd?.matrix ?? []),
  };
}

/** The top-level box types of an MP4 in file order (faststart: `moov` before `mdat`, so playback starts at once). */
export function topLevelBoxTypes(bytes: Buffer): string[] {
  const types: string[] = [];
  let offset = 0;
  while (offset + 8 <= bytes.length) {
    let size = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (size === 1) size = Number(bytes.readBigUInt64BE(offset + 8));
    else if (size === 0) size = bytes.length - offset;
    if (size < 8) throw new Error(`box ${type} at ${offset} has size ${size}`);
    types.push(type);
    offset += size;
  }
  return types;
}
