/**
 * What the harness page exposes on `globalThis.playerHarness` for the e2e spec and the bench. Kept free of DOM
 * types so Node-side code (typechecked without the DOM lib) can describe what runs in the page:
 * `(globalThis as unknown as HarnessScope).playerHarness` inside page.evaluate.
 */
import type { IntegrityProblem } from '../../../renderer/src/player/frame-integrity';

export interface ShownFrame {
  /** text of data-testid="frame-index" */
  text: string | null;
  /** index decoded from the picture's pixels; null when the strip is unreadable */
  pixels: number | null;
  phase: string | null;
  /** the layer the pixels were read from: the decoded-frame overlay or the video */
  layer?: 'overlay' | 'video' | null;
}

export interface PlayerHarness {
  ready: boolean;
  integrityErrors: IntegrityProblem[];
  frameChanges: number;
  seekToFrame: (frame: number) => void;
  /** Waits for a confirmed, paused frame and for React to show it, then reads text and pixels together. */
  readSettled: () => Promise<ShownFrame>;
  /** Frame index from the pixels of the visible layer: the decoded-frame overlay when it is up, else the video. */
  readPixels: () => number | null;
  /** Which layer the user sees (and readPixels reads). */
  visibleLayer: () => 'overlay' | 'video' | null;
  /** Resolves when the controller has confirmed a paused frame (no React render wait: for latency benches). */
  whenSettled: () => Promise<void>;
  /** As whenSettled, and the frame is on screen: an overlay drawing has reached its next animation frame. */
  whenPresented: () => Promise<void>;
  /** The controller's confirmed frame and phase right now. */
  confirmed: () => { frame: number | null; phase: string } | null;
  /** Dispatches a keydown on window, as the player's shortcut handler receives it (bench: no CDP round trip). */
  pressKey: (code: string) => void;
  nextPaint: () => Promise<void>;
  /** Every distinct frame-index text shown, sampled each animation frame for `ms` milliseconds. */
  sampleShownFrames: (ms: number) => Promise<number[]>;
}

export type HarnessScope = { playerHarness: PlayerHarness };
