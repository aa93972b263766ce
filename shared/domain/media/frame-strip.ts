/**
 * The frame-index strip of generated test videos (DESIGN §11): 16 blocks along the top of the displayed picture,
 * bit i of the frame index set ⇔ block i (from the left) white. The strip is at least 1/8 of the picture high and
 * each block 1/16 of its width, so it survives lossy coding and scaling; readers sample only the middle of each
 * block and refuse a frame whose blocks are neither clearly black nor clearly white (a blend of two frames).
 * Pure: the generator paints with it, and the player's e2e reads canvas pixels with it.
 */
export const STRIP_BLOCKS = 16;
export const MAX_STRIP_INDEX = 2 ** STRIP_BLOCKS - 1;
/** limited-range luma, as the encoders expect for yuv420p */
export const STRIP_BLACK = 16;
export const STRIP_WHITE = 235;

const MIN_STRIP_HEIGHT = 16;
// Decoders may output limited or full range; anything between these is a blend, not a bit.
const BLACK_BELOW = 96;
const WHITE_ABOVE = 160;

/** Height in rows of the strip a painter draws in a picture `height` rows high. */
export function stripHeight(height: number): number {
  return Math.min(height, Math.max(MIN_STRIP_HEIGHT, Math.ceil(height / 8)));
}

function blockColumns(width: number, block: number): [number, number] {
  return [Math.floor((block * width) / STRIP_BLOCKS), Math.floor(((block + 1) * width) / STRIP_BLOCKS)];
}

/** Paints the strip for `index` into the top rows of a luma plane (`stride` bytes per row). */
export function paintFrameStrip(luma: Uint8Array, width: number, height: number, index: number, stride = width): void {
  if (!Number.isInteger(index) || index < 0 || index > MAX_STRIP_INDEX) {
    throw new RangeError(`frame index ${index} does not fit in ${STRIP_BLOCKS} bits`);
  }
  const rows = stripHeight(height);
  for (let block = 0; block < STRIP_BLOCKS; block += 1) {
    const value = (index >> block) & 1 ? STRIP_WHITE : STRIP_BLACK;
    const [from, to] = blockColumns(width, block);
    for (let y = 0; y < rows; y += 1) luma.fill(value, y * stride + from, y * stride + to);
  }
}

export interface PixelPicture {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  /** 1 = gray/luma, 4 = RGBA (a canvas ImageData) */
  channels: 1 | 4;
}

function lumaAt(picture: PixelPicture, x: number, y: number): number {
  const offset = (y * picture.width + x) * picture.channels;
  const { data } = picture;
  if (picture.channels === 1) return data[offset] as number;
  // BT.601 weights in 8.8 fixed point; the strip is black/white so any sane weighting works
  return ((data[offset] as number) * 77 + (data[offset + 1] as number) * 150 + (data[offset + 2] as number) * 29) >> 8;
}

/**
 * Reads the frame index from a displayed picture at any scale, or null when the strip is not readable
 * (a blended, blank or foreign picture). The sampled band is the middle half of the top 1/8 of the picture,
 * which lies inside the strip at every scale because the painter's strip is never shorter than that.
 */
export function readFrameIndex(picture: PixelPicture): number | null {
  const { width, height, channels, data } = picture;
  if (width < STRIP_BLOCKS || height < 8 || data.length < width * height * channels) return null;
  const band = height / 8;
  const top = Math.floor(band * 0.25);
  const bottom = Math.max(top + 1, Math.ceil(band * 0.75));
  let index = 0;
  for (let block = 0; block < STRIP_BLOCKS; block += 1) {
    const [from, to] = blockColumns(width, block);
    const span = to - from;
    const left = from + Math.floor(span / 4);
    const right = Math.max(left + 1, to - Math.floor(span / 4));
    let sum = 0;
    let count = 0;
    for (let y = top; y < bottom; y += 1) {
      for (let x = left; x < right; x += 1) {
        sum += lumaAt(picture, x, y);
        count += 1;
      }
    }
    const mean = sum / count;
    if (mean > WHITE_ABOVE) index |= 1 << block;
    else if (mean >= BLACK_BELOW) return null;
  }
  return index;
}
