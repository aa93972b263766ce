import type { FrameCache } from './frame-cache';

/**
 * What the FrameController needs of a layer over the <video> that can show a decoded frame at once. The controller
 * decides when it is the visible picture; the counter follows whatever is visible.
 */
export interface FrameOverlay {
  /** Shows `frame` over the video; false (nothing changed) when the frame is not decoded. */
  present(frame: number): boolean;
  /** Uncovers the video (which must show the same frame by now, or be playing). */
  hide(): void;
  /** The frame the layer shows, or null while hidden. */
  readonly shown: number | null;
  /** The playhead is at `frame`, moving in `direction` (sign): decode around it, get its neighbours ready. */
  focus(frame: number, direction: number): void;
  /** Playback runs: stop decoding ahead. */
  suspend(): void;
  /** Told of every frame as it is decoded (a seek still waiting for the video can be shown from the overlay). */
  onDecoded: ((frame: number) => void) | null;
}

/** Canvases: the one shown, and the next and previous frames drawn ahead into hidden ones. */
const CANVASES = 3;

interface Slot {
  canvas: HTMLCanvasElement;
  context: CanvasRenderingContext2D;
  /** the frame drawn in it */
  holds: number | null;
}

/**
 * The overlay as <canvas> elements placed right after the <video> inside the video.js element: same box (video.js
 * sizes its tech at 100% × 100%), same letterboxing (object-fit: contain on a canvas the size of the picture), inside
 * the zoom wrapper so zoom and pan move both alike; video.js' control bar stays above. The proxy's pixels are already
 * upright (DESIGN §8), so neither layer is rotated.
 *
 * Converting a 1080p VideoFrame to RGB in drawImage costs 8–15 ms on a busy software-rendered machine, as much as
 * the budget for a step. So the likely next frames (one forward, one back) are drawn into hidden canvases once the
 * current one is on screen, and a step to one of them only swaps which canvas is visible.
 */
export class CanvasFrameOverlay implements FrameOverlay {
  private readonly slots: Slot[] = [];
  private visible: Slot | null = null;
  /** Where the playhead is (from focus): the frame the video shows while the overlay is hidden. */
  private playhead: number | null = null;
  private direction = 1;
  private prepareSerial = 0;
  private disposed = false;
  onDecoded: ((frame: number) => void) | null = null;

  constructor(
    video: HTMLVideoElement,
    private readonly cache: FrameCache,
  ) {
    let after: Element = video;
    for (let i = 0; i < CANVASES; i += 1) {
      const canvas = document.createElement('canvas');
      canvas.className = 'osea-player__overlay';
      canvas.dataset.testid = 'player-frame-overlay';
      canvas.hidden = true;
      // opaque: the picture covers its whole box, and an opaque canvas composites cheaper
      const context = canvas.getContext('2d', { alpha: false });
      if (!context) continue;
      after.after(canvas);
      after = canvas;
      this.slots.push({ canvas, context, holds: null });
    }
    cache.onFrameReady = (frame) => {
      // a frame decoded after the step that wanted it can still be drawn ahead; other frames of its GOP must not
      // restart the preparation (each restart waits for another animation frame, and a step could come first)
      if (this.framesToPrepare().includes(frame) && !this.isDrawn(frame)) this.schedulePrepare();
      this.onDecoded?.(frame);
    };
  }

  get shown(): number | null {
    return this.visible?.holds ?? null;
  }

  present(frame: number): boolean {
    let slot = this.slots.find((candidate) => candidate.holds === frame);
    if (!slot) {
      const picture = this.cache.get(frame);
      slot = this.spareSlot();
      if (!picture || !slot) return false;
      draw(slot, frame, picture);
    }
    this.show(slot);
    this.schedulePrepare();
    return true;
  }

  hide(): void {
    if (!this.visible) return;
    this.visible.canvas.hidden = true;
    this.visible = null;
  }

  focus(frame: number, direction: number): void {
    if (direction !== 0) this.direction = Math.sign(direction);
    this.playhead = frame;
    this.cache.focus(frame, direction);
    // also while the video shows the frame (after a jump): the first step from there is then a swap too
    if (this.visible === null) this.schedulePrepare();
  }

  suspend(): void {
    this.prepareSerial += 1;
    this.cache.suspend();
  }

  dispose(): void {
    this.disposed = true;
    this.hide();
    for (const slot of this.slots) slot.canvas.remove();
    this.cache.onFrameReady = null;
    this.cache.close();
  }

  private show(slot: Slot): void {
    // the new canvas first, then the old one away: never a paint with neither
    slot.canvas.hidden = false;
    if (this.visible && this.visible !== slot) this.visible.canvas.hidden = true;
    this.visible = slot;
  }

  /**
   * The frames worth having drawn: the neighbours of the frame on screen, and while the video shows it (overlay
   * hidden, after a jump) that frame itself too, so all three canvases are sized and warm before the first step (a
   * canvas' first 1080p drawing cost 30–50 ms, several times a later one).
   */
  private framesToPrepare(): number[] {
    const anchor = this.shown ?? this.playhead;
    if (anchor === null) return [];
    const around = [anchor + this.direction, anchor - this.direction];
    return this.visible === null ? [...around, anchor] : around;
  }

  private isDrawn(frame: number): boolean {
    return this.slots.some((slot) => slot.holds === frame);
  }

  /** A hidden canvas to draw into: an empty one, else one holding a frame that is not wanted around the playhead. */
  private spareSlot(): Slot | undefined {
    const hiddenSlots = this.slots.filter((slot) => slot !== this.visible);
    const wanted = this.framesToPrepare();
    return (
      hiddenSlots.find((slot) => slot.holds === null) ??
      hiddenSlots.find((slot) => !wanted.includes(slot.holds as number)) ??
      hiddenSlots[hiddenSlots.length - 1]
    );
  }

  /**
   * Draws the shown frame's neighbours into hidden canvases after the current step's frame has been painted (a
   * rAF, then a task: the drawing never delays the paint that shows the step).
   */
  private schedulePrepare(): void {
    const serial = ++this.prepareSerial;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (serial !== this.prepareSerial || this.disposed) return;
        this.prepareNeighbours();
      }, 0),
    );
  }

  private prepareNeighbours(): void {
    for (const frame of this.framesToPrepare()) {
      if (this.isDrawn(frame)) continue;
      const picture = this.cache.get(frame);
      const slot = this.spareSlot();
      if (!picture || !slot) continue;
      draw(slot, frame, picture);
      // one drawing per task: a key press waiting behind two conversions would wait twice as long
      this.schedulePrepareTask();
      return;
    }
  }

  private schedulePrepareTask(): void {
    const serial = this.prepareSerial;
    setTimeout(() => {
      if (serial === this.prepareSerial && !this.disposed) this.prepareNeighbours();
    }, 0);
  }
}

function draw(slot: Slot, frame: number, picture: VideoFrame): void {
  const width = picture.displayWidth;
  const height = picture.displayHeight;
  if (slot.canvas.width !== width) slot.canvas.width = width;
  if (slot.canvas.height !== height) slot.canvas.height = height;
  slot.context.drawImage(picture, 0, 0, width, height);
  slot.holds = frame;
  slot.canvas.dataset.frame = String(frame);
}
