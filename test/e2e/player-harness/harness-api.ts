/// <reference lib="dom" />
/** What the harness page exposes on `window.playerHarness` for the e2e spec and the bench. */
import type { IntegrityProblem } from '../../../renderer/src/player/frame-integrity';

export interface ShownFrame {
  /** text of data-testid="frame-index" */
  text: string | null;
  /** index decoded from the picture's pixels; null when the strip is unreadable */
  pixels: number | null;
  phase: string | null;
}

export interface PlayerHarness {
  ready: boolean;
  integrityErrors: IntegrityProblem[];
  frameChanges: number;
  seekToFrame: (frame: number) => void;
  /** Waits for a confirmed, paused frame and for React to show it, then reads text and pixels together. */
  readSettled: () => Promise<ShownFrame>;
  readPixels: () => number | null;
}

declare global {
  interface Window {
    playerHarness: PlayerHarness;
  }
}
