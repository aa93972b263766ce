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
