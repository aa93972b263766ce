import { frameAt, type FrameTable } from '../../../shared/domain/media/frame-table';

/**
 * Does this frame table belong to this video? A table from another file (or a truncated, re-encoded or shifted one)
 * would make every frame number a lie, so the player refuses instead (issue 5, "Bad input").
 */
export type IntegrityReason = 'duration' | 'size' | 'mediaTime' | 'seekLanded' | 'table' | 'media';

export interface IntegrityProblem {
  reason: IntegrityReason;
  /** English, for logs and the onIntegrityError callback; the UI shows the i18n text of `reason`. */
  detail: string;
}

export interface MediaFacts {
  durationSeconds: number;
  videoWidth: number;
  videoHeight: number;
}

/** Duration of frame n in seconds; the last frame borrows its predecessor's (or 1/avgFps for a one-frame table). */
export function frameDurationSeconds(table: FrameTable, n: number): number {
  const { pts, timescale } = table;
  const start = pts[n];
  const next = pts[n + 1];
  if (start !== undefined && next !== undefined) return (next - start) / timescale;
  const previous = pts[n - 1];
  if (start !== undefined && previous !== undefined) return (start - previous) / timescale;
  return 1 / table.avgFps;
}

export const ptsSeconds = (table: FrameTable, n: number): number => (table.pts[n] as number) / table.timescale;

/**
 * Facts known at loadedmetadata. Only a video shorter than the table's last timestamp is refused here: the duration
 * is the longest track's (audio often outlasts the picture), so a table missing its last frames is caught by the
 * controller's look at the real last frame instead.
 */
export function checkMediaFacts(table: FrameTable, facts: MediaFacts): IntegrityProblem | null {
  const last = table.frameCount - 1;
  const lastStart = ptsSeconds(table, last);
  const { durationSeconds: duration } = facts;
  if (!Number.isFinite(duration) || duration < lastStart) {
    return {
      reason: 'duration',
      detail: `video duration ${duration}s ends before the frame table's last pts ${lastStart.toFixed(6)}s`,
    };
  }
  if (facts.videoWidth !== table.width || facts.videoHeight !== table.height) {
    return {
      reason: 'size',
      detail: `video is ${facts.videoWidth}×${facts.videoHeight}, frame table says ${table.width}×${table.height} (rotation ${table.rotation}°)`,
    };
  }
  return null;
}

/**
 * How far a presented frame's mediaTime may sit from its pts. Chromium reports microseconds; a table whose
 * timestamps are off by more than a millisecond (a shifted or other file's table) is not this video's.
 */
const MEDIA_TIME_TOLERANCE_SECONDS = 0.001;

export type FrameConfirmation = { ok: true; frame: number } | { ok: false; problem: IntegrityProblem };

/** The frame a requestVideoFrameCallback mediaTime shows, or why it cannot be one of this table's frames. */
export function confirmFrame(table: FrameTable, mediaTimeSeconds: number): FrameConfirmation {
  if (!Number.isFinite(mediaTimeSeconds)) {
    return { ok: false, problem: { reason: 'mediaTime', detail: `mediaTime ${mediaTimeSeconds} is not finite` } };
  }
  const frame = frameAt(table, mediaTimeSeconds);
  const distance = Math.abs(mediaTimeSeconds - ptsSeconds(table, frame));
  if (distance > MEDIA_TIME_TOLERANCE_SECONDS) {
    return {
      ok: false,
      problem: {
        reason: 'mediaTime',
        detail: `mediaTime ${mediaTimeSeconds}s is ${(distance * 1000).toFixed(3)} ms from frame ${frame}'s pts`,
      },
    };
  }
  return { ok: true, frame };
}
