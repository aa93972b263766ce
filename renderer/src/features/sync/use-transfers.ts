import { useSyncExternalStore } from 'react';
import { osea } from '../../app/bridge/osea';
import { applyTransferEvent, EMPTY_BOARD, FINISHED_VISIBLE_MS, withoutStaleFinished, type TransferBoard } from './transfers';

/**
 * One subscription to `transfer.progress` for the whole renderer, alive while anything shows transfers; the header
 * control is always mounted, so in practice it lives as long as the window.
 */
let board: TransferBoard = EMPTY_BOARD;
const listeners = new Set<() => void>();
let unsubscribe: (() => void) | null = null;
let sweep: ReturnType<typeof setTimeout> | null = null;

function publish(next: TransferBoard): void {
  if (next === board) return;
  board = next;
  for (const listener of listeners) listener();
}

function scheduleSweep(): void {
  if (sweep) clearTimeout(sweep);
  sweep = board.finished ? setTimeout(() => publish(withoutStaleFinished(board, Date.now())), FINISHED_VISIBLE_MS) : null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  unsubscribe ??= osea.on('transfer.progress', (event) => {
    publish(applyTransferEvent(board, event, Date.now()));
    scheduleSweep();
  });
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };
}

export function useTransfers(): TransferBoard {
  return useSyncExternalStore(subscribe, () => board);
}
