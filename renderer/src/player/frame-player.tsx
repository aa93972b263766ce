import { Button, Segmented, Space, Tooltip } from 'antd';
import { forwardRef, useImperativeHandle } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameTable } from '../../../shared/domain/media/frame-table';
import type { FrameControllerState } from './frame-controller';
import type { IntegrityProblem } from './frame-integrity';
import { ptsSeconds } from './frame-integrity';
import { IntegrityRefusal } from './integrity-refusal';
import { MarksStrip } from './marks-strip';
import type { InOut, PlayerMark } from './mark-navigation';
import { formatTimecode } from './timecode';
import { useFrameController } from './use-frame-controller';
import { useFrameOverlay } from './use-frame-overlay';
import { usePlayerKeys } from './use-player-keys';
import { useVideoJs } from './use-video-js';
import { useZoomPan } from './use-zoom-pan';
import { ZOOM_LEVELS, zoomTransform, type ZoomLevel } from './zoom-pan';
import './frame-player.css';

export interface FramePlayerProps {
  /** Media URL (media:// in Electron, the web host's /media/… in web mode). */
  src: string;
  frameTable: FrameTable;
  marks?: readonly PlayerMark[];
  initialFrame?: number;
  /** Window-level shortcuts; a screen with two players turns them off on one. Default on. */
  keyboard?: boolean;
  onFrameChange?: (frame: number) => void;
  onInOutChange?: (inOut: InOut) => void;
  onIntegrityError?: (problem: IntegrityProblem) => void;
  /** When given, the refusal state offers this as "download again". */
  onRedownload?: () => void;
}

/** What the review screen can ask of the player (replaying an evidence clip, jumping to a frame). */
export interface FramePlayerHandle {
  seekToFrame: (frame: number) => void;
  /**
   * Sets in/out to the range and plays it from its first frame, stopping on its last (with the A–B loop on, it
   * loops the range instead).
   */
  playRange: (fromFrame: number, toFrame: number) => void;
  /** Resolves once the player is paused on a confirmed frame (or has refused the media). */
  whenSettled: () => Promise<void>;
  /** As whenSettled, and once that frame is on screen (a frame drawn on the overlay is painted at the next frame). */
  whenPresented: () => Promise<void>;
  getState: () => FrameControllerState | null;
}

export const FramePlayer = forwardRef<FramePlayerHandle, FramePlayerProps>(function FramePlayer(props, ref) {
  const { src, frameTable, marks = [], keyboard = true } = props;
  const { t } = useTranslation();
  const { hostRef, video } = useVideoJs(src);
  const { controller, state } = useFrameController(video, frameTable, props);
  useFrameOverlay(video, src, frameTable, controller);
  const { zoom, viewportRef, zoomTo, cycleZoom, pointerHandlers } = useZoomPan();
  usePlayerKeys(controller, keyboard && state.phase !== 'refused', cycleZoom);

  useImperativeHandle(
    ref,
    () => ({
      seekToFrame: (frame) => controller?.seekToFrame(frame),
      playRange: (fromFrame, toFrame) => controller?.playRange(fromFrame, toFrame),
      whenSettled: () => controller?.whenSettled() ?? Promise.resolve(),
      whenPresented: () => controller?.whenPresented() ?? Promise.resolve(),
      getState: () => controller?.getState() ?? null,
    }),
    [controller],
  );

  const refused = state.phase === 'refused';
  const frame = refused ? null : state.frame;
  const playing = state.phase === 'playing';

  return (
    <section className="osea-player" aria-label={t('player.label')} data-phase={state.phase}>
      {refused && state.problem && <IntegrityRefusal problem={state.problem} onRedownload={props.onRedownload} />}
      <div
        ref={viewportRef}
        className="osea-player__viewport"
        data-zoom={zoom.scale}
        hidden={refused}
        style={{ cursor: zoom.scale > 1 ? 'grab' : undefined }}
        {...pointerHandlers}
      >
        <div className="osea-player__zoom" data-testid="player-zoom" style={{ transform: zoomTransform(zoom) }}>
          <div ref={hostRef} className="osea-player__host" data-testid="player-host" />
        </div>
      </div>
      {!refused && (
        <>
          <MarksStrip
            frameCount={frameTable.frameCount}
            frame={frame}
            inOut={state.inOut}
            marks={marks}
            onJump={(target) => controller?.seekToFrame(target)}
          />
          <div className="osea-player__bar">
            <div className="osea-player__readout" aria-live="off">
              <span className="osea-player__label">{t('player.frame')}</span>
              <span className="osea-player__frame" data-testid="frame-index" data-phase={state.phase}>
                {frame === null ? '' : String(frame)}
              </span>
              <span className="osea-player__count">{t('player.frameOf', { count: frameTable.frameCount })}</span>
              <span className="osea-player__timecode" data-testid="frame-timecode" title={t('player.timecode')}>
                {frame === null ? '--:--:--.---' : formatTimecode(ptsSeconds(frameTable, frame))}
              </span>
            </div>
            <Space size="small" wrap>
              <Tooltip title={`${t('player.stepBack')} (←)`}>
                <Button size="small" onClick={() => controller?.step(-1)} data-testid="player-step-back">
                  ◀|
                </Button>
              </Tooltip>
              <Button size="small" type="primary" onClick={() => controller?.togglePlay()} data-testid="player-play">
                {playing ? t('player.pause') : t('player.play')}
              </Button>
              <Tooltip title={`${t('player.stepForward')} (→)`}>
                <Button size="small" onClick={() => controller?.step(1)} data-testid="player-step-forward">
                  |▶
                </Button>
              </Tooltip>
              <Button size="small" onClick={() => controller?.slower()} title={t('player.slower')}>
                [
              </Button>
              <span className="osea-player__rate" data-testid="player-rate">
                {t('player.rate', { rate: state.rate })}
              </span>
              <Button size="small" onClick={() => controller?.faster()} title={t('player.faster')}>
                ]
              </Button>
              <Button size="small" onClick={() => controller?.setIn()} data-testid="player-set-in">
                {t('player.setIn')}
              </Button>
              <span data-testid="player-in">{t('player.inPoint', { frame: state.inOut.inFrame ?? t('player.noPoint') })}</span>
              <Button size="small" onClick={() => controller?.setOut()} data-testid="player-set-out">
                {t('player.setOut')}
              </Button>
              <span data-testid="player-out">{t('player.outPoint', { frame: state.inOut.outFrame ?? t('player.noPoint') })}</span>
              <Button
                size="small"
                type={state.loop ? 'primary' : 'default'}
                onClick={() => controller?.toggleLoop()}
                data-testid="player-loop"
                aria-pressed={state.loop}
              >
                {state.loop ? t('player.loopOn') : t('player.loopOff')}
              </Button>
              <Tooltip title={t('player.zoomHint')}>
                <Segmented<ZoomLevel>
                  size="small"
                  value={zoom.scale}
                  onChange={zoomTo}
                  options={ZOOM_LEVELS.map((scale) => ({ value: scale, label: `${scale}×` }))}
                  data-testid="player-zoom-level"
                />
              </Tooltip>
            </Space>
          </div>
        </>
      )}
    </section>
  );
});
