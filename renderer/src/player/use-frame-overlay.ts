import { useEffect } from 'react';
import type { FrameTable } from '../../../shared/domain/media/frame-table';
import type { FrameController } from './frame-controller';
import { FrameCache } from './frame-cache';
import { CanvasFrameOverlay } from './frame-overlay';

/**
 * Gives the controller a decoded-frame overlay once the proxy has been demuxed and the decoder accepted it. Until
 * then, and for good when WebCodecs or the file cannot take that path, every frame is a <video> seek.
 */
export function useFrameOverlay(video: HTMLVideoElement | null, src: string, table: FrameTable, controller: FrameController | null): void {
  useEffect(() => {
    if (!video || !controller) return undefined;
    const abort = new AbortController();
    let overlay: CanvasFrameOverlay | null = null;
    void FrameCache.open(src, table, abort.signal).then((cache) => {
      if (!cache) return;
      if (abort.signal.aborted) {
        cache.close();
        return;
      }
      overlay = new CanvasFrameOverlay(video, cache);
      controller.attachOverlay(overlay);
    });
    return () => {
      abort.abort();
      controller.attachOverlay(null);
      overlay?.dispose();
    };
  }, [video, src, table, controller]);
}
