import { describe, expect, it } from 'vitest';
import { locateMoov, parseVideoTrack } from '../../../renderer/src/player/mp4-sample-table';

/** Hand-built ISO BMFF boxes: the shapes ffmpeg writes for a review proxy, small enough to reason about. */
const u32 = (n: number): number[] => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u16 = (n: number): number[] => [(n >>> 8) & 255, n & 255];
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const box = (type: string, ...payload: number[][]): number[] => {
  const body = payload.flat();
  return [...u32(8 + body.length), ...ascii(type), ...body];
};
const full = (type: string, version: number, ...payload: number[][]): number[] => box(type, [version, 0, 0, 0], ...payload);
const table = (type: string, rows: number[][], version = 0): number[] => full(type, version, u32(rows.length), ...rows);

interface TrackSpec {
  handler?: string;
  entry?: string;
  sizes: number[];
  /** stsc runs: [firstChunk (1-based), samplesPerChunk] */
  chunks: Array<[number, number]>;
  chunkOffsets: number[];
  sttsRuns: Array<[number, number]>;
  cttsRuns?: Array<[number, number]>;
  sync?: number[];
  edits?: Array<[number, number]>;
}

function trak(spec: TrackSpec): number[] {
  const avcC = box('avcC', [1, 0x64, 0x00, 0x28, 0xff, 0xe1]);
  // VisualSampleEntry: 6 reserved, data ref index, 16 pre-defined/reserved, width, height, 50 bytes of fixed fields
  const entry = box(spec.entry ?? 'avc1', new Array(6).fill(0), u16(1), new Array(16).fill(0), u16(1920), u16(1080), new Array(50).fill(0), avcC);
  const stbl = box(
    'stbl',
    full('stsd', 0, u32(1), entry),
    table('stts', spec.sttsRuns.map(([run, delta]) => [...u32(run), ...u32(delta)])),
    ...(spec.cttsRuns ? [table('ctts', spec.cttsRuns.map(([run, offset]) => [...u32(run), ...u32(offset)]))] : []),
    ...(spec.sync ? [table('stss', spec.sync.map((n) => u32(n)))] : []),
    full('stsz', 0, u32(0), u32(spec.sizes.length), ...spec.sizes.map((n) => u32(n))),
    table('stsc', spec.chunks.map(([first, per]) => [...u32(first), ...u32(per), ...u32(1)])),
    table('stco', spec.chunkOffsets.map((n) => u32(n))),
  );
  const mdhd = full('mdhd', 0, u32(0), u32(0), u32(15360), u32(0), u32(0));
  const hdlr = full('hdlr', 0, u32(0), ascii(spec.handler ?? 'vide'), new Array(12).fill(0), [0]);
  const edts = spec.edits ? [box('edts', table('elst', spec.edits.map(([duration, mediaTime]) => [...u32(duration), ...u32(mediaTime >>> 0), ...u32(0x10000)])))] : [];
  return box('trak', ...edts, box('mdia', mdhd, hdlr, box('minf', stbl)));
}

function moov(...traks: number[][]): Uint8Array {
  const mvhd = full('mvhd', 0, u32(0), u32(0), u32(1000), u32(0), new Array(80).fill(0));
  return Uint8Array.from(box('moov', mvhd, ...traks));
}

const PROXY: TrackSpec = {
  sizes: [100, 10, 11, 12, 200, 13],
  // every chunk holds 2 samples: offsets run on from each chunk's start
  chunks: [[1, 2]],
  chunkOffsets: [1000, 2000, 3000],
  sttsRuns: [[6, 512]],
  sync: [1, 5],
  edits: [[6000, 0]],
};

describe('MP4 sample table', () => {
  it('finds moov after ftyp in a faststart prefix, and says where to look next when it is not there', () => {
    const ftyp = box('ftyp', ascii('isom'), u32(512));
    const file = Uint8Array.from([...ftyp, ...moov(trak(PROXY))]);
    expect(locateMoov(file)).toEqual({ found: true, offset: ftyp.length, size: file.length - ftyp.length });
    const mdatFirst = Uint8Array.from([...ftyp, ...box('mdat', new Array(40).fill(0))]);
    expect(locateMoov(mdatFirst, 100)).toEqual({ found: false, nextOffset: 100 + mdatFirst.length });
  });

  it('gives each sample its offset, size, decode time, presentation time and sync flag', () => {
    const track = parseVideoTrack(moov(trak(PROXY)));
    expect(track).not.toBeNull();
    expect(track?.codec).toBe('avc1.640028');
    expect([track?.codedWidth, track?.codedHeight, track?.timescale]).toEqual([1920, 1080, 15360]);
    expect(Array.from(track?.description ?? [])).toEqual([1, 0x64, 0x00, 0x28, 0xff, 0xe1]);
    expect(track?.samples).toEqual([
      { offset: 1000, size: 100, dts: 0, pts: 0, sync: true },
      { offset: 1100, size: 10, dts: 512, pts: 512, sync: false },
      { offset: 2000, size: 11, dts: 1024, pts: 1024, sync: false },
      { offset: 2011, size: 12, dts: 1536, pts: 1536, sync: false },
      { offset: 3000, size: 200, dts: 2048, pts: 2048, sync: true },
      { offset: 3200, size: 13, dts: 2560, pts: 2560, sync: false },
    ]);
  });

  it('applies composition offsets and the edit list as players do (pts = cts − media_time + empty-edit delay)', () => {
    const shifted = parseVideoTrack(moov(trak({ ...PROXY, cttsRuns: [[6, 1024]], edits: [[6000, 1024]] })));
    expect(shifted?.samples.map((s) => s.pts)).toEqual([0, 512, 1024, 1536, 2048, 2560]);
    // an empty edit of 100 ms (movie timescale 1000) delays every frame by 1536 ticks of 15360
    const delayed = parseVideoTrack(moov(trak({ ...PROXY, edits: [[100, -1], [6000, 0]] })));
    expect(delayed?.samples.map((s) => s.pts)).toEqual([1536, 2048, 2560, 3072, 3584, 4096]);
  });

  it('reads stsc runs that change the samples per chunk', () => {
    const track = parseVideoTrack(moov(trak({ ...PROXY, chunks: [[1, 1], [2, 3]], chunkOffsets: [10, 500, 900] })));
    expect(track?.samples.map((s) => s.offset)).toEqual([10, 500, 510, 521, 900, 1100]);
  });

  it('treats every sample as sync when there is no stss', () => {
    const track = parseVideoTrack(moov(trak({ ...PROXY, sync: undefined })));
    expect(track?.samples.every((s) => s.sync)).toBe(true);
  });

  it('skips non-video tracks and refuses what the WebCodecs path does not handle', () => {
    const audio = trak({ ...PROXY, handler: 'soun' });
    expect(parseVideoTrack(moov(audio, trak(PROXY)))?.samples).toHaveLength(6);
    expect(parseVideoTrack(moov(audio))).toBeNull();
    expect(parseVideoTrack(moov(trak({ ...PROXY, entry: 'hvc1' })))).toBeNull();
    // a cut list (two playing edits) is not a proxy's
    expect(parseVideoTrack(moov(trak({ ...PROXY, edits: [[1000, 0], [1000, 4096]] })))).toBeNull();
  });

  it('throws on a box that overruns its parent', () => {
    const bytes = moov(trak(PROXY));
    bytes[3] = (bytes[3] as number) + 50;
    expect(() => parseVideoTrack(bytes)).toThrow();
  });
});
