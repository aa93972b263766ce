/**
 * Detail zoom (1×, 2×, 4×) with drag-to-pan, as a CSS transform on the video wrapper. The transform origin is the
 * wrapper's centre, so at scale s the picture overhangs each side by (s − 1)·size/2; the pan is clamped to that so
 * the expert can never drag the picture off the viewport and lose it.
 */
export const ZOOM_LEVELS = [1, 2, 4] as const;
export type ZoomLevel = (typeof ZOOM_LEVELS)[number];

export interface ZoomPan {
  scale: ZoomLevel;
  /** Translation in screen pixels, applied before the scale. */
  x: number;
  y: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export const NO_ZOOM: ZoomPan = { scale: 1, x: 0, y: 0 };

export function maxPan(scale: number, viewport: Viewport): { x: number; y: number } {
  return { x: ((scale - 1) * viewport.width) / 2, y: ((scale - 1) * viewport.height) / 2 };
}

const clamp = (value: number, limit: number): number => Math.min(limit, Math.max(-limit, value));

export function clampPan(state: ZoomPan, viewport: Viewport): ZoomPan {
  const limit = maxPan(state.scale, viewport);
  // `+ 0` turns a -0 from clamping into 0, which keeps equality checks and snapshots simple.
  return { scale: state.scale, x: clamp(state.x, limit.x) + 0, y: clamp(state.y, limit.y) + 0 };
}

/** Drag by (dx, dy) screen pixels: the picture follows the pointer. */
export function panBy(state: ZoomPan, dx: number, dy: number, viewport: Viewport): ZoomPan {
  return clampPan({ scale: state.scale, x: state.x + dx, y: state.y + dy }, viewport);
}

/** Changing zoom keeps the same point of the picture under the viewport centre. */
export function setZoom(state: ZoomPan, scale: ZoomLevel, viewport: Viewport): ZoomPan {
  const ratio = scale / state.scale;
  return clampPan({ scale, x: state.x * ratio, y: state.y * ratio }, viewport);
}

export function nextZoom(scale: ZoomLevel): ZoomLevel {
  const index = ZOOM_LEVELS.indexOf(scale);
  return ZOOM_LEVELS[(index + 1) % ZOOM_LEVELS.length] as ZoomLevel;
}

export function zoomTransform(state: ZoomPan): string {
  return `translate(${state.x}px, ${state.y}px) scale(${state.scale})`;
}
