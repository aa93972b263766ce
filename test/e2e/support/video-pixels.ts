import type { Page } from '@playwright/test';
import { readFrameIndex } from '../../../shared/domain/media/frame-strip';

/** Width the picture is scaled to for reading: the strip's 16 blocks need far less, and a small read is quick. */
const READ_WIDTH = 320;

/**
 * The frame index painted into the picture the app's player shows right now (DESIGN §11 frame-index strip): its
 * <video>, or the decoded-frame overlay when that is up over it; null when unreadable. Only the strip's rows cross from the page; the decoding is the shared reader's, in Node.
 */
export async function frameIndexFromPixels(page: Page): Promise<number | null> {
  const band = await page.evaluate((readWidth) => {
    const video = document.querySelector('video');
    if (!video || video.videoWidth === 0) return null;
    // What the user sees: the player's decoded-frame overlay when it is up (it covers the video exactly).
    // (a few canvases: frames drawn ahead wait hidden; the last rendered one is on top)
    const overlays = video.parentElement?.querySelectorAll<HTMLCanvasElement>(':scope > canvas[data-testid="player-frame-overlay"]') ?? [];
    const overlay = [...overlays].filter((canvas) => !canvas.hidden && getComputedStyle(canvas).display !== 'none').at(-1);
    const overlayUp = !!overlay && overlay.width > 0;
    const source: HTMLVideoElement | HTMLCanvasElement = overlayUp && overlay ? overlay : video;
    const sourceWidth = overlayUp && overlay ? overlay.width : video.videoWidth;
    const sourceHeight = overlayUp && overlay ? overlay.height : video.videoHeight;
    const width = Math.min(readWidth, sourceWidth);
    const height = Math.max(8, Math.round((sourceHeight * width) / sourceWidth));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    context.drawImage(source, 0, 0, width, height);
    const rows = Math.ceil(height / 8);
    return { width, height, rgba: Array.from(context.getImageData(0, 0, width, rows).data) };
  }, READ_WIDTH);
  if (!band) return null;
  // The reader samples inside the top eighth only; the rest of the picture can stay black.
  const data = new Uint8ClampedArray(band.width * band.height * 4);
  data.set(band.rgba);
  return readFrameIndex({ data, width: band.width, height: band.height, channels: 4 });
}

/** What the counter says and what the picture shows, together (equal on a correct player). */
export async function shownFrame(page: Page): Promise<{ counter: string | null; pixels: number | null }> {
  const counter = await page.getByTestId('frame-index').textContent();
  return { counter, pixels: await frameIndexFromPixels(page) };
}
