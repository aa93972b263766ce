import { useCallback, useRef, useState } from 'react';
import { NO_ZOOM, nextZoom, panBy, setZoom, type ZoomLevel, type ZoomPan } from './zoom-pan';

/** Zoom level + drag-to-pan over a viewport element; the math is in zoom-pan.ts. */
export function useZoomPan(): {
  zoom: ZoomPan;
  viewportRef: React.RefObject<HTMLDivElement | null>;
  zoomTo: (scale: ZoomLevel) => void;
  cycleZoom: () => void;
  pointerHandlers: {
    onPointerDown: (event: React.PointerEvent<HTMLDivElement>) => void;
    onPointerMove: (event: React.PointerEvent<HTMLDivElement>) => void;
    onPointerUp: (event: React.PointerEvent<HTMLDivElement>) => void;
  };
} {
  const viewportRef = useRef<HTMLDivElement | null>(null);
  const [zoom, setZoomState] = useState<ZoomPan>(NO_ZOOM);
  const drag = useRef<{ x: number; y: number } | null>(null);

  const viewport = (): { width: number; height: number } => ({
    width: viewportRef.current?.clientWidth ?? 0,
    height: viewportRef.current?.clientHeight ?? 0,
  });

  const zoomTo = useCallback((scale: ZoomLevel) => setZoomState((state) => setZoom(state, scale, viewport())), []);
  const cycleZoom = useCallback(() => setZoomState((state) => setZoom(state, nextZoom(state.scale), viewport())), []);

  const pointerHandlers = {
    onPointerDown: (event: React.PointerEvent<HTMLDivElement>): void => {
      if (zoom.scale === 1 || event.button !== 0) return;
      drag.current = { x: event.clientX, y: event.clientY };
      event.currentTarget.setPointerCapture(event.pointerId);
    },
    onPointerMove: (event: React.PointerEvent<HTMLDivElement>): void => {
      const from = drag.current;
      if (!from) return;
      const dx = event.clientX - from.x;
      const dy = event.clientY - from.y;
      drag.current = { x: event.clientX, y: event.clientY };
      setZoomState((state) => panBy(state, dx, dy, viewport()));
    },
    onPointerUp: (event: React.PointerEvent<HTMLDivElement>): void => {
      drag.current = null;
      if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
    },
  };

  return { zoom, viewportRef, zoomTo, cycleZoom, pointerHandlers };
}
