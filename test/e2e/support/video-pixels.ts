import type { Page } from '@playwright/test';
import { readFrameIndex } from '../../../shared/domain/media/frame-strip';

/** Width the picture is scaled to for reading: the strip's 16 blocks need far less, and a small read is quick. */
const READ_WIDTH = 320;

/**
 * The frame index painted into the picture the app's <video> shows right now (DESIGN §11 frame-index strip), or null
 * when unreadable. Only the strip's rows cross from the page; the decoding is the shared reader's, in Node.
 */
export async function frameIndexFromPixels(page: Page): Promise<number | null> {
  const band = await page.evaluate((readWidth) => {
    const video = document.querySelector('video');
    if (!video || video.videoWidth === 0) return null;
    const width = Math.min(readWidth, video.videoWidth);
    const height = Math.max(8, Math.round((video.videoHeight * width) / video.videoWidth));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    context.drawImage(video, 0, 0, width, height);
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
