import { seekTimeForFrame, type FrameTable } from '../../../shared/domain/media/frame-table';
import { checkMediaFacts, confirmFrame, frameDurationSeconds, ptsSeconds, type IntegrityProblem } from './frame-integrity';
import type { FrameOverlay } from './frame-overlay';
import { loopRange, markStops, nextStop, previousStop, setInPoint, setOutPoint, type InOut, type PlayerMark } from './mark-navigation';
import { fasterRate, nextShuttleSpeed, reverseStepIntervalMs, slowerRate } from './playback-rate';

/**
 * Drives one <video> element frame by frame (DESIGN §8). The only source of the shown frame number is
 * requestVideoFrameCallback: frame N is requested by seeking to the midpoint of its interval, and the number changes
 * when the browser reports it has presented a frame whose mediaTime is frame N's pts. Nothing here ever multiplies
 * currentTime by a frame rate.
 *
 * With a decoded-frame overlay attached (frame-overlay.ts), a paused step or jump to a frame that is already decoded
 * is drawn over the video at once and counts as shown; the video seeks to the same frame behind it, and the overlay
 * is taken away when the video confirms that frame (or when playback starts from a video-confirmed frame). While the
 * overlay is up, the counter follows the overlay, never a frame the covered video reports.
 */
export type FramePhase = 'loading' | 'settled' | 'seeking' | 'playing' | 'refused';

export interface FrameControllerState {
  phase: FramePhase;
  /** The frame the browser confirmed it is showing; null until the first confirmation and after a refusal. */
  frame: number | null;
  /** The frame a seek was issued for and not yet confirmed. */
  pendingFrame: number | null;
  rate: number;
  inOut: InOut;
  loop: boolean;
  shuttle: 'off' | 'forward' | 'reverse';
  problem: IntegrityProblem | null;
}

export interface FrameControllerOptions {
  initialFrame?: number;
  marks?: readonly PlayerMark[];
  onFrameChange?: (frame: number) => void;
  onInOutChange?: (inOut: InOut) => void;
  onIntegrityError?: (problem: IntegrityProblem) => void;
}

/** A seek that lands on another frame is retried this many times (a late callback of an earlier seek can race it). */
const SEEK_RETRIES = 2;
/** Paints to wait after `seeked` for the frame callback before asking again. */
const SEEK_CALLBACK_PAINTS = 10;
/** Where the end probe seeks: just before the end, where only the last picture can be showing. */
const END_PROBE_BEFORE_END_SECONDS = 0.001;
/** Looks at the video's end before a frame short of the table's last counts as a mismatch. */
const END_PROBE_ATTEMPTS = 3;
/**
 * Quiet time after a step shown from the overlay before the video is sent to that frame behind it. While the expert
 * steps, a 1080p seek per key (decoding up to a GOP) would only compete for the CPU with drawing the next steps; the
 * video is needed again only to play or once the expert stops.
 */
const BACKGROUND_SEEK_DELAY_MS = 150;

export class FrameController {
  private state: FrameControllerState = {
    phase: 'loading',
    frame: null,
    pendingFrame: null,
    rate: 1,
    inOut: { inFrame: null, outFrame: null },
    loop: false,
    shuttle: 'off',
    problem: null,
  };
  private readonly listeners = new Set<() => void>();
  private marks: readonly PlayerMark[];
  private disposed = false;
  private seekSerial = 0;
  private seekedSerial = -1;
  private seekRetries = 0;
  /** Frame callbacks received so far; lets a waiting check see that one came. */
  private presentedCount = 0;
  /** Set while the load-time look at the video's last frame is in flight. */
  private endProbe: { attempt: number; serial: number; seen: number | null } | null = null;
  /** Bumped by every user command, so a loop wrap in flight does not resume playback after the user paused. */
  private commandSerial = 0;
  private reverseSpeed = 0;
  private reverseTimer: ReturnType<typeof setTimeout> | null = null;
  private loopTimer: ReturnType<typeof setTimeout> | null = null;
  /** The commandSerial of a play that waits for a seek to land first (play, loop wrap): playback is under way. */
  private deferredPlaySerial: number | null = null;
  /** A one-shot range play (replaying a clip): stop on `to`; void once any later command is given. */
  private rangeStop: { to: number; serial: number } | null = null;
  private settledWaiters: Array<() => void> = [];
  private overlay: FrameOverlay | null = null;
  /** The frame the video was last confirmed showing (it can differ from `state.frame` while the overlay is up). */
  private videoFrame: number | null = null;
  /** The frame the video is sent to behind the overlay; `issued` once the (deferred) seek has been made. */
  private background: { target: number; issued: boolean } | null = null;
  private backgroundTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly table: FrameTable,
    private readonly options: FrameControllerOptions = {},
  ) {
    this.marks = options.marks ?? [];
    this.listen('loadedmetadata', () => this.onMetadata());
    this.listen('seeked', () => this.onSeeked());
    this.listen('error', () => this.refuse({ reason: 'media', detail: `media error ${this.video.error?.code ?? '?'}: ${this.video.error?.message ?? ''}` }));
    this.listen('ended', () => this.onEnded());
    this.listen('pause', () => this.onPaused());
    this.listen('play', () => {
      this.overlay?.hide();
      this.update({ phase: 'playing', pendingFrame: null });
    });
    this.video.requestVideoFrameCallback(this.onPresented);
    if (this.video.readyState >= HTMLMediaElement.HAVE_METADATA) this.onMetadata();
  }

  getState = (): FrameControllerState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setMarks(marks: readonly PlayerMark[]): void {
    this.marks = marks;
  }

  /** The decoded-frame layer, once the proxy is demuxed; null takes it away (the video must then be what shows). */
  attachOverlay(overlay: FrameOverlay | null): void {
    const previous = this.overlay;
    if (previous) previous.onDecoded = null;
    this.overlay = overlay;
    if (overlay) overlay.onDecoded = (frame) => this.onFrameDecoded(frame);
    if (previous?.shown != null) {
      previous.hide();
      // the covered video may not be on the counted frame: ask for it the ordinary way
      if (!this.refused() && this.video.paused && this.state.pendingFrame === null) this.requestFrame(this.state.frame ?? 0);
    }
    if (overlay && this.video.paused) overlay.focus(this.state.frame ?? this.options.initialFrame ?? 0, 1);
  }

  /**
   * Resolves once the settled frame is visibly presented: at once when the video confirmed it (a frame callback
   * comes after presentation), or at the next animation frame when it was drawn on the overlay (the drawing is
   * done; that frame's paint puts it on screen). What the bench times.
   */
  async whenPresented(): Promise<void> {
    await this.whenSettled();
    if (this.overlay?.shown != null && this.overlay.shown === this.state.frame) {
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    }
  }

  dispose(): void {
    this.disposed = true;
    this.cancelBackgroundSeek();
    this.stopReverse();
    this.clearLoopTimer();
    for (const cleanup of this.cleanups) cleanup();
    this.listeners.clear();
  }

  get frameCount(): number {
    return this.table.frameCount;
  }

  // ---- commands (each one a key of DESIGN §8) ----

  seekToFrame(frame: number): void {
    this.commandSerial += 1;
    if (this.refused()) return;
    this.stopReverse();
    if (!this.video.paused) this.pauseWithoutSnap();
    this.showFrame(frame);
  }

  step(delta: number): void {
    this.commandSerial += 1;
    if (this.refused()) return;
    this.stopReverse();
    if (!this.video.paused) this.pauseWithoutSnap();
    this.showFrame(this.baseFrame() + delta);
  }

  firstFrame(): void {
    this.seekToFrame(0);
  }

  lastFrame(): void {
    this.seekToFrame(this.table.frameCount - 1);
  }

  play(): void {
    this.commandSerial += 1;
    if (this.refused()) return;
    this.stopReverse();
    const range = this.state.loop ? loopRange(this.state.inOut) : null;
    const frame = this.baseFrame();
    let start: number | null = null;
    if (range && (frame < range.from || frame >= range.to)) start = range.from;
    else if (frame >= this.table.frameCount - 1) start = 0;
    // from the overlay, the covered video must first be confirmed on the frame (it may still be seeking to it)
    if (start === null && this.video.paused && this.state.phase === 'settled' && this.overlay?.shown == null) {
      this.startPlayback();
      return;
    }
    // Playing while a seek is in flight would present frames from the old position first: land, then play.
    if (!this.video.paused) this.pauseWithoutSnap();
    this.requestFrame(start ?? frame);
    this.playWhenSettled();
  }

  /**
   * Plays `from`..`to` once and stops on `to` (replaying an evidence clip): in/out are set to the range, so
   * Ctrl+L loops it; with the A–B loop already on, it loops. The first frame shown is `from`, never one before.
   */
  playRange(from: number, to: number): void {
    const range = { inFrame: this.clampFrame(Math.min(from, to)), outFrame: this.clampFrame(Math.max(from, to)) };
    this.setInOut(range);
    this.commandSerial += 1;
    if (this.refused()) return;
    this.stopReverse();
    this.rangeStop = this.state.loop ? null : { to: range.outFrame, serial: this.commandSerial };
    if (!this.video.paused) this.pauseWithoutSnap();
    this.requestFrame(range.inFrame);
    this.playWhenSettled();
  }

  /** Starts playback once the seek in flight has landed, unless another command came in between. */
  private playWhenSettled(): void {
    const serial = this.commandSerial;
    this.deferredPlaySerial = serial;
    void this.whenSettled().then(() => {
      if (this.deferredPlaySerial === serial) this.deferredPlaySerial = null;
      if (serial === this.commandSerial && !this.refused()) this.startPlayback();
    });
  }

  /** Playing, shuttling in reverse, or about to play once a seek lands (a loop wrap): what Space/K would stop. */
  private playbackUnderway(): boolean {
    return !this.video.paused || this.state.shuttle === 'reverse' || this.deferredPlaySerial === this.commandSerial;
  }

  pause(): void {
    this.commandSerial += 1;
    this.stopReverse();
    this.clearLoopTimer();
    if (!this.video.paused) this.video.pause();
    else this.update({ shuttle: 'off' });
  }

  /** Space and K. A loop wrap pauses the element for a moment; a toggle then still means "stop". */
  togglePlay(): void {
    if (this.playbackUnderway()) this.pause();
    else this.play();
  }

  /** L: play forward; again while playing forward: one rung faster. */
  shuttleForward(): void {
    if (this.refused()) return;
    // a play waiting for its seek to land (from the overlay, the video is sent to the frame first) is under way too
    const forward = (!this.video.paused && this.state.shuttle === 'forward') || this.deferredPlaySerial === this.commandSerial;
    if (forward) this.setRate(fasterRate(this.state.rate));
    else this.play();
  }

  /** J: browsers cannot play backwards, so reverse is a train of confirmed single-frame steps. */
  shuttleReverse(): void {
    this.commandSerial += 1;
    if (this.refused()) return;
    if (!this.video.paused) this.pauseWithoutSnap();
    this.reverseSpeed = this.state.shuttle === 'reverse' ? nextShuttleSpeed(this.reverseSpeed) : 1;
    this.update({ shuttle: 'reverse' });
    if (this.reverseTimer === null) this.reverseTick();
  }

  slower(): void {
    this.setRate(slowerRate(this.state.rate));
  }

  faster(): void {
    this.setRate(fasterRate(this.state.rate));
  }

  setRate(rate: number): void {
    this.video.playbackRate = rate;
    this.update({ rate });
  }

  setIn(): void {
    if (this.state.frame === null) return;
    this.setInOut(setInPoint(this.state.inOut, this.state.frame));
  }

  setOut(): void {
    if (this.state.frame === null) return;
    this.setInOut(setOutPoint(this.state.inOut, this.state.frame));
  }

  setInOut(inOut: InOut): void {
    this.update({ inOut });
    this.options.onInOutChange?.(inOut);
  }

  toggleLoop(): void {
    this.update({ loop: !this.state.loop });
  }

  previousMark(): void {
    const target = previousStop(markStops(this.marks, this.state.inOut), this.baseFrame());
    if (target !== null) this.seekToFrame(target);
  }

  nextMark(): void {
    const target = nextStop(markStops(this.marks, this.state.inOut), this.baseFrame());
    if (target !== null) this.seekToFrame(target);
  }

  /** Resolves when the player is paused on a confirmed frame (used by reverse shuttle and tests). */
  whenSettled(): Promise<void> {
    if (this.state.phase === 'settled' || this.state.phase === 'refused') return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  // ---- internals ----

  private listen<K extends keyof HTMLMediaElementEventMap>(type: K, handler: () => void): void {
    this.video.addEventListener(type, handler);
    this.cleanups.push(() => this.video.removeEventListener(type, handler));
  }

  private refused(): boolean {
    return this.state.phase === 'refused' || this.disposed;
  }

  /** Where relative moves start from: the frame asked for last (so fast key repeats add up), else the shown one. */
  private baseFrame(): number {
    return this.state.pendingFrame ?? this.state.frame ?? 0;
  }

  private clampFrame(frame: number): number {
    return Math.min(this.table.frameCount - 1, Math.max(0, Math.round(frame)));
  }

  /**
   * A paused move to `frame` (step, jump, seek): from the overlay at once when the frame is decoded, with the video
   * sent to the same frame behind it; otherwise the ordinary seek. Either way the cache decodes around it next.
   */
  private showFrame(frame: number): void {
    const target = this.clampFrame(frame);
    const overlay = this.overlay;
    const direction = Math.sign(target - this.baseFrame());
    if (overlay && this.video.paused && this.endProbe === null && overlay.present(target)) {
      this.seekRetries = 0;
      // seeks made before this one are of no interest any more (their late callbacks must not count as misses)
      this.seekSerial += 1;
      this.setShownFrame(target, { pendingFrame: null, phase: 'settled' });
      this.scheduleBackgroundSeek(target);
      overlay.focus(target, direction);
      return;
    }
    this.requestFrame(target);
    if (this.video.paused) overlay?.focus(target, direction);
  }

  /**
   * A frame asked of the video (a jump, or a step just after one, before its GOP was decoded) came out of the decoder
   * first: show it now from the overlay; the video's seek to the same frame goes on behind it. Not when playback
   * waits for that seek: playing needs the video itself on the frame.
   */
  private onFrameDecoded(frame: number): void {
    const overlay = this.overlay;
    if (!overlay || this.refused() || this.endProbe !== null || !this.video.paused) return;
    if (this.state.pendingFrame !== frame || this.state.phase !== 'seeking' || this.deferredPlaySerial !== null) return;
    if (!overlay.present(frame)) return;
    this.background = { target: frame, issued: true };
    this.setShownFrame(frame, { pendingFrame: null, phase: 'settled' });
  }

  private requestFrame(frame: number, retry = false): void {
    const target = this.clampFrame(frame);
    this.cancelBackgroundSeek();
    if (this.endProbe !== null) {
      // The load-time look at the last frame owns the video's position until it is done (a seek now would land the
      // probe elsewhere and, three times over, refuse a good video); it goes to the frame asked for next.
      this.update({ pendingFrame: target, phase: this.state.phase === 'loading' ? 'loading' : 'seeking' });
      return;
    }
    if (!retry) this.seekRetries = 0;
    this.seekSerial += 1;
    this.update({ pendingFrame: target, phase: this.video.paused ? 'seeking' : 'playing' });
    this.video.currentTime = seekTimeForFrame(this.table, target);
  }

  private scheduleBackgroundSeek(target: number): void {
    this.cancelBackgroundSeek();
    this.background = { target, issued: false };
    this.backgroundTimer = setTimeout(() => {
      this.backgroundTimer = null;
      const background = this.background;
      if (!background || this.refused() || !this.video.paused || this.overlay?.shown !== background.target) return;
      background.issued = true;
      this.seekBackground(background.target);
    }, BACKGROUND_SEEK_DELAY_MS);
  }

  private cancelBackgroundSeek(): void {
    if (this.backgroundTimer !== null) clearTimeout(this.backgroundTimer);
    this.backgroundTimer = null;
    this.background = null;
  }

  /** The video's seek behind the overlay (also the retry after it landed elsewhere). */
  private seekBackground(target: number): void {
    this.seekSerial += 1;
    this.video.currentTime = seekTimeForFrame(this.table, target);
  }

  /** The background seek the video's reports are about: only one actually made, for the frame still covered. */
  private issuedBackgroundTarget(): number | null {
    const background = this.background;
    return background?.issued === true && this.overlay?.shown === background.target ? background.target : null;
  }

  /** The counted frame changes only here and in playback, so onFrameChange hears about every change once. */
  private setShownFrame(frame: number, patch: Partial<FrameControllerState>): void {
    if (frame !== this.state.frame) this.options.onFrameChange?.(frame);
    this.update({ ...patch, frame });
  }

  /**
   * A seek that lands on the frame already on screen may present no new frame, so no callback comes. Wait a few
   * paints for one (a late callback must have its say); if none came and the last confirmed frame is the one asked
   * for, that confirmation stands, otherwise ask again.
   */
  private onSeeked(): void {
    this.seekedSerial = this.seekSerial;
    if (this.endProbe !== null) {
      const probe = this.endProbe;
      const presentedBefore = this.presentedCount;
      let paints = 0;
      const check = (): void => {
        if (this.disposed || this.endProbe !== probe || this.presentedCount !== presentedBefore) return;
        paints += 1;
        if (paints < SEEK_CALLBACK_PAINTS) requestAnimationFrame(check);
        else if (probe.seen !== null) this.finishEndProbe(probe.seen);
        // No frame came: ask once more, then go on without the probe (every later frame is still checked).
        else if (probe.attempt < 1) this.probeEnd(probe.attempt + 1);
        else this.finishEndProbe(null);
      };
      requestAnimationFrame(check);
      return;
    }
    const pending = this.state.pendingFrame;
    if (pending === null && this.overlay?.shown != null) {
      const target = this.issuedBackgroundTarget();
      if (target !== null) this.checkBackgroundSeek(target);
      return;
    }
    if (pending === null || !this.video.paused || this.refused()) return;
    const serial = this.seekSerial;
    const presentedBefore = this.presentedCount;
    let paints = 0;
    const check = (): void => {
      if (this.disposed || this.seekSerial !== serial || this.state.pendingFrame !== pending) return;
      if (this.presentedCount !== presentedBefore) return;
      paints += 1;
      if (paints < SEEK_CALLBACK_PAINTS) {
        requestAnimationFrame(check);
        return;
      }
      // (the video's own last frame: under the overlay, the counted one can be the overlay's)
      if (this.videoFrame === pending) {
        this.overlay?.hide();
        this.setShownFrame(pending, { pendingFrame: null, phase: 'settled' });
      } else if (this.seekRetries < SEEK_RETRIES) {
        this.seekRetries += 1;
        this.requestFrame(pending, true);
      }
    };
    requestAnimationFrame(check);
  }

  /**
   * The same wait as for an ordinary seek, for the video's seek behind the overlay: if no frame callback came and the
   * video was last confirmed on the overlay's frame, it shows that frame already and the overlay can go.
   */
  private checkBackgroundSeek(target: number): void {
    const serial = this.seekSerial;
    const presentedBefore = this.presentedCount;
    let paints = 0;
    const check = (): void => {
      if (this.disposed || this.seekSerial !== serial || this.presentedCount !== presentedBefore) return;
      if (this.overlay?.shown !== target || this.state.pendingFrame !== null || !this.video.paused) return;
      paints += 1;
      if (paints < SEEK_CALLBACK_PAINTS) {
        requestAnimationFrame(check);
        return;
      }
      if (this.videoFrame === target) this.overlay.hide();
      else if (this.seekRetries < SEEK_RETRIES) {
        this.seekRetries += 1;
        this.seekBackground(target);
      }
    };
    requestAnimationFrame(check);
  }

  private onMetadata(): void {
    if (this.refused()) return;
    const problem = checkMediaFacts(this.table, {
      durationSeconds: this.video.duration,
      videoWidth: this.video.videoWidth,
      videoHeight: this.video.videoHeight,
    });
    if (problem) {
      this.refuse(problem);
      return;
    }
    // A frame presented before this handler ran (a loaded machine) must not skip the probe: it is what goes on to the
    // initial frame (a restored position), which would otherwise never be asked for.
    if (this.state.pendingFrame === null) this.probeEnd();
  }

  /**
   * `video.duration` is the longest track's, and phone audio often outlasts the picture, so a table missing its
   * last frames cannot be told from the duration alone. Instead the player looks at the video's real last frame
   * once at load: it must be the table's last frame. Then it goes to the initial frame.
   */
  private probeEnd(attempt = 0): void {
    this.endProbe = { attempt, serial: this.seekSerial + 1, seen: null };
    this.seekSerial += 1;
    this.video.currentTime = Math.max(0, this.video.duration - END_PROBE_BEFORE_END_SECONDS);
  }

  private finishEndProbe(mediaTime: number | null): void {
    const attempt = this.endProbe?.attempt ?? 0;
    this.endProbe = null;
    if (mediaTime !== null) {
      const last = this.table.frameCount - 1;
      const confirmation = confirmFrame(this.table, mediaTime);
      // An earlier frame can be a presentation from before the probe's seek, reported late on a loaded machine: look
      // again before calling the table wrong. Only a table whose end the video never reaches shows it every time.
      if (confirmation.ok && confirmation.frame < last && attempt < END_PROBE_ATTEMPTS - 1) {
        this.probeEnd(attempt + 1);
        return;
      }
      const runsPastTable = confirmation.ok ? confirmation.frame !== last : mediaTime > ptsSeconds(this.table, last);
      if (!confirmation.ok && !runsPastTable) {
        this.refuse(confirmation.problem);
        return;
      }
      if (runsPastTable) {
        this.refuse({
          reason: 'duration',
          detail: `the video's last frame is at ${mediaTime}s; the frame table ends with frame ${last} at ${ptsSeconds(this.table, last)}s`,
        });
        return;
      }
    }
    // a frame asked for while the probe ran (a frame may have been shown before it began) wins over the initial one
    this.requestFrame(this.state.pendingFrame ?? this.options.initialFrame ?? 0);
  }

  private readonly onPresented = (_now: number, metadata: VideoFrameCallbackMetadata): void => {
    if (this.refused()) return;
    this.video.requestVideoFrameCallback(this.onPresented);
    this.presentedCount += 1;
    if (this.endProbe !== null) {
      // A callback can come before `seeked`: keep it, and use it if no later one comes.
      if (this.seekedSerial === this.endProbe.serial) this.finishEndProbe(metadata.mediaTime);
      else this.endProbe.seen = metadata.mediaTime;
      return;
    }
    const confirmation = confirmFrame(this.table, metadata.mediaTime);
    if (!confirmation.ok) {
      this.refuse(confirmation.problem);
      return;
    }
    const frame = confirmation.frame;
    this.videoFrame = frame;

    if (!this.video.paused) {
      this.overlay?.hide();
      this.setShownFrame(frame, { phase: 'playing' });
      const stopAt = this.activeRangeStop();
      if (stopAt !== null) {
        if (frame >= stopAt) this.stopRange(stopAt);
        else this.scheduleTimedAt(frame, metadata.expectedDisplayTime, stopAt, () => this.stopRange(stopAt));
        return;
      }
      const range = this.state.loop ? loopRange(this.state.inOut) : null;
      if (range && frame >= range.to) this.wrapLoop(range.from);
      else if (range && frame >= range.from) {
        this.scheduleTimedAt(frame, metadata.expectedDisplayTime, range.to, () => {
          if (this.state.loop) this.wrapLoop(range.from);
        });
      }
      return;
    }
    const pending = this.state.pendingFrame;
    const covered = this.overlay?.shown ?? null;
    if (covered !== null) {
      // The video is under the overlay. Once it shows the frame asked of it, it can be uncovered (same picture, or
      // the newly asked one together with its number); any other frame it reports is not what anyone sees. A report
      // of the covered frame while a seek is still under way is an old one: the seek is about to show another.
      if (pending !== null ? frame === pending : frame === covered && !this.video.seeking) {
        this.overlay?.hide();
        if (pending !== null) this.setShownFrame(frame, { pendingFrame: null, phase: 'settled' });
        return;
      }
      this.retryMissedSeek(pending ?? this.issuedBackgroundTarget(), frame, pending !== null);
      return;
    }
    if (pending === null || frame === pending) {
      this.setShownFrame(frame, { pendingFrame: null, phase: 'settled' });
      return;
    }
    this.setShownFrame(frame, {});
    this.retryMissedSeek(pending, frame, true);
  };

  /**
   * The latest seek finished yet another frame is on screen: either a late callback of an earlier seek, or a
   * table whose timestamps are not this file's. Ask again; a second miss means the table is wrong.
   */
  private retryMissedSeek(target: number | null, shown: number, counted: boolean): void {
    if (target === null || this.seekedSerial !== this.seekSerial || this.video.seeking) return;
    if (this.seekRetries >= SEEK_RETRIES) {
      this.refuse({ reason: 'seekLanded', detail: `asked for frame ${target}, the browser showed frame ${shown}` });
      return;
    }
    this.seekRetries += 1;
    if (counted) this.requestFrame(target, true);
    else this.seekBackground(target);
  }

  private onPaused(): void {
    this.clearLoopTimer();
    if (this.refused()) return;
    if (this.state.shuttle === 'forward') this.update({ shuttle: 'off' });
    // A step from playback already drew its frame on the overlay and sent the video there.
    if (this.overlay?.shown != null && this.overlay.shown === this.state.frame) return;
    // The last presented frame may be a callback behind the decoder at the moment of pausing; seeking to the
    // confirmed frame makes the picture, currentTime and the counter agree before anyone reads them.
    if (this.state.pendingFrame === null && this.state.phase !== 'seeking') this.requestFrame(this.state.frame ?? 0);
  }

  private pauseWithoutSnap(): void {
    this.clearLoopTimer();
    this.update({ shuttle: 'off' });
    // The caller issues its own seek right after; mark one pending so onPaused does not add a second.
    this.update({ pendingFrame: this.state.frame ?? 0, phase: 'seeking' });
    this.video.pause();
  }

  /**
   * A–B loop wrap: pause first (a seek issued while playing lets the decoder present a frame or two past `out`
   * before it lands), go to `in`, and play on once `in` is confirmed.
   */
  private wrapLoop(from: number): void {
    this.clearLoopTimer();
    const serial = this.commandSerial;
    this.pauseWithoutSnap();
    this.requestFrame(from);
    this.deferredPlaySerial = serial;
    void this.whenSettled().then(() => {
      if (this.deferredPlaySerial === serial) this.deferredPlaySerial = null;
      const range = this.state.loop ? loopRange(this.state.inOut) : null;
      if (!range || this.refused() || this.state.frame !== from || serial !== this.commandSerial) return;
      this.startPlayback();
    });
  }

  /** The end of a one-shot range: pause and land on `to` (a frame past it may have flashed; the counter says so). */
  private stopRange(to: number): void {
    this.clearLoopTimer();
    this.rangeStop = null;
    this.pauseWithoutSnap();
    this.requestFrame(to);
  }

  private activeRangeStop(): number | null {
    const stop = this.rangeStop;
    return stop !== null && stop.serial === this.commandSerial ? stop.to : null;
  }

  private startPlayback(): void {
    this.cancelBackgroundSeek();
    this.overlay?.hide();
    this.overlay?.suspend();
    this.video.playbackRate = this.state.rate;
    // Playing from now, not from the `play` event: in between, a pause and a frame presented by the short playback
    // would otherwise meet a 'settled' phase and its stale frame number (seen as counter 58, picture 59).
    this.update({ shuttle: 'forward', phase: 'playing', pendingFrame: null });
    void this.video.play().catch(() => {
      // A play() interrupted by pause() rejects after the pause handler has put the state right. One refused for
      // another reason leaves the video paused without a pause event: land on the shown frame again.
      if (this.video.paused && this.state.phase === 'playing' && !this.refused()) this.requestFrame(this.state.frame ?? 0);
    });
  }

  /**
   * Frame callbacks arrive a paint after presentation, by when the frame after `out` may already be on screen.
   * So, from the callback of a frame before `out`, the wrap (or a one-shot range's stop) is timed for the middle of
   * `out`'s display, using the browser's expected display time; the callback of `out` itself (or later) still
   * wraps or stops as a fallback.
   */
  private scheduleTimedAt(frame: number, expectedDisplayTime: number, out: number, action: () => void): void {
    this.clearLoopTimer();
    const { pts, timescale } = this.table;
    const outStart = pts[out];
    const current = pts[frame];
    if (outStart === undefined || current === undefined) return;
    const rate = Math.max(this.video.playbackRate, 0.01);
    const outShownAt = expectedDisplayTime + ((outStart - current) / timescale / rate) * 1000;
    const wrapAt = outShownAt + (frameDurationSeconds(this.table, out) / rate / 2) * 1000;
    this.loopTimer = setTimeout(() => {
      this.loopTimer = null;
      if (!this.video.paused) action();
    }, Math.max(0, wrapAt - performance.now()));
  }

  private clearLoopTimer(): void {
    if (this.loopTimer !== null) clearTimeout(this.loopTimer);
    this.loopTimer = null;
  }

  private onEnded(): void {
    const range = this.state.loop ? loopRange(this.state.inOut) : null;
    if (range) {
      this.requestFrame(range.from);
      void this.video.play().catch(() => undefined);
      return;
    }
    this.update({ shuttle: 'off' });
  }

  private reverseTick = (): void => {
    this.reverseTimer = null;
    if (this.state.shuttle !== 'reverse' || this.refused()) return;
    const base = this.baseFrame();
    if (base <= 0) {
      this.stopReverse();
      return;
    }
    const started = performance.now();
    this.showFrame(base - 1);
    void this.whenSettled().then(() => {
      if (this.state.shuttle !== 'reverse' || this.refused()) return;
      const interval = reverseStepIntervalMs(frameDurationSeconds(this.table, base - 1), this.reverseSpeed);
      this.reverseTimer = setTimeout(this.reverseTick, Math.max(0, interval - (performance.now() - started)));
    });
  };

  private stopReverse(): void {
    if (this.reverseTimer !== null) clearTimeout(this.reverseTimer);
    this.reverseTimer = null;
    if (this.state.shuttle === 'reverse') this.update({ shuttle: 'off' });
  }

  private refuse(problem: IntegrityProblem): void {
    if (this.state.phase === 'refused') return;
    this.overlay?.hide();
    this.stopReverse();
    this.video.pause();
    this.update({ phase: 'refused', frame: null, pendingFrame: null, problem, shuttle: 'off' });
    this.options.onIntegrityError?.(problem);
  }

  private update(patch: Partial<FrameControllerState>): void {
    this.state = { ...this.state, ...patch };
    if (this.state.phase === 'settled' || this.state.phase === 'refused') {
      const waiters = this.settledWaiters;
      this.settledWaiters = [];
      for (const resolve of waiters) resolve();
    }
    for (const listener of this.listeners) listener();
  }
}
