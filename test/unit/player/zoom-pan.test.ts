import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_ZOOM, maxPan, nextZoom, panBy, setZoom, zoomTransform, type ZoomLevel } from '../../../renderer/src/player/zoom-pan';

const viewport = { width: 800, height: 450 };

describe('zoom and pan', () => {
  it('cannot pan at 1×', () => {
    expect(panBy(NO_ZOOM, 100, -50, viewport)).toEqual({ scale: 1, x: 0, y: 0 });
  });

  it('pans up to the overhang of the picture and no further', () => {
    expect(maxPan(2, viewport)).toEqual({ x: 400, y: 225 });
    expect(maxPan(4, viewport)).toEqual({ x: 1200, y: 675 });
    const twice = setZoom(NO_ZOOM, 2, viewport);
    expect(panBy(twice, 1000, -1000, viewport)).toEqual({ scale: 2, x: 400, y: -225 });
    expect(panBy(twice, 30, 20, viewport)).toEqual({ scale: 2, x: 30, y: 20 });
  });

  it('keeps the same picture point centred when the zoom changes', () => {
    const at2 = panBy(setZoom(NO_ZOOM, 2, viewport), 100, 50, viewport);
    expect(setZoom(at2, 4, viewport)).toEqual({ scale: 4, x: 200, y: 100 });
    expect(setZoom(at2, 1, viewport)).toEqual({ scale: 1, x: 0, y: 0 });
  });

  it('cycles 1 → 2 → 4 → 1', () => {
    expect([nextZoom(1), nextZoom(2), nextZoom(4)]).toEqual([2, 4, 1]);
  });

  it('never lets the picture leave the viewport (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ZoomLevel>(1, 2, 4),
        fc.array(fc.tuple(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -5000, max: 5000 })), { maxLength: 20 }),
        (scale, drags) => {
          let state = setZoom(NO_ZOOM, scale, viewport);
          for (const [dx, dy] of drags) state = panBy(state, dx, dy, viewport);
          const limit = maxPan(scale, viewport);
          return Math.abs(state.x) <= limit.x && Math.abs(state.y) <= limit.y;
        },
      ),
    );
  });

  it('renders as translate then scale', () => {
    expect(zoomTransform({ scale: 2, x: 10, y: -5 })).toBe('translate(10px, -5px) scale(2)');
  });
});
