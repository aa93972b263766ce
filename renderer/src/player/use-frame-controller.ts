import { useEffect, useState, useSyncExternalStore } from 'react';
import type { FrameTable } from '../../../shared/domain/media/frame-table';
import { FrameController, type FrameControllerOptions, type FrameControllerState } from './frame-controller';

const LOADING_STATE: FrameControllerState = {
  phase: 'loading',
  frame: null,
  pendingFrame: null,
  rate: 1,
  inOut: { inFrame: null, outFrame: null },
  loop: false,
  shuttle: 'off',
  problem: null,
};

const noSubscription = (): (() => void) => () => undefined;
const loadingSnapshot = (): FrameControllerState => LOADING_STATE;

/** One FrameController per (video element, table); callbacks are read through a ref-like options object. */
export function useFrameController(
  video: HTMLVideoElement | null,
  table: FrameTable,
  options: FrameControllerOptions,
): { controller: FrameController | null; state: FrameControllerState } {
  const [controller, setController] = useState<FrameController | null>(null);
  const [latest] = useState<{ current: FrameControllerOptions }>(() => ({ current: options }));
  latest.current = options;

  useEffect(() => {
    if (!video) return undefined;
    const created = new FrameController(video, table, {
      initialFrame: latest.current.initialFrame,
      marks: latest.current.marks,
      onFrameChange: (frame) => latest.current.onFrameChange?.(frame),
      onInOutChange: (inOut) => latest.current.onInOutChange?.(inOut),
      onIntegrityError: (problem) => latest.current.onIntegrityError?.(problem),
    });
    setController(created);
    return () => {
      created.dispose();
      setController(null);
    };
  }, [video, table, latest]);

  useEffect(() => {
    controller?.setMarks(options.marks ?? []);
  }, [controller, options.marks]);

  const state = useSyncExternalStore(
    controller?.subscribe ?? noSubscription,
    controller?.getState ?? loadingSnapshot,
  );
  return { controller, state };
}
