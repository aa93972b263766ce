/**
 * A test page that mounts the real FramePlayer with `?src=MEDIA_URL&frames=FRAMES_URL[&marks=1][&lang=en-US]`
 * and exposes `window.playerHarness` for the e2e spec: seek by frame, wait until settled, and read the frame index
 * from the picture's pixels (drawImage → canvas → the same strip decoder the generator's tests use).
 */
import { createRef, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { FrameTable } from '../../../shared/domain/media/frame-table';
import { readFrameIndex } from '../../../shared/domain/media/frame-strip';
import { i18n } from '../../../renderer/src/i18n/setup';
import { FramePlayer, type FramePlayerHandle } from '../../../renderer/src/player';
import { DEMO_MARKS } from './demo-marks';
import type { PlayerHarness, ShownFrame } from './harness-api';

declare global {
  interface Window {
    playerHarness: PlayerHarness;
  }
}

const params = new URLSearchParams(window.location.search);
const handle = createRef<FramePlayerHandle>();
const canvas = document.createElement('canvas');

function video(): HTMLVideoElement | null {
  return document.querySelector<HTMLVideoElement>('[data-testid="player-host"] video');
}

/**
 * What the user sees: the decoded-frame overlay when it is up (it covers the video exactly), else the video. The
 * overlay is only counted when it is rendered (not `hidden`), so a drawing in a hidden canvas never passes.
 */
function visibleLayer(): { source: CanvasImageSource; width: number; height: number } | null {
  const element = video();
  if (!element || element.videoWidth === 0) return null;
  // the overlay is a few canvases (frames drawn ahead wait hidden); the last rendered one is on top
  const overlays = element.parentElement?.querySelectorAll<HTMLCanvasElement>(':scope > canvas[data-testid="player-frame-overlay"]') ?? [];
  const overlay = [...overlays].filter((canvas) => !canvas.hidden && getComputedStyle(canvas).display !== 'none').at(-1);
  if (overlay && overlay.width > 0) {
    return { source: overlay, width: overlay.width, height: overlay.height };
  }
  return { source: element, width: element.videoWidth, height: element.videoHeight };
}

function readPixels(): number | null {
  const layer = visibleLayer();
  if (!layer) return null;
  // The strip is 1/8 of the picture high and 16 blocks wide: 320 px across is plenty and keeps 1080p reads cheap.
  const width = Math.min(320, layer.width);
  const height = Math.max(8, Math.round((layer.height * width) / layer.width));
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(layer.source, 0, 0, width, height);
  const image = context.getImageData(0, 0, width, height);
  return readFrameIndex({ data: image.data, width, height, channels: 4 });
}

/** Which layer readPixels reads: 'overlay' or 'video' (null before the video has a picture). */
function visibleLayerName(): 'overlay' | 'video' | null {
  const layer = visibleLayer();
  if (!layer) return null;
  return layer.source instanceof HTMLCanvasElement ? 'overlay' : 'video';
}

const nextPaint = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

async function readSettled(): Promise<ShownFrame> {
  for (;;) {
    const player = handle.current;
    if (player && player.getState() !== null) {
      await player.whenSettled();
      const state = player.getState();
      const counter = document.querySelector<HTMLElement>('[data-testid="frame-index"]');
      const refused = state?.phase === 'refused';
      const rendered = counter?.dataset.phase === 'settled' && counter.textContent === String(state?.frame);
      if (state?.phase === 'settled' && rendered) {
        return { text: counter?.textContent ?? null, pixels: readPixels(), phase: state.phase, layer: visibleLayerName() };
      }
      if (refused) return { text: counter?.textContent ?? null, pixels: null, phase: 'refused' };
    }
    await nextPaint();
  }
}

const harness: PlayerHarness = {
  ready: false,
  integrityErrors: [],
  frameChanges: 0,
  seekToFrame: (frame) => handle.current?.seekToFrame(frame),
  readSettled,
  readPixels,
  visibleLayer: visibleLayerName,
  whenSettled: () => handle.current?.whenSettled() ?? Promise.resolve(),
  whenPresented: () => handle.current?.whenPresented() ?? Promise.resolve(),
  pressKey: (code) => {
    window.dispatchEvent(new KeyboardEvent('keydown', { code, key: code, bubbles: true }));
  },
  nextPaint,
  sampleShownFrames: async (ms) => {
    const frames = new Set<number>();
    const started = performance.now();
    while (performance.now() - started < ms) {
      await nextPaint();
      const text = document.querySelector('[data-testid="frame-index"]')?.textContent;
      if (text) frames.add(Number(text));
    }
    return [...frames].sort((a, b) => a - b);
  },
  confirmed: () => {
    const state = handle.current?.getState();
    return state ? { frame: state.frame, phase: state.phase } : null;
  },
};
window.playerHarness = harness;

async function main(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const src = params.get('src') ?? '';
  const framesUrl = params.get('frames') ?? '';
  await i18n.changeLanguage(params.get('lang') === 'en-US' ? 'en-US' : 'zh-CN');
  const response = await fetch(framesUrl);
  const parsed = FrameTable.safeParse(await response.json());
  if (!parsed.success) {
    root.render(<pre data-testid="harness-table-invalid">{parsed.error.message}</pre>);
    return;
  }
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <FramePlayer
          ref={handle}
          src={src}
          frameTable={parsed.data}
          marks={params.get('marks') === '1' ? DEMO_MARKS : undefined}
          onFrameChange={() => {
            harness.frameChanges += 1;
          }}
          onIntegrityError={(problem) => harness.integrityErrors.push(problem)}
          onRedownload={() => undefined}
        />
        <p>
          <input data-testid="harness-note" placeholder="note" />
        </p>
      </I18nextProvider>
    </StrictMode>,
  );
  harness.ready = true;
}

void main();
