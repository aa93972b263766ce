import { open } from 'node:fs/promises';

/** Video containers the registry takes (ffprobe `format_name` tokens). Images, text and audio formats are not. */
const VIDEO_FORMATS = new Set(['mov', 'mp4', 'matroska', 'webm', 'avi', 'mpegts', 'mpeg', 'flv', 'asf']);

export function isVideoContainer(formatName: string): boolean {
  return formatName.split(',').some((token) => VIDEO_FORMATS.has(token));
}

/**
 * Names the video container a file's first bytes announce, or null. Used only when ffprobe cannot open a file:
 * a file that starts like a video container but cannot be read was cut short (e.g. an mp4 whose index never got
 * written); anything else is simply not a video.
 */
export async function sniffVideoContainer(path: string): Promise<string | null> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(376);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    const ascii = (from: number, to: number): string => bytes.toString('latin1', from, to);
    if (bytes.length >= 8 && ['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip'].includes(ascii(4, 8))) return 'iso-bmff';
    if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) return 'matroska';
    if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'AVI ') return 'avi';
    if (bytes.length >= 189 && bytes[0] === 0x47 && bytes[188] === 0x47) return 'mpegts';
    if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x000001ba) return 'mpeg-ps';
    if (bytes.length >= 3 && ascii(0, 3) === 'FLV') return 'flv';
    if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x3026b275) return 'asf';
    return null;
  } finally {
    await handle.close();
  }
}
