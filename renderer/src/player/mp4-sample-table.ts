/**
 * Just enough ISO BMFF (MP4) parsing to decode a review proxy's video with WebCodecs: the `moov` of the first video
 * track — codec configuration (avcC), sample sizes, file offsets, decode and composition times, sync samples and the
 * edit list. Written here rather than pulled in (mp4box is ~330 kB unminified) because the proxy is one known shape:
 * faststart, one H.264 track (DESIGN §8). Anything else parses to null and the player keeps its <video>-only path.
 */

export interface Mp4Sample {
  /** byte offset of the sample in the file */
  offset: number;
  size: number;
  /** decode time, in track timescale ticks */
  dts: number;
  /** presentation time as players show it (composition time shifted by the edit list), in track ticks */
  pts: number;
  sync: boolean;
}

export interface Mp4VideoTrack {
  timescale: number;
  /** WebCodecs codec string, e.g. avc1.640028 */
  codec: string;
  /** the avcC record: VideoDecoderConfig.description */
  description: Uint8Array;
  codedWidth: number;
  codedHeight: number;
  /** in decode order */
  samples: Mp4Sample[];
}

interface Box {
  type: string;
  /** payload start (after the header) and end, absolute in the buffer */
  start: number;
  end: number;
}

/** Top-level box headers of a file prefix: where `moov` is, or where to look next when the prefix is too short. */
export type MoovLocation = { found: true; offset: number; size: number } | { found: false; nextOffset: number | null };

/**
 * Walks top-level boxes in `prefix` (bytes from `base` of the file) looking for `moov`. A faststart proxy has it
 * right after `ftyp`; for other files the caller fetches the header at `nextOffset` and asks again.
 */
export function locateMoov(prefix: Uint8Array, base = 0): MoovLocation {
  const view = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength);
  let at = 0;
  while (at + 8 <= prefix.byteLength) {
    let size = view.getUint32(at);
    const type = fourCC(prefix, at + 4);
    if (size === 1) {
      if (at + 16 > prefix.byteLength) return { found: false, nextOffset: base + at };
      size = Number(view.getBigUint64(at + 8));
    } else if (size === 0) {
      return type === 'moov' ? { found: true, offset: base + at, size: Number.POSITIVE_INFINITY } : { found: false, nextOffset: null };
    }
    if (size < 8) return { found: false, nextOffset: null };
    if (type === 'moov') return { found: true, offset: base + at, size };
    at += size;
  }
  return { found: false, nextOffset: base + at };
}

function fourCC(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
}

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Child boxes of the range [start, end). */
  children(start: number, end: number): Box[] {
    const boxes: Box[] = [];
    let at = start;
    while (at + 8 <= end) {
      let size = this.view.getUint32(at);
      let header = 8;
      if (size === 1) {
        size = Number(this.view.getBigUint64(at + 8));
        header = 16;
      } else if (size === 0) size = end - at;
      if (size < header || at + size > end) throw new Mp4ParseError(`box ${fourCC(this.bytes, at + 4)} overruns its parent`);
      boxes.push({ type: fourCC(this.bytes, at + 4), start: at + header, end: at + size });
      at += size;
    }
    return boxes;
  }

  child(parent: Box, type: string): Box | undefined {
    return this.children(parent.start, parent.end).find((box) => box.type === type);
  }

  path(parent: Box, ...types: string[]): Box | undefined {
    let box: Box | undefined = parent;
    for (const type of types) box = box && this.child(box, type);
    return box;
  }

  u8 = (at: number): number => this.view.getUint8(at);
  u16 = (at: number): number => this.view.getUint16(at);
  u32 = (at: number): number => this.view.getUint32(at);
  i32 = (at: number): number => this.view.getInt32(at);
  u64 = (at: number): number => Number(this.view.getBigUint64(at));
  i64 = (at: number): number => Number(this.view.getBigInt64(at));
}

export class Mp4ParseError extends Error {}

/**
 * The first video track of a `moov` box (`moov` = the whole box, header included), or null when it is not one the
 * WebCodecs path handles (not H.264, no avcC, an edit list other than "optionally delay, then play from one point").
 * Throws Mp4ParseError on a malformed box.
 */
export function parseVideoTrack(moov: Uint8Array): Mp4VideoTrack | null {
  const r = new Reader(moov);
  const [root] = r.children(0, moov.byteLength);
  if (root?.type !== 'moov') throw new Mp4ParseError('not a moov box');
  const mvhd = r.child(root, 'mvhd');
  const movieTimescale = mvhd ? r.u32(mvhd.start + (r.u8(mvhd.start) === 1 ? 20 : 12)) : 0;
  for (const trak of r.children(root.start, root.end).filter((box) => box.type === 'trak')) {
    const hdlr = r.path(trak, 'mdia', 'hdlr');
    if (!hdlr || fourCC(moov, hdlr.start + 8) !== 'vide') continue;
    return parseTrak(r, trak, movieTimescale);
  }
  return null;
}

function parseTrak(r: Reader, trak: Box, movieTimescale: number): Mp4VideoTrack | null {
  const mdhd = r.path(trak, 'mdia', 'mdhd');
  const stbl = r.path(trak, 'mdia', 'minf', 'stbl');
  if (!mdhd || !stbl) throw new Mp4ParseError('video track without mdhd/stbl');
  const timescale = r.u32(mdhd.start + (r.u8(mdhd.start) === 1 ? 20 : 12));
  const entry = sampleEntry(r, stbl);
  if (!entry) return null;
  const shift = editShift(r, trak, timescale, movieTimescale);
  if (shift === null) return null;

  const sizes = sampleSizes(r, stbl);
  const dts = decodeTimes(r, stbl, sizes.length);
  const ctsOffsets = compositionOffsets(r, stbl, sizes.length);
  const offsets = sampleOffsets(r, stbl, sizes);
  const sync = syncSamples(r, stbl, sizes.length);
  const samples = sizes.map((size, i) => ({
    offset: offsets[i] as number,
    size,
    dts: dts[i] as number,
    pts: (dts[i] as number) + (ctsOffsets[i] as number) - shift,
    sync: sync[i] as boolean,
  }));
  return { timescale, ...entry, samples };
}

function sampleEntry(r: Reader, stbl: Box): Pick<Mp4VideoTrack, 'codec' | 'description' | 'codedWidth' | 'codedHeight'> | null {
  const stsd = r.child(stbl, 'stsd');
  if (!stsd) throw new Mp4ParseError('no stsd');
  // full box header (4) + entry count (4), then the sample entries
  const [entry] = r.children(stsd.start + 8, stsd.end);
  if (!entry || (entry.type !== 'avc1' && entry.type !== 'avc3')) return null;
  // VisualSampleEntry: 6 reserved + 2 data_reference_index + 16 pre-defined/reserved, then width and height, and
  // 50 more bytes of fixed fields before the child boxes (78 in all)
  const codedWidth = r.u16(entry.start + 24);
  const codedHeight = r.u16(entry.start + 26);
  const avcC = r.children(entry.start + 78, entry.end).find((box) => box.type === 'avcC');
  if (!avcC || avcC.end - avcC.start < 4) return null;
  const description = r.bytes.slice(avcC.start, avcC.end);
  const hex = (n: number): string => (description[n] ?? 0).toString(16).padStart(2, '0');
  return { codec: `${entry.type}.${hex(1)}${hex(2)}${hex(3)}`, description, codedWidth, codedHeight };
}

/**
 * Ticks to subtract from composition times to get the times players present (what the frame table holds). Only
 * the shapes encoders write are accepted: empty edits (a start delay) followed by one edit that plays from
 * `media_time` onwards; anything else returns null.
 */
function editShift(r: Reader, trak: Box, timescale: number, movieTimescale: number): number | null {
  const elst = r.path(trak, 'edts', 'elst');
  if (!elst) return 0;
  const version = r.u8(elst.start);
  const count = r.u32(elst.start + 4);
  const entrySize = version === 1 ? 20 : 12;
  let delay = 0;
  for (let i = 0; i < count; i += 1) {
    const at = elst.start + 8 + i * entrySize;
    if (at + entrySize > elst.end) throw new Mp4ParseError('elst overruns its box');
    const duration = version === 1 ? r.u64(at) : r.u32(at);
    const mediaTime = version === 1 ? r.i64(at + 8) : r.i32(at + 4);
    if (mediaTime === -1) {
      if (movieTimescale <= 0) return null;
      delay += (duration * timescale) / movieTimescale;
      continue;
    }
    // one playing edit, and it must be the last: a cut list is not something a proxy has
    if (i !== count - 1 || !Number.isInteger(delay)) return null;
    return mediaTime - delay;
  }
  return null;
}

function sampleSizes(r: Reader, stbl: Box): number[] {
  const stsz = r.child(stbl, 'stsz');
  if (!stsz) throw new Mp4ParseError('no stsz (compact stz2 is not written by our encoder)');
  const fixed = r.u32(stsz.start + 4);
  const count = r.u32(stsz.start + 8);
  if (fixed !== 0) return new Array<number>(count).fill(fixed);
  if (stsz.start + 12 + count * 4 > stsz.end) throw new Mp4ParseError('stsz overruns its box');
  return Array.from({ length: count }, (_, i) => r.u32(stsz.start + 12 + i * 4));
}

function decodeTimes(r: Reader, stbl: Box, count: number): number[] {
  const stts = r.child(stbl, 'stts');
  if (!stts) throw new Mp4ParseError('no stts');
  const times: number[] = [];
  let time = 0;
  const entries = r.u32(stts.start + 4);
  for (let e = 0; e < entries && times.length < count; e += 1) {
    const at = stts.start + 8 + e * 8;
    const run = r.u32(at);
    const delta = r.u32(at + 4);
    for (let k = 0; k < run && times.length < count; k += 1) {
      times.push(time);
      time += delta;
    }
  }
  if (times.length !== count) throw new Mp4ParseError(`stts covers ${times.length} of ${count} samples`);
  return times;
}

function compositionOffsets(r: Reader, stbl: Box, count: number): number[] {
  const ctts = r.child(stbl, 'ctts');
  if (!ctts) return new Array<number>(count).fill(0);
  // version 1 offsets are signed; version 0 ones are unsigned but encoders write small values either way
  const signed = r.u8(ctts.start) === 1;
  const offsets: number[] = [];
  const entries = r.u32(ctts.start + 4);
  for (let e = 0; e < entries && offsets.length < count; e += 1) {
    const at = ctts.start + 8 + e * 8;
    const run = r.u32(at);
    const offset = signed ? r.i32(at + 4) : r.u32(at + 4);
    for (let k = 0; k < run && offsets.length < count; k += 1) offsets.push(offset);
  }
  if (offsets.length !== count) throw new Mp4ParseError(`ctts covers ${offsets.length} of ${count} samples`);
  return offsets;
}

function syncSamples(r: Reader, stbl: Box, count: number): boolean[] {
  const stss = r.child(stbl, 'stss');
  // no stss: every sample is a sync sample
  if (!stss) return new Array<boolean>(count).fill(true);
  const sync = new Array<boolean>(count).fill(false);
  const entries = r.u32(stss.start + 4);
  for (let e = 0; e < entries; e += 1) {
    const sample = r.u32(stss.start + 8 + e * 4);
    if (sample >= 1 && sample <= count) sync[sample - 1] = true;
  }
  return sync;
}

function sampleOffsets(r: Reader, stbl: Box, sizes: readonly number[]): number[] {
  const stsc = r.child(stbl, 'stsc');
  const stco = r.child(stbl, 'stco');
  const co64 = r.child(stbl, 'co64');
  if (!stsc || (!stco && !co64)) throw new Mp4ParseError('no stsc/stco');
  const chunkBox = (stco ?? co64) as Box;
  const chunkCount = r.u32(chunkBox.start + 4);
  const chunkOffset = (chunk: number): number =>
    stco ? r.u32(chunkBox.start + 8 + chunk * 4) : r.u64(chunkBox.start + 8 + chunk * 8);
  const runs = Array.from({ length: r.u32(stsc.start + 4) }, (_, e) => ({
    firstChunk: r.u32(stsc.start + 8 + e * 12) - 1,
    perChunk: r.u32(stsc.start + 8 + e * 12 + 4),
  }));
  const offsets: number[] = [];
  for (let e = 0; e < runs.length; e += 1) {
    const run = runs[e] as { firstChunk: number; perChunk: number };
    const lastChunk = (runs[e + 1]?.firstChunk ?? chunkCount) - 1;
    for (let chunk = run.firstChunk; chunk <= lastChunk && offsets.length < sizes.length; chunk += 1) {
      let at = chunkOffset(chunk);
      for (let k = 0; k < run.perChunk && offsets.length < sizes.length; k += 1) {
        offsets.push(at);
        at += sizes[offsets.length - 1] as number;
      }
    }
  }
  if (offsets.length !== sizes.length) throw new Mp4ParseError(`stsc/stco place ${offsets.length} of ${sizes.length} samples`);
  return offsets;
}
