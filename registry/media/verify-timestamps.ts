import type { Rational } from './probe';

export interface StreamTimestamps {
  pts: readonly number[];
  timeBase: Rational;
}

/**
 * The proxy must show the source's frames at the source's times: same count, and each proxy timestamp within half a
 * tick of the source's (exact rational arithmetic; float seconds would blur NTSC timestamps).
 */
export function compareFrameTimestamps(source: StreamTimestamps, proxy: StreamTimestamps): string | null {
  if (source.pts.length !== proxy.pts.length) {
    return `the proxy has ${proxy.pts.length} frames, the source ${source.pts.length}`;
  }
  const sNum = BigInt(source.timeBase.num);
  const sDen = BigInt(source.timeBase.den);
  const pNum = BigInt(proxy.timeBase.num);
  const pDen = BigInt(proxy.timeBase.den);
  for (let i = 0; i < source.pts.length; i += 1) {
    // within half of the finer tick: |p·pNum/pDen − s·sNum/sDen| ≤ min(pNum/pDen, sNum/sDen)/2, in integers
    // (a proxy in a coarser time base, as `-r` would make, cannot hide a shifted frame behind its own rounding)
    let difference = BigInt(proxy.pts[i] as number) * pNum * sDen - BigInt(source.pts[i] as number) * sNum * pDen;
    if (difference < 0n) difference = -difference;
    if (2n * difference > pNum * sDen || 2n * difference > sNum * pDen) {
      return `frame ${i} is at ${proxy.pts[i]}×${proxy.timeBase.num}/${proxy.timeBase.den} s in the proxy but ${source.pts[i]}×${source.timeBase.num}/${source.timeBase.den} s in the source`;
    }
  }
  return null;
}
